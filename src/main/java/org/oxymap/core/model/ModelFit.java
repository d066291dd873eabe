package org.oxymap.core.model;

import java.util.List;

/**
 * A fit of one {@link ProfileModel} to one particle's profile, or to several particles that share the shape
 * parameter (a global fit), or the reason why no fit was made.
 *
 * <p>The shape parameter is D·t (nm²) for diffusion and the shell thickness δ (nm) for core–shell. Its standard
 * error comes from the covariance at the optimum, scaled by χ²_red when the fit is worse than the standard errors
 * say; {@code shapeCi95} is the matching 95% interval (Student t with N − k degrees of freedom; for D·t the
 * interval is symmetric in log10(D·t)), {@code shapeBootstrapCi95} the percentile interval of the bootstrap
 * (over pixels for one particle, over particles for a global fit), null when there was none.
 *
 * <p>Information criteria assume Gaussian errors with the profile's standard errors: AIC = χ² + 2k and
 * BIC = χ² + k·ln N, with N fitted bins and k parameters (Burnham &amp; Anderson 2002, known variances).
 *
 * @param particle           the particle's label, or 0 for a global fit
 * @param model              which model
 * @param status             "ok", "ok; …" with a caveat (a parameter at its bound, no covariance), or
 *                           "not fitted: …" with the reason
 * @param fitted             false when no fit was made (then every number below is NaN and the lists empty)
 * @param particles          particles in the fit
 * @param bins               N, the number of fitted bins
 * @param parameters         k: 1 shape parameter + 2 concentrations per particle
 * @param chi2               Σ ((model − data)/SE)² over the fitted bins
 * @param shape              D·t in nm² (diffusion) or δ in nm (core–shell)
 * @param shapeSe            its standard error, same unit
 * @param shapeCi95          95% interval from the covariance (null if the covariance is singular)
 * @param shapeBootstrapCi95 95% bootstrap percentile interval (null if not computed)
 * @param bootstrapReplicates bootstrap resamples that converged
 * @param concentrations     each particle's C_outer and C_inner (C0, C1 or C_shell, C_core)
 * @param radiusNm           sphere radius a used for D·t/a²: the particle's (section-weighted) radius, or the median
 *                           over particles for a global fit
 * @param residuals          data and model per fitted bin (and, for a global fit, the ensemble bins, particle 0)
 */
public record ModelFit(int particle, ProfileModel model, String status, boolean fitted, int particles, int bins,
        int parameters, double chi2, double shape, double shapeSe, Interval shapeCi95, Interval shapeBootstrapCi95,
        int bootstrapReplicates, List<ParticleConcentrations> concentrations, double radiusNm,
        List<BinResidual> residuals) {

    /** A row that says why there is no fit. */
    static ModelFit notFitted(int particle, ProfileModel model, int particles, int bins, int parameters, String reason) {
        return new ModelFit(particle, model, "not fitted: " + reason, false, particles, bins, parameters, Double.NaN,
                Double.NaN, Double.NaN, null, null, 0, List.of(), Double.NaN, List.of());
    }

    /** D in cm²/s for diffusion over {@code timeS} seconds (1 nm² = 1e-14 cm²). Diffusion fits only. */
    public double dCm2PerS(double timeS) {
        requireDiffusion();
        return shape / timeS * 1e-14;
    }

    /** The dimensionless time D·t/a². Diffusion fits only. */
    public double dtOverA2() {
        requireDiffusion();
        return shape / (radiusNm * radiusNm);
    }

    public double reducedChi2() {
        return bins > parameters ? chi2 / (bins - parameters) : Double.POSITIVE_INFINITY;
    }

    public double aic() {
        return chi2 + 2.0 * parameters;
    }

    public double bic() {
        return chi2 + parameters * Math.log(bins);
    }

    /** Mean over particles of C_outer (C0 or C_shell). */
    public double meanOuter() {
        return concentrations.stream().mapToDouble(ParticleConcentrations::cOuter).average().orElse(Double.NaN);
    }

    /** Mean over particles of C_inner (C1 or C_core). */
    public double meanInner() {
        return concentrations.stream().mapToDouble(ParticleConcentrations::cInner).average().orElse(Double.NaN);
    }

    /**
     * Standard error of {@link #meanOuter()}: the particle's own for one particle, the standard deviation over
     * particles / √P for a global fit (the spread of the particles, which dominates their fit errors).
     */
    public double meanOuterSe() {
        return meanSe(true);
    }

    /** Standard error of {@link #meanInner()}, as for {@link #meanOuterSe()}. */
    public double meanInnerSe() {
        return meanSe(false);
    }

    private double meanSe(boolean outer) {
        if (concentrations.size() == 1) {
            ParticleConcentrations c = concentrations.get(0);
            return outer ? c.cOuterSe() : c.cInnerSe();
        }
        double mean = outer ? meanOuter() : meanInner();
        double ss = 0;
        for (ParticleConcentrations c : concentrations) {
            double d = (outer ? c.cOuter() : c.cInner()) - mean;
            ss += d * d;
        }
        int p = concentrations.size();
        return Math.sqrt(ss / (p - 1)) / Math.sqrt(p);
    }

    /** The spine's diffusion record (shared concentrations reported as the particle means). */
    public DiffusionFit toDiffusionFit() {
        requireDiffusion();
        if (!fitted) {
            throw new IllegalStateException("particle " + particle + ": " + status);
        }
        return new DiffusionFit(particle, particles, shape, shapeSe / shape, meanOuter(), meanOuterSe(), meanInner(),
                meanInnerSe(), chi2, bins, parameters, radiusNm);
    }

    private void requireDiffusion() {
        if (model != ProfileModel.DIFFUSION) {
            throw new IllegalStateException("D is defined for the diffusion model only, this is " + model.label());
        }
    }
}
