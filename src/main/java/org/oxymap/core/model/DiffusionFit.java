package org.oxymap.core.model;

/**
 * A fit of the depth-averaged sphere diffusion model to one or more particles' profiles, in the spine's form
 * (made from a {@link ModelFit} by {@link ModelFit#toDiffusionFit()}; for a global fit the concentrations are the
 * means over the particles, each of which has its own).
 *
 * <p>The model's information criteria assume Gaussian errors with the profile's standard errors:
 * AIC = χ² + 2k and BIC = χ² + k·ln N, with N fitted bins and k parameters (Burnham &amp; Anderson 2002, for
 * known variances), so that models fitted to the same bins compare directly.
 *
 * @param particle     the particle's label, or 0 for the global fit over all particles
 * @param particles    how many particles entered the fit
 * @param dtNm2        D·t in nm²
 * @param dtRelSe      standard error of D·t relative to D·t (from the covariance, scaled by χ²_red when > 1)
 * @param cSurface     fitted surface concentration C0
 * @param cSurfaceSe   its standard error
 * @param cBulk        fitted initial (bulk) concentration C1
 * @param cBulkSe      its standard error
 * @param chi2         Σ ((model − data)/SE)² over the fitted bins
 * @param bins         N, the number of fitted bins
 * @param parameters   k, the number of fitted parameters
 * @param radiusNm     sphere radius used for D·t/a²: the particle's own, or the median over particles
 */
public record DiffusionFit(int particle, int particles, double dtNm2, double dtRelSe, double cSurface,
        double cSurfaceSe, double cBulk, double cBulkSe, double chi2, int bins, int parameters, double radiusNm) {

    public static final String MODEL = "sphere-diffusion";

    /** D in cm²/s for diffusion over {@code timeS} seconds (1 nm² = 1e-14 cm²). */
    public double dCm2PerS(double timeS) {
        return dtNm2 / timeS * 1e-14;
    }

    /** Standard error of D in cm²/s. */
    public double dSeCm2PerS(double timeS) {
        return dCm2PerS(timeS) * dtRelSe;
    }

    /** The dimensionless time D·t/a². */
    public double dtOverA2() {
        return dtNm2 / (radiusNm * radiusNm);
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
}
