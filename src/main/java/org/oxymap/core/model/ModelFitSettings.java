package org.oxymap.core.model;

/**
 * Parameters of the model fits, with defaults and validation. The names (snake case) are the keys in
 * {@code params.json}.
 *
 * @param offsetMode          how the lamella offset enters the models
 * @param offsetNm            |z0| for {@link OffsetMode#FIXED} (nm, ≥ 0); ignored otherwise
 * @param offsetMaxNm         z_max for {@link OffsetMode#UNIFORM} (nm, &gt; 0); NaN = each particle's visible radius
 * @param bootstrapReplicates bootstrap resamples per fit (0 = no bootstrap intervals)
 * @param bootstrapSeed       seed of the bootstrap's random numbers: the same seed gives the same intervals
 */
public record ModelFitSettings(OffsetMode offsetMode, double offsetNm, double offsetMaxNm, int bootstrapReplicates,
        long bootstrapSeed) {

    public static ModelFitSettings defaults() {
        return new ModelFitSettings(OffsetMode.FITTED, 0.0, Double.NaN, 200, 1L);
    }

    public ModelFitSettings withOffset(OffsetMode mode, double fixedOrMaxNm) {
        return mode == OffsetMode.FIXED ? new ModelFitSettings(mode, fixedOrMaxNm, offsetMaxNm, bootstrapReplicates, bootstrapSeed)
                : mode == OffsetMode.UNIFORM ? new ModelFitSettings(mode, offsetNm, fixedOrMaxNm, bootstrapReplicates, bootstrapSeed)
                : new ModelFitSettings(mode, offsetNm, offsetMaxNm, bootstrapReplicates, bootstrapSeed);
    }

    public ModelFitSettings withBootstrap(int replicates, long seed) {
        return new ModelFitSettings(offsetMode, offsetNm, offsetMaxNm, replicates, seed);
    }

    /** Throws IllegalArgumentException naming the first parameter out of range. */
    public void validate() {
        if (offsetMode == null) {
            throw new IllegalArgumentException("parameter offset must be fitted, fixed or uniform");
        }
        if (!(offsetNm >= 0 && Double.isFinite(offsetNm))) {
            throw new IllegalArgumentException("parameter offset-nm is " + offsetNm + ", expected a number of nm >= 0");
        }
        if (!(Double.isNaN(offsetMaxNm) || (offsetMaxNm > 0 && Double.isFinite(offsetMaxNm)))) {
            throw new IllegalArgumentException("parameter offset-max-nm is " + offsetMaxNm
                    + ", expected a positive number of nm (or unset for the visible radius)");
        }
        if (bootstrapReplicates < 0 || bootstrapReplicates > 100000) {
            throw new IllegalArgumentException("parameter bootstrap is " + bootstrapReplicates
                    + ", expected 0 (none) to 100000 resamples");
        }
    }
}
