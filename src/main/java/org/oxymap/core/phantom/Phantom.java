package org.oxymap.core.phantom;

import java.util.List;

import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

/**
 * A synthetic stack with its known answer. Truth maps are row-major, in the frame of the average drift position
 * (the frame that alignment to the mean position recovers).
 *
 * @param settings        what it was made from
 * @param stack           transmitted counts, one plane per energy
 * @param references      the reference spectra in OD per nm, in the order of {@code fractions}
 * @param i0              the incident counts per energy
 * @param thicknessNm     true chord length per pixel (0 outside particles)
 * @param fractions       true fraction of each reference per pixel (0 outside particles)
 * @param labels          true particle label per pixel (0 = background)
 * @param particles       per-particle truth
 * @param driftXPx        per-energy drift along x: plane k shows the scene displaced by +driftX[k]
 * @param driftYPx        per-energy drift along y
 */
public record Phantom(PhantomSettings settings, SpectralStack stack, List<ReferenceSpectrum> references, double[] i0,
        float[] thicknessNm, List<float[]> fractions, int[] labels, List<PhantomParticle> particles,
        double[] driftXPx, double[] driftYPx) {

    /** D·t in nm² (1 cm² = 1e14 nm²). */
    public double dtNm2() {
        return settings.dCm2PerS() * 1e14 * settings.timeS();
    }
}
