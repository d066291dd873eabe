package org.oxymap.core.stoichiometry;

/**
 * Everything the oxygen-stoichiometry step needs. Optional numbers are {@code NaN} when not given (a measured
 * quantity that was not measured); uncertainties are standard uncertainties, 0 = exact.
 *
 * @param formula                pristine composition per formula unit, e.g. Li1.18Ni0.21Mn0.53Co0.08O2
 * @param pristine               oxidation states of the pristine material
 * @param cycled                 oxidation states after cycling (elements with a fixed valence may be left out)
 * @param liTmMeasured           measured Li:TM atomic ratio (ICP), NaN = none
 * @param liTmMeasuredSe         its standard uncertainty
 * @param densityMeasuredGPerCm3 measured density of the cycled material in g/cm³, NaN = none
 * @param densityMeasuredSe      its standard uncertainty in g/cm³
 * @param pristineDensityGPerCm3 density of the pristine material in g/cm³ (sets the volume per anion site), NaN = none
 * @param cellVolumePristineA3   pristine cell volume per formula unit as written (Å³), NaN = none
 * @param cellVolumeCycledA3     cycled cell volume per formula unit (Å³), NaN = same volume per anion site as pristine
 * @param monteCarloSamples      samples for the Monte Carlo propagation
 * @param seed                   seed of the Monte Carlo propagation (fixed, so results are reproducible)
 */
public record StoichiometryInput(ChemicalFormula formula, OxidationStates pristine, OxidationStates cycled,
        double liTmMeasured, double liTmMeasuredSe, double densityMeasuredGPerCm3, double densityMeasuredSe,
        double pristineDensityGPerCm3, double cellVolumePristineA3, double cellVolumeCycledA3, int monteCarloSamples,
        long seed) {

    public static final int DEFAULT_SAMPLES = 20000;
    public static final long DEFAULT_SEED = 20211;

    /** The required inputs only; optional measurements absent, default Monte Carlo settings. */
    public static StoichiometryInput of(ChemicalFormula formula, OxidationStates pristine, OxidationStates cycled) {
        return new StoichiometryInput(formula, pristine, cycled, Double.NaN, 0, Double.NaN, 0, Double.NaN, Double.NaN,
                Double.NaN, DEFAULT_SAMPLES, DEFAULT_SEED);
    }

    public StoichiometryInput withLiTm(double ratio, double se) {
        return new StoichiometryInput(formula, pristine, cycled, ratio, se, densityMeasuredGPerCm3,
                densityMeasuredSe, pristineDensityGPerCm3, cellVolumePristineA3, cellVolumeCycledA3, monteCarloSamples,
                seed);
    }

    public StoichiometryInput withDensity(double gPerCm3, double se) {
        return new StoichiometryInput(formula, pristine, cycled, liTmMeasured, liTmMeasuredSe, gPerCm3, se,
                pristineDensityGPerCm3, cellVolumePristineA3, cellVolumeCycledA3, monteCarloSamples, seed);
    }

    public StoichiometryInput withPristineDensity(double gPerCm3) {
        return new StoichiometryInput(formula, pristine, cycled, liTmMeasured, liTmMeasuredSe, densityMeasuredGPerCm3,
                densityMeasuredSe, gPerCm3, cellVolumePristineA3, cellVolumeCycledA3, monteCarloSamples, seed);
    }

    public StoichiometryInput withCellVolumes(double pristineA3, double cycledA3) {
        return new StoichiometryInput(formula, pristine, cycled, liTmMeasured, liTmMeasuredSe, densityMeasuredGPerCm3,
                densityMeasuredSe, pristineDensityGPerCm3, pristineA3, cycledA3, monteCarloSamples, seed);
    }

    public StoichiometryInput withMonteCarlo(int samples, long newSeed) {
        return new StoichiometryInput(formula, pristine, cycled, liTmMeasured, liTmMeasuredSe, densityMeasuredGPerCm3,
                densityMeasuredSe, pristineDensityGPerCm3, cellVolumePristineA3, cellVolumeCycledA3, samples, newSeed);
    }

    public boolean hasLiTm() {
        return !Double.isNaN(liTmMeasured);
    }

    public boolean hasDensity() {
        return !Double.isNaN(densityMeasuredGPerCm3);
    }

    /** Checks the numbers that do not depend on the formula's chemistry; throws naming the parameter. */
    public void validate() {
        if (formula == null || pristine == null || cycled == null) {
            throw new IllegalArgumentException("formula, pristine and cycled oxidation states are all required");
        }
        positiveOrAbsent(liTmMeasured, "measured Li:TM ratio (li_tm)");
        nonNegative(liTmMeasuredSe, "uncertainty of the measured Li:TM ratio");
        positiveOrAbsent(densityMeasuredGPerCm3, "measured density (density, g/cm³)");
        nonNegative(densityMeasuredSe, "uncertainty of the measured density");
        positiveOrAbsent(pristineDensityGPerCm3, "pristine density (pristine_density, g/cm³)");
        positiveOrAbsent(cellVolumePristineA3, "pristine cell volume (cell_volume_pristine, Å³ per formula unit)");
        positiveOrAbsent(cellVolumeCycledA3, "cycled cell volume (cell_volume_cycled, Å³ per formula unit)");
        if (!Double.isNaN(pristineDensityGPerCm3) && !Double.isNaN(cellVolumePristineA3)) {
            throw new IllegalArgumentException("give the pristine density or the pristine cell volume, not both: "
                    + "each sets the pristine volume per anion site");
        }
        if (!Double.isNaN(cellVolumeCycledA3) && Double.isNaN(cellVolumePristineA3)
                && Double.isNaN(pristineDensityGPerCm3)) {
            throw new IllegalArgumentException("a cycled cell volume needs the pristine cell volume or the pristine "
                    + "density to compare with");
        }
        if (hasDensity() && Double.isNaN(cellVolumePristineA3) && Double.isNaN(pristineDensityGPerCm3)) {
            throw new IllegalArgumentException("a measured density (g/cm³) needs the pristine density or the pristine "
                    + "cell volume to compare with");
        }
        if (monteCarloSamples < 100) {
            throw new IllegalArgumentException("Monte Carlo samples is " + monteCarloSamples + ", expected >= 100");
        }
    }

    private static void positiveOrAbsent(double v, String what) {
        if (!Double.isNaN(v) && (!Double.isFinite(v) || v <= 0)) {
            throw new IllegalArgumentException(what + " is " + v + ", expected a positive number");
        }
    }

    private static void nonNegative(double v, String what) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(what + " is " + v + ", expected a number >= 0");
        }
    }
}
