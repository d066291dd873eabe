package org.oxymap.core.spectra;

/**
 * The result of {@link EnergyShiftFitter}.
 *
 * @param shiftEv       shift added to every reference's energies, eV
 * @param residualSumSq residual sum of squares of the linear-combination fit at that shift
 * @param unshiftedSumSq residual sum of squares without a shift, for comparison
 * @param coefficients  fitted coefficients at that shift, references first, then the background terms
 */
public record EnergyShiftFit(double shiftEv, double residualSumSq, double unshiftedSumSq, double[] coefficients) {

    public EnergyShiftFit {
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }
}
