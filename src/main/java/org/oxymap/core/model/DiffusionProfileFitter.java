package org.oxymap.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.oxymap.core.progress.ProgressListener;

/**
 * Weighted Levenberg–Marquardt fit of the depth-averaged sphere diffusion model (Crank eq. 6.18 projected
 * through the lamella) to edge-distance profiles.
 *
 * <p>Parameters: log10(D·t / nm²), the surface concentration C0 and the bulk concentration C1, shared by all the
 * particles in one fit; each particle keeps its own radius a and lamella offset from {@link ParticleGeometry}, so
 * its dimensionless time is D·t/a². Residuals are (model − data)/SE per bin, with the model binned over the same
 * pixels as the data. Several starting values of D·t are tried and the lowest χ² kept. Standard errors come
 * from the covariance (JᵀWJ)⁻¹, scaled by χ²_red when the fit is worse than the errors say.
 */
public final class DiffusionProfileFitter {

    private static final double[] START_LOG10_DT = {1.0, 2.0, 3.0, 4.0};
    private static final int NODES = 41;
    private static final double LOG10_DT_MIN = -2;
    private static final double LOG10_DT_MAX = 8;

    /** Fits all {@code particles} together, sharing D·t, C0 and C1. */
    public DiffusionFit fitGlobal(List<ProfiledParticle> particles, ProgressListener listener) {
        return fit(0, particles, listener);
    }

    /** Fits one particle on its own. */
    public DiffusionFit fitParticle(ProfiledParticle particle, ProgressListener listener) {
        return fit(particle.geometry().label(), List.of(particle), listener);
    }

    private DiffusionFit fit(int id, List<ProfiledParticle> particles, ProgressListener listener) {
        int nData = 0;
        for (ProfiledParticle p : particles) {
            nData += p.fittedBins();
        }
        if (nData <= 3) {
            throw new IllegalArgumentException("the diffusion fit " + (id == 0 ? "over all particles" : "of particle " + id)
                    + " has " + nData + " profile bins with at least " + ProfiledParticle.MIN_PIXELS_PER_BIN
                    + " pixels, expected more than its 3 parameters");
        }
        double[] target = new double[nData];
        double[] weights = new double[nData];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int j = 0;
        for (ProfiledParticle p : particles) {
            for (int k = 0; k < p.binCount(); k++) {
                if (p.fitBin[k]) {
                    target[j] = p.dataMean[k];
                    weights[j] = 1.0 / (p.dataSe[k] * p.dataSe[k]);
                    lo = Math.min(lo, p.dataMean[k]);
                    hi = Math.max(hi, p.dataMean[k]);
                    j++;
                }
            }
        }
        MultivariateJacobianFunction model = point -> {
            double[] x = point.toArray();
            double[] f = evaluate(particles, x, target.length);
            double[][] jac = new double[target.length][3];
            for (int q = 0; q < 3; q++) {
                double h = 1e-4;
                double[] xp = x.clone();
                xp[q] += h;
                double[] fp = evaluate(particles, xp, target.length);
                for (int r = 0; r < target.length; r++) {
                    jac[r][q] = (fp[r] - f[r]) / h;
                }
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(f, false), new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresOptimizer.Optimum best = null;
        for (int s = 0; s < START_LOG10_DT.length; s++) {
            listener.checkCancelled("diffusion fit");
            LeastSquaresOptimizer.Optimum optimum;
            try {
                optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                        .model(model)
                        .target(target)
                        .weight(new DiagonalMatrix(weights))
                        .start(new double[] {START_LOG10_DT[s], hi, lo})
                        .parameterValidator(v -> {
                            v.setEntry(0, Math.max(LOG10_DT_MIN, Math.min(LOG10_DT_MAX, v.getEntry(0))));
                            v.setEntry(1, Math.max(0, Math.min(1, v.getEntry(1))));
                            v.setEntry(2, Math.max(0, Math.min(1, v.getEntry(2))));
                            return v;
                        })
                        .maxEvaluations(2000)
                        .maxIterations(500)
                        .build());
            } catch (RuntimeException e) {
                continue; // another start may converge; failure of all is reported below
            }
            if (best == null || optimum.getCost() < best.getCost()) {
                best = optimum;
            }
            listener.progress("diffusion fit", s + 1, START_LOG10_DT.length);
        }
        if (best == null) {
            throw new IllegalStateException("the diffusion fit " + (id == 0 ? "over all particles" : "of particle " + id)
                    + " did not converge from any starting point");
        }
        double[] x = best.getPoint().toArray();
        double chi2 = best.getCost() * best.getCost();
        int dof = nData - 3;
        double scale = Math.max(1.0, chi2 / dof);
        double[] se = new double[3];
        try {
            RealMatrix cov = best.getCovariances(1e-12);
            for (int q = 0; q < 3; q++) {
                se[q] = Math.sqrt(cov.getEntry(q, q) * scale);
            }
        } catch (RuntimeException singular) {
            Arrays.fill(se, Double.POSITIVE_INFINITY); // parameters not determined by the data
        }
        double[] radii = new double[particles.size()];
        for (int p = 0; p < radii.length; p++) {
            radii[p] = particles.get(p).geometry().radiusNm();
        }
        Arrays.sort(radii);
        double radius = radii[radii.length / 2];
        return new DiffusionFit(id, particles.size(), Math.pow(10, x[0]), Math.log(10) * se[0], x[1], se[1], x[2], se[2],
                chi2, nData, 3, radius);
    }

    private static double[] evaluate(List<ProfiledParticle> particles, double[] x, int n) {
        double dt = Math.pow(10, x[0]);
        double[] out = new double[n];
        int j = 0;
        for (ProfiledParticle p : particles) {
            double a = p.geometry().radiusNm();
            ProjectedRadialProfile profile = new ProjectedRadialProfile(p.geometry().projection(),
                    RadialConcentration.sphereDiffusion(a, dt / (a * a), x[1], x[2]), NODES);
            double[] pred = new double[p.binCount()];
            p.predict(profile, pred);
            for (int k = 0; k < pred.length; k++) {
                if (p.fitBin[k]) {
                    out[j++] = pred[k];
                }
            }
        }
        return out;
    }

    /** Fits every particle on its own; particles whose fit fails are left out of the list. */
    public List<DiffusionFit> fitEach(List<ProfiledParticle> particles, ProgressListener listener) {
        List<DiffusionFit> fits = new ArrayList<>();
        for (int i = 0; i < particles.size(); i++) {
            ProfiledParticle p = particles.get(i);
            if (p.fittedBins() > 3) {
                try {
                    fits.add(fitParticle(p, ProgressListener.NONE));
                } catch (IllegalStateException notConverged) {
                    // reported by its absence from the per-particle table
                }
            }
            listener.progress("per-particle fits", i + 1, particles.size());
            listener.checkCancelled("per-particle fits");
        }
        return fits;
    }
}
