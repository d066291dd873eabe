package org.oxymap.core.agglomerate;

/**
 * Parameters of the agglomerate analysis. Keys in params.json (section {@code agglomerates}) are the snake-case
 * names; command-line options the kebab-case ones.
 *
 * @param closingNm         radius of the disc that closes the particle mask for automatic agglomerates
 *                          ({@code closing_nm}, {@code --closing-nm}): particles closer than twice it join
 * @param largeDiameterUm   agglomerates of at least this equivalent diameter are large ({@code large_diameter_um})
 * @param bandNm            band width w: particles of a large agglomerate whose centroid lies within w of its
 *                          boundary are exterior ({@code band_nm})
 * @param thicknessBins     number of equal-count thickness bins of the thickness-controlled comparison
 *                          ({@code thickness_bins})
 * @param boundaryBinNm     bin width of the fraction against boundary distance ({@code boundary_bin_nm})
 * @param thicknessStepNm   bin width of the fraction against thickness ({@code thickness_step_nm})
 * @param bootstrap         bootstrap resamples of the class differences; 0 = none ({@code agglomerate_bootstrap})
 * @param bootstrapSeed     their seed ({@code agglomerate_seed})
 */
public record AgglomerateSettings(double closingNm, double largeDiameterUm, double bandNm, int thicknessBins,
        double boundaryBinNm, double thicknessStepNm, int bootstrap, long bootstrapSeed) {

    /**
     * Closing 100 nm, large from 1 µm, band 200 nm (about one primary-particle diameter), 4 thickness bins,
     * 50 nm boundary bins, 10 nm thickness steps, 2000 bootstrap resamples with seed 1.
     */
    public static AgglomerateSettings defaults() {
        return new AgglomerateSettings(100.0, 1.0, 200.0, 4, 50.0, 10.0, 2000, 1L);
    }

    public AgglomerateSettings withClosingNm(double v) {
        return new AgglomerateSettings(v, largeDiameterUm, bandNm, thicknessBins, boundaryBinNm, thicknessStepNm,
                bootstrap, bootstrapSeed);
    }

    public AgglomerateSettings withLargeDiameterUm(double v) {
        return new AgglomerateSettings(closingNm, v, bandNm, thicknessBins, boundaryBinNm, thicknessStepNm,
                bootstrap, bootstrapSeed);
    }

    public AgglomerateSettings withBandNm(double v) {
        return new AgglomerateSettings(closingNm, largeDiameterUm, v, thicknessBins, boundaryBinNm, thicknessStepNm,
                bootstrap, bootstrapSeed);
    }

    public AgglomerateSettings withThicknessBins(int v) {
        return new AgglomerateSettings(closingNm, largeDiameterUm, bandNm, v, boundaryBinNm, thicknessStepNm,
                bootstrap, bootstrapSeed);
    }

    public AgglomerateSettings withBoundaryBinNm(double v) {
        return new AgglomerateSettings(closingNm, largeDiameterUm, bandNm, thicknessBins, v, thicknessStepNm,
                bootstrap, bootstrapSeed);
    }

    public AgglomerateSettings withThicknessStepNm(double v) {
        return new AgglomerateSettings(closingNm, largeDiameterUm, bandNm, thicknessBins, boundaryBinNm, v,
                bootstrap, bootstrapSeed);
    }

    public AgglomerateSettings withBootstrap(int replicates, long seed) {
        return new AgglomerateSettings(closingNm, largeDiameterUm, bandNm, thicknessBins, boundaryBinNm,
                thicknessStepNm, replicates, seed);
    }

    /** Throws IllegalArgumentException naming the first parameter out of range (command-line names). */
    public void validate() {
        check(closingNm >= 0 && Double.isFinite(closingNm), "closing-nm", closingNm, "a number of nm >= 0");
        check(largeDiameterUm > 0 && Double.isFinite(largeDiameterUm), "large-diameter-um", largeDiameterUm,
                "a positive number of µm");
        check(bandNm >= 0 && Double.isFinite(bandNm), "band-nm", bandNm, "a number of nm >= 0");
        check(thicknessBins >= 1 && thicknessBins <= 100, "thickness-bins", thicknessBins, "1..100");
        check(boundaryBinNm > 0 && Double.isFinite(boundaryBinNm), "boundary-bin-nm", boundaryBinNm,
                "a positive number of nm");
        check(thicknessStepNm > 0 && Double.isFinite(thicknessStepNm), "thickness-step-nm", thicknessStepNm,
                "a positive number of nm");
        check(bootstrap >= 0, "agglomerate-bootstrap", bootstrap, "a number >= 0");
    }

    private static void check(boolean ok, String name, double value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("parameter " + name + " is " + value + ", expected " + expected);
        }
    }
}
