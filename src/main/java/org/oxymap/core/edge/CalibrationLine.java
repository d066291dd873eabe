package org.oxymap.core.edge;

import java.util.Locale;

/**
 * Edge energy against valence for a set of standards, {@code E = a + b·v}, fitted by weighted least squares.
 * With the standards' edge-energy uncertainties σ_i given, the weights are 1/σ_i² and the covariance is
 * (XᵀWX)⁻¹ (absolute); without them, equal weights and the covariance scaled by the reduced χ² (needs at least three
 * standards).
 *
 * @param interceptEv          a, the edge energy extrapolated to valence 0, eV
 * @param slopeEvPerValence    b, eV per unit of valence
 * @param interceptSeEv        standard error of a
 * @param slopeSeEvPerValence  standard error of b
 * @param covarianceEv2        cov(a, b)
 * @param standards            number of standards
 * @param reducedChiSquare     Σ w_i r_i² / (n − 2), NaN-free: 0 for two standards
 */
public record CalibrationLine(double interceptEv, double slopeEvPerValence, double interceptSeEv,
        double slopeSeEvPerValence, double covarianceEv2, int standards, double reducedChiSquare) {

    /**
     * @param sigmaEv edge-energy uncertainties, eV, or null for equal weights
     * @throws IllegalArgumentException with fewer than two standards (three without σ), equal valences, or
     *                                  non-positive σ
     */
    public static CalibrationLine fit(double[] valence, double[] edgeEv, double[] sigmaEv) {
        int n = valence.length;
        if (edgeEv.length != n || (sigmaEv != null && sigmaEv.length != n)) {
            throw new IllegalArgumentException("calibration: " + n + " valences but " + edgeEv.length
                    + " edge energies" + (sigmaEv != null ? " and " + sigmaEv.length + " uncertainties" : ""));
        }
        if (n < (sigmaEv == null ? 3 : 2)) {
            throw new IllegalArgumentException("calibration line from " + n + " standards: at least "
                    + (sigmaEv == null ? "3 (or 2 with edge-energy uncertainties)" : "2") + " are needed");
        }
        double sw = 0;
        double swx = 0;
        double swy = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(valence[i]) || !Double.isFinite(edgeEv[i])) {
                throw new IllegalArgumentException("calibration standard " + (i + 1) + ": valence " + valence[i]
                        + ", edge " + edgeEv[i] + " eV: expected finite numbers");
            }
            double w = weight(sigmaEv, i);
            sw += w;
            swx += w * valence[i];
            swy += w * edgeEv[i];
        }
        double xm = swx / sw;
        double ym = swy / sw;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double w = weight(sigmaEv, i);
            sxx += w * (valence[i] - xm) * (valence[i] - xm);
            sxy += w * (valence[i] - xm) * (edgeEv[i] - ym);
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("calibration: all standards have the same valence " + valence[0]);
        }
        double b = sxy / sxx;
        double a = ym - b * xm;
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double r = edgeEv[i] - a - b * valence[i];
            chi2 += weight(sigmaEv, i) * r * r;
        }
        double red = n > 2 ? chi2 / (n - 2) : 0;
        double scale = sigmaEv == null ? red : 1.0;
        double varB = scale / sxx;
        double varA = scale * (1.0 / sw + xm * xm / sxx);
        double cov = -scale * xm / sxx;
        return new CalibrationLine(a, b, Math.sqrt(varA), Math.sqrt(varB), cov, n, red);
    }

    private static double weight(double[] sigma, int i) {
        if (sigma == null) {
            return 1.0;
        }
        if (!(sigma[i] > 0) || !Double.isFinite(sigma[i])) {
            throw new IllegalArgumentException("calibration standard " + (i + 1) + ": edge-energy uncertainty "
                    + sigma[i] + " eV, expected a positive number");
        }
        return 1.0 / (sigma[i] * sigma[i]);
    }

    /** A line given by its parameters (e.g. from a table), with their standard errors and covariance. */
    public static CalibrationLine of(double interceptEv, double slope, double interceptSe, double slopeSe,
            double cov) {
        if (!(slope != 0) || !Double.isFinite(slope)) {
            throw new IllegalArgumentException("calibration slope " + slope + " eV per valence: expected non-zero");
        }
        return new CalibrationLine(interceptEv, slope, interceptSe, slopeSe, cov, 0, 0);
    }

    /** The valence of an edge energy, {@code v = (E − a)/b}. */
    public double valence(double edgeEv) {
        return (edgeEv - interceptEv) / slopeEvPerValence;
    }

    /**
     * Standard error of {@link #valence} from the line's parameter covariance only:
     * {@code σ_v² = (σ_a² + v²·σ_b² + 2v·cov(a,b)) / b²}.
     */
    public double valenceSe(double edgeEv) {
        double v = valence(edgeEv);
        double var = (interceptSeEv * interceptSeEv + v * v * slopeSeEvPerValence * slopeSeEvPerValence
                + 2 * v * covarianceEv2) / (slopeEvPerValence * slopeEvPerValence);
        return Math.sqrt(Math.max(0, var));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "E = %.3f(±%.3f) + %.3f(±%.3f)·v eV (%d standards)", interceptEv,
                interceptSeEv, slopeEvPerValence, slopeSeEvPerValence, standards);
    }
}
