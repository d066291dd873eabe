package org.oxymap.core.energy;

import org.oxymap.core.stack.SpectralStack;

/**
 * Energy-axis calibration. A monochromator's energy scale drifts between beamtimes and differs between beamlines by
 * a few tenths of an eV, comparable to the separation of the Mn2+/Mn3+/Mn4+ L3 lines, so stacks and references must
 * share one scale before a linear-combination fit. The usual practice (e.g. aXis2000, Athena) is a rigid shift: a
 * reference sample measured in the same session has a feature (a white-line peak or an edge) whose energy is known
 * from the literature, and the shift that brings the measured feature there is applied to the whole axis.
 */
public final class EnergyAxisCalibrator {

    private EnergyAxisCalibrator() {
    }

    /**
     * The offset to add to the measured energies: {@code knownEv − measured feature energy}.
     *
     * @param energiesEv the reference sample's measured energies
     * @param values     its spectrum (OD or normalised absorption)
     * @param loEv       start of the window the feature is searched in (NaN = whole spectrum)
     * @param hiEv       end of the window (NaN = whole spectrum)
     * @throws IllegalArgumentException as {@link SpectralFeatureLocator#locate}, or if {@code knownEv} is not finite
     */
    public static double offsetEv(double[] energiesEv, double[] values, SpectralFeature feature, double knownEv,
                                  double loEv, double hiEv) {
        if (!Double.isFinite(knownEv)) {
            throw new IllegalArgumentException("known feature energy is " + knownEv + ", expected a finite eV value");
        }
        return knownEv - SpectralFeatureLocator.locate(energiesEv, values, feature, loEv, hiEv);
    }

    /**
     * The same stack with {@code offsetEv} added to every energy (planes shared, metadata kept).
     *
     * @throws IllegalArgumentException if the offset is not finite
     */
    public static SpectralStack shifted(SpectralStack stack, double offsetEv) {
        if (!Double.isFinite(offsetEv)) {
            throw new IllegalArgumentException("parameter energy-shift is " + offsetEv + ", expected a finite eV value");
        }
        if (offsetEv == 0) {
            return stack;
        }
        double[] e = stack.energiesEv();
        for (int k = 0; k < e.length; k++) {
            e[k] += offsetEv;
        }
        return SpectralStack.wrap(stack.planes(), stack.width(), stack.height(), e, stack.pixelWidthNm(),
                stack.pixelHeightNm(), stack.i0OrNull(), stack.dwellMs().orElse(Double.NaN));
    }
}
