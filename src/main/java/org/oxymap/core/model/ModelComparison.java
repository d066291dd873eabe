package org.oxymap.core.model;

/**
 * Diffusion against core–shell on the same bins: reduced χ², AIC, BIC and a verdict with its margin.
 *
 * <p>Margins are {@code ΔAIC = AIC(core–shell) − AIC(diffusion)} and {@code ΔBIC} likewise, so a positive margin
 * favours diffusion. Both models have one shape parameter and two concentrations per particle and are fitted to
 * the same N bins, so ΔAIC = ΔBIC = Δχ² here; the two columns differ only if a model gains parameters.
 *
 * <p><b>Rule.</b> The margin is ΔBIC computed with χ² divided by the overdispersion
 * {@code ĉ = max(1, smaller χ²_red of the two fits)} (the quasi-likelihood criterion of Burnham &amp; Anderson
 * 2002, §2.5 and §6.2): when even the better model misses the data by more than their standard errors (probe
 * blur, segmentation, a particle that is not a sphere) the χ² difference is not trusted at face value. With
 * ĉ = 1 the margin is ΔBIC itself. The verdict is the model with the lower criterion when
 * |margin| ≥ {@value #DECISIVE_MARGIN}, "undecided" otherwise. A BIC difference of 10 is "very strong" evidence
 * on Kass &amp; Raftery's scale (J. Am. Stat. Assoc. 90, 773, 1995), posterior odds of about 150:1, and for AIC
 * the worse model "has essentially no support" (Burnham &amp; Anderson 2002, §2.6). When either fit is missing
 * the verdict is undecided, with the reason.
 *
 * @param particle          particle label, 0 for the global fits
 * @param status            "ok" or why there is no comparison
 * @param chi2RedDiffusion  χ²_red of the diffusion fit
 * @param chi2RedCoreShell  χ²_red of the core–shell fit
 * @param deltaAic          AIC(core–shell) − AIC(diffusion)
 * @param deltaBic          BIC(core–shell) − BIC(diffusion)
 * @param overdispersion    ĉ, the smaller χ²_red of the two fits, at least 1
 * @param margin            ΔBIC with χ² divided by ĉ; positive favours diffusion
 * @param verdict           the model the data support
 */
public record ModelComparison(int particle, String status, double chi2RedDiffusion, double chi2RedCoreShell,
        double deltaAic, double deltaBic, double overdispersion, double margin, Verdict verdict) {

    /** |ΔBIC| needed for a verdict. */
    public static final double DECISIVE_MARGIN = 10.0;

    public static ModelComparison of(ModelFit diffusion, ModelFit coreShell) {
        if (diffusion.model() != ProfileModel.DIFFUSION || coreShell.model() != ProfileModel.CORE_SHELL) {
            throw new IllegalArgumentException("compare a diffusion fit with a core-shell fit, got "
                    + diffusion.model().label() + " and " + coreShell.model().label());
        }
        if (diffusion.particle() != coreShell.particle()) {
            throw new IllegalArgumentException("fits of different particles: " + diffusion.particle() + " and "
                    + coreShell.particle());
        }
        if (!diffusion.fitted() || !coreShell.fitted()) {
            String why = !diffusion.fitted() ? "diffusion " + diffusion.status() : "core-shell " + coreShell.status();
            return new ModelComparison(diffusion.particle(), "no comparison: " + why, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.UNDECIDED);
        }
        if (diffusion.bins() != coreShell.bins()) {
            throw new IllegalArgumentException("particle " + diffusion.particle() + ": the fits used " + diffusion.bins()
                    + " and " + coreShell.bins() + " bins; models compare only on the same bins");
        }
        double deltaAic = coreShell.aic() - diffusion.aic();
        double deltaBic = coreShell.bic() - diffusion.bic();
        double c = Math.max(1.0, Math.min(diffusion.reducedChi2(), coreShell.reducedChi2()));
        double margin = (coreShell.chi2() - diffusion.chi2()) / c
                + (coreShell.parameters() - diffusion.parameters()) * Math.log(diffusion.bins());
        Verdict verdict = margin >= DECISIVE_MARGIN ? Verdict.DIFFUSION
                : margin <= -DECISIVE_MARGIN ? Verdict.CORE_SHELL : Verdict.UNDECIDED;
        return new ModelComparison(diffusion.particle(), "ok", diffusion.reducedChi2(), coreShell.reducedChi2(), deltaAic,
                deltaBic, c, margin, verdict);
    }
}
