package org.oxymap.core.phantom;

import java.util.List;

import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

/**
 * A synthetic stack of agglomerates with its known answer. Maps are row-major in the frame of the average drift
 * position.
 *
 * @param settings          what it was made from
 * @param stack             transmitted counts, one plane per energy
 * @param references        the reference spectra in OD per nm, in the order of {@code fractions}
 * @param i0                incident counts per energy
 * @param thicknessNm       true thickness per pixel (0 outside particles)
 * @param fractions         true fraction of each reference per pixel
 * @param labels            true primary-particle label per pixel
 * @param agglomerateLabels true agglomerate label per pixel: the union of its particles' discs, closed over the
 *                          lattice gaps (each isolated particle is its own agglomerate)
 * @param particles         per-particle truth, index = id − 1
 * @param classes           per-class truth, in {@code interior, exterior, small, isolated} order
 * @param driftXPx          per-energy drift along x
 * @param driftYPx          per-energy drift along y
 */
public record AgglomeratePhantom(AgglomeratePhantomSettings settings, SpectralStack stack,
        List<ReferenceSpectrum> references, double[] i0, float[] thicknessNm, List<float[]> fractions, int[] labels,
        int[] agglomerateLabels, List<AgglomeratePhantomParticle> particles, List<ClassTruth> classes,
        double[] driftXPx, double[] driftYPx) {

    /**
     * The true statistics of one class.
     *
     * @param classLabel      interior, exterior, small or isolated
     * @param mean            thickness-weighted mean Mn3+ fraction over the class's pixels (what the class mean of a
     *                        run estimates)
     * @param offset          the class offset f_class (the Mn3+ fraction at the reference thickness, which the
     *                        thickness-controlled comparison recovers)
     * @param particles       number of particles
     * @param pixels          number of pixels
     * @param meanThicknessNm mean pixel thickness
     */
    public record ClassTruth(String classLabel, double mean, double offset, int particles, int pixels,
            double meanThicknessNm) {
    }
}
