package org.oxymap.core.pipeline;

import org.oxymap.core.align.AlignmentSettings;
import org.oxymap.core.align.PixelRectangle;

/**
 * How a raw transmission stack is prepared before the fit: energy-axis shift, outlier replacement, alignment across
 * energies, and where I0 comes from when no I0 spectrum is given. Same names as the params.json keys (snake case)
 * and the command-line options (kebab case).
 *
 * @param energyShiftEv added to every energy of the stack (calibration), eV; 0 = none
 * @param outlierSigma  replace isolated pixels more than this many robust σ from their 3×3 neighbourhood median;
 *                      0 = off
 * @param alignment     how the planes are aligned (used when {@link PipelineSettings#align()} is true)
 * @param i0Roi         take I0 from this rectangle (input stack pixels; after alignment, clipped to the crop when
 *                      cropping) rather than the automatic empty region; null = automatic
 */
public record PreparationSettings(double energyShiftEv, double outlierSigma, AlignmentSettings alignment,
        PixelRectangle i0Roi) {

    /** No energy shift, no outlier replacement, {@link AlignmentSettings#defaults()}, automatic I0. */
    public static PreparationSettings defaults() {
        return new PreparationSettings(0.0, 0.0, AlignmentSettings.defaults(), null);
    }

    public PreparationSettings withEnergyShiftEv(double v) {
        return new PreparationSettings(v, outlierSigma, alignment, i0Roi);
    }

    public PreparationSettings withOutlierSigma(double v) {
        return new PreparationSettings(energyShiftEv, v, alignment, i0Roi);
    }

    public PreparationSettings withAlignment(AlignmentSettings v) {
        return new PreparationSettings(energyShiftEv, outlierSigma, v, i0Roi);
    }

    public PreparationSettings withI0Roi(PixelRectangle v) {
        return new PreparationSettings(energyShiftEv, outlierSigma, alignment, v);
    }

    /** Throws IllegalArgumentException naming the first parameter out of range. */
    public void validate() {
        if (!Double.isFinite(energyShiftEv)) {
            throw new IllegalArgumentException("parameter energy-shift is " + energyShiftEv
                    + ", expected a finite number of eV");
        }
        if (!(outlierSigma == 0 || (outlierSigma >= 2 && Double.isFinite(outlierSigma)))) {
            throw new IllegalArgumentException("parameter outliers is " + outlierSigma
                    + ", expected 0 (off) or a number of σ >= 2");
        }
        if (alignment == null) {
            throw new IllegalArgumentException("alignment settings must be given");
        }
        alignment.validate();
    }
}
