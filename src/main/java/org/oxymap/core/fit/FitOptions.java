package org.oxymap.core.fit;

/**
 * Options of the per-pixel linear-combination fit.
 *
 * @param background      background terms fitted next to the references (free in sign)
 * @param sumToOne        require the reference coefficients to add up to exactly 1 (an equality constraint, imposed
 *                        exactly). Only meaningful when the references <b>and</b> the data are normalised (edge
 *                        step 1): the coefficients are then fractions directly. Without it the fractions
 *                        c_k / Σ c_j sum to one by construction and Σ c_k is the thickness, which is what OD stacks
 *                        need; with OD data (not normalised) sum-to-one would force the thickness to 1.
 * @param weights         per-energy weights ({@link FitWeights#POISSON} needs the counts and I0)
 * @param jumpThresholdOd pixels whose edge jump (mean OD of the post-edge band minus that of the pre-edge band,
 *                        see {@link EdgeJump}) is below this are flagged in the jump mask (they are still fitted).
 *                        Default 0.02 OD: about five standard deviations of the jump at 3·10⁴ incident counts, and
 *                        about 8 nm of material for the synthetic Mn L3 references
 */
public record FitOptions(BackgroundModel background, boolean sumToOne, FitWeights weights, double jumpThresholdOd) {

    /** Default edge-jump threshold in OD. */
    public static final double DEFAULT_JUMP_THRESHOLD_OD = 0.02;

    public FitOptions {
        if (background == null || weights == null) {
            throw new IllegalArgumentException("fit options need a background model and a weighting");
        }
        if (!Double.isFinite(jumpThresholdOd)) {
            throw new IllegalArgumentException("parameter jump-threshold-od is " + jumpThresholdOd
                    + ", expected a finite number of OD");
        }
    }

    /** The given background, no sum-to-one, no weights, the default jump threshold. */
    public static FitOptions of(BackgroundModel background) {
        return new FitOptions(background, false, FitWeights.NONE, DEFAULT_JUMP_THRESHOLD_OD);
    }

    public static FitOptions defaults() {
        return of(BackgroundModel.CONSTANT);
    }

    public FitOptions withBackground(BackgroundModel v) {
        return new FitOptions(v, sumToOne, weights, jumpThresholdOd);
    }

    public FitOptions withSumToOne(boolean v) {
        return new FitOptions(background, v, weights, jumpThresholdOd);
    }

    public FitOptions withWeights(FitWeights v) {
        return new FitOptions(background, sumToOne, v, jumpThresholdOd);
    }

    public FitOptions withJumpThresholdOd(double v) {
        return new FitOptions(background, sumToOne, weights, v);
    }
}
