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
 * @param probeFwhmNm         FWHM of the Gaussian probe (the instrument's spatial resolution) that blurred the maps,
 *                            nm; 0 = point probe. The geometry fit and both models are blurred by it
 *                            ({@link RadialProbeBlur}), so that a profile's outer bins are modelled as measured.
 * @param deconvolveProbe     with a probe FWHM &gt; 0: undo the probe blur on the (aligned) transmission stack before
 *                            the optical density ({@code org.oxymap.core.od.ProbeDeconvolution}); the geometry fit
 *                            and both models then carry only the blur left (none for a probe up to 1.66 pixels
 *                            FWHM). Ignored without a probe FWHM.
 */
public record ModelFitSettings(OffsetMode offsetMode, double offsetNm, double offsetMaxNm, int bootstrapReplicates,
        long bootstrapSeed, double probeFwhmNm, boolean deconvolveProbe) {

    /** Without deconvolution of the probe, as before {@code deconvolve_probe} existed. */
    public ModelFitSettings(OffsetMode offsetMode, double offsetNm, double offsetMaxNm, int bootstrapReplicates,
            long bootstrapSeed, double probeFwhmNm) {
        this(offsetMode, offsetNm, offsetMaxNm, bootstrapReplicates, bootstrapSeed, probeFwhmNm, DEFAULT_DECONVOLVE);
    }

    /** Default of {@code deconvolve_probe}: on (it acts only when a probe FWHM is given). */
    public static final boolean DEFAULT_DECONVOLVE = true;

    /** Without a probe blur (point probe), as before {@code probe_fwhm_nm} existed. */
    public ModelFitSettings(OffsetMode offsetMode, double offsetNm, double offsetMaxNm, int bootstrapReplicates,
            long bootstrapSeed) {
        this(offsetMode, offsetNm, offsetMaxNm, bootstrapReplicates, bootstrapSeed, 0.0);
    }

    public static ModelFitSettings defaults() {
        return new ModelFitSettings(OffsetMode.FITTED, 0.0, Double.NaN, 200, 1L, 0.0);
    }

    public ModelFitSettings withDeconvolveProbe(boolean deconvolve) {
        return new ModelFitSettings(offsetMode, offsetNm, offsetMaxNm, bootstrapReplicates, bootstrapSeed, probeFwhmNm,
                deconvolve);
    }

    /** Whether the amount maps are deconvolved: asked for, and a probe FWHM given. */
    public boolean deconvolves() {
        return deconvolveProbe && probeFwhmNm > 0;
    }

    public ModelFitSettings withProbeFwhmNm(double fwhmNm) {
        return new ModelFitSettings(offsetMode, offsetNm, offsetMaxNm, bootstrapReplicates, bootstrapSeed, fwhmNm,
                deconvolveProbe);
    }

    public ModelFitSettings withOffset(OffsetMode mode, double fixedOrMaxNm) {
        return mode == OffsetMode.FIXED ? new ModelFitSettings(mode, fixedOrMaxNm, offsetMaxNm, bootstrapReplicates, bootstrapSeed, probeFwhmNm, deconvolveProbe)
                : mode == OffsetMode.UNIFORM ? new ModelFitSettings(mode, offsetNm, fixedOrMaxNm, bootstrapReplicates, bootstrapSeed, probeFwhmNm, deconvolveProbe)
                : new ModelFitSettings(mode, offsetNm, offsetMaxNm, bootstrapReplicates, bootstrapSeed, probeFwhmNm,
                        deconvolveProbe);
    }

    public ModelFitSettings withBootstrap(int replicates, long seed) {
        return new ModelFitSettings(offsetMode, offsetNm, offsetMaxNm, replicates, seed, probeFwhmNm, deconvolveProbe);
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
        if (!(probeFwhmNm >= 0 && Double.isFinite(probeFwhmNm))) {
            throw new IllegalArgumentException("parameter probe-fwhm-nm is " + probeFwhmNm
                    + ", expected a number of nm >= 0 (0 = point probe)");
        }
    }
}
