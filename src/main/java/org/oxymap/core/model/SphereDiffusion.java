package org.oxymap.core.model;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Erf;

/**
 * Diffusion into a sphere of radius {@code a} whose surface is held at concentration C0, starting from a uniform
 * concentration C1 (Crank, <i>The Mathematics of Diffusion</i>, 2nd ed., 1975, section 6.3).
 *
 * <p>With {@code x = r/a} and the dimensionless time {@code τ = D t / a²} the normalised concentration
 * {@code u = (C − C1)/(C0 − C1)} is, by separation of variables (Crank eq. 6.18),
 * <pre>
 *   u(x, τ) = 1 + (2/(π x)) Σ_{n≥1} ((−1)^n / n) sin(nπx) exp(−n²π²τ)
 *           = 1 + 2 Σ_{n≥1} (−1)^n sinc(nπx) exp(−n²π²τ),        sinc(z) = sin(z)/z,
 * </pre>
 * which at the centre becomes {@code 1 + 2 Σ (−1)^n exp(−n²π²τ)}. At small τ this converges slowly, and the
 * equivalent image (Laplace-transform) solution (Crank eq. 6.19) is used instead:
 * <pre>
 *   u(x, τ) = (1/x) Σ_{n≥0} [ erfc(((2n+1) − x)/(2√τ)) − erfc(((2n+1) + x)/(2√τ)) ].
 * </pre>
 * Each bracket divided by x equals {@code (1/(√(πτ))) ∫_{−1}^{1} exp(−((2n+1) + x v)²/(4τ)) dv}; that integral
 * is evaluated by 10-point Gauss–Legendre when {@code (2n+1) x/(2τ) ≤ 1}, which avoids cancellation as x → 0
 * and gives the centre limit {@code (2/√(πτ)) Σ exp(−(2n+1)²/(4τ))} without a special case.
 *
 * <p>The fraction of the final uptake (Crank eqs. 6.20 and 6.21) is
 * <pre>
 *   M_t/M_∞ = 1 − (6/π²) Σ_{n≥1} exp(−n²π²τ)/n²
 *           = 6 √τ [ 1/√π + 2 Σ_{n≥1} ierfc(n/√τ) ] − 3τ,       ierfc(z) = exp(−z²)/√π − z erfc(z),
 * </pre>
 * so that {@code M_t/M_∞ ≈ 6 √(τ/π) − 3τ} at short times.
 *
 * <p><b>Switch point.</b> Both forms are exact; they differ only in how many terms are needed. Each sum is
 * carried until the remaining terms are below 1e−16 (stricter than 1e−8, so the two forms agree to rounding
 * error), and {@link #normalizedConcentration} and {@link #meanConcentration} use the erfc form for
 * {@code τ < } {@value #SHORT_TIME_SWITCH_TAU}. At τ = 0.05 the Fourier series needs 9 terms and the erfc series 3;
 * the tests show the two forms agree to better than 1e−12 over 0.002 ≤ τ ≤ 0.5, so the result is accurate to
 * 1e−9 on both sides of the switch.
 */
public final class SphereDiffusion {

    /** τ below which the short-time (erfc) forms are used. */
    public static final double SHORT_TIME_SWITCH_TAU = 0.05;

    private static final double TAIL_TOLERANCE = 1e-16;
    private static final double[] GL_NODES;
    private static final double[] GL_WEIGHTS;

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(10, -1.0, 1.0);
        GL_NODES = new double[rule.getNumberOfPoints()];
        GL_WEIGHTS = new double[rule.getNumberOfPoints()];
        for (int i = 0; i < GL_NODES.length; i++) {
            GL_NODES[i] = rule.getPoint(i);
            GL_WEIGHTS[i] = rule.getWeight(i);
        }
    }

    private SphereDiffusion() {
    }

    /**
     * Normalised concentration {@code u = (C − C1)/(C0 − C1)} at {@code r/a} and {@code τ = D t / a²}.
     * τ = 0 gives the initial state: 0 inside, 1 on the surface.
     *
     * @param rOverA radial position, 0 ≤ r/a ≤ 1
     * @param tau    dimensionless time, τ ≥ 0
     */
    public static double normalizedConcentration(double rOverA, double tau) {
        checkRadius(rOverA);
        checkTime(tau, true);
        if (tau == 0.0) {
            return rOverA == 1.0 ? 1.0 : 0.0;
        }
        return tau < SHORT_TIME_SWITCH_TAU ? shortTimeErfcSeries(rOverA, tau) : longTimeSeries(rOverA, tau);
    }

    /**
     * Crank eq. 6.18 summed until the tail bound {@code Σ_{m>n} 2 exp(−m²π²τ)} drops below 1e−16.
     * Converges for any τ &gt; 0 but needs about {@code 2/√τ} terms.
     *
     * @param rOverA radial position, 0 ≤ r/a ≤ 1
     * @param tau    dimensionless time, τ &gt; 0
     */
    public static double longTimeSeries(double rOverA, double tau) {
        checkRadius(rOverA);
        checkTime(tau, false);
        double piSqTau = Math.PI * Math.PI * tau;
        double sum = 0.0;
        for (int n = 1; ; n++) {
            double decay = Math.exp(-n * (double) n * piSqTau);
            double z = n * Math.PI * rOverA;
            double sinc = z == 0.0 ? 1.0 : Math.sin(z) / z;
            sum += ((n & 1) == 0 ? 2.0 : -2.0) * sinc * decay;
            double next = Math.exp(-(n + 1.0) * (n + 1.0) * piSqTau);
            double ratio = Math.exp(-(2.0 * n + 3.0) * piSqTau);
            if (2.0 * next / (1.0 - ratio) < TAIL_TOLERANCE) {
                return 1.0 + sum;
            }
        }
    }

    /**
     * Crank eq. 6.19 (image solution), summed until a term drops below 1e−17. Terms are positive and decrease
     * with n, and their ratio is at most {@code exp(−1/τ)}, so the omitted tail is below the last term.
     *
     * @param rOverA radial position, 0 ≤ r/a ≤ 1
     * @param tau    dimensionless time, τ &gt; 0
     */
    public static double shortTimeErfcSeries(double rOverA, double tau) {
        checkRadius(rOverA);
        checkTime(tau, false);
        double x = rOverA;
        double s = 2.0 * Math.sqrt(tau);
        double sum = 0.0;
        for (int n = 0; ; n++) {
            double k = 2.0 * n + 1.0;
            double term;
            if (k * x <= 2.0 * tau) {
                double integral = 0.0;
                for (int i = 0; i < GL_NODES.length; i++) {
                    double arg = (k + x * GL_NODES[i]) / s;
                    integral += GL_WEIGHTS[i] * Math.exp(-arg * arg);
                }
                term = integral / Math.sqrt(Math.PI * tau);
            } else {
                term = (Erf.erfc((k - x) / s) - Erf.erfc((k + x) / s)) / x;
            }
            sum += term;
            if (term < 1e-17) {
                return sum;
            }
        }
    }

    /**
     * Fraction of the final uptake {@code M_t/M_∞}, i.e. the volume average {@code 3 ∫_0^1 u x² dx}
     * (Crank eqs. 6.20, 6.21).
     *
     * @param tau dimensionless time, τ ≥ 0
     */
    public static double meanConcentration(double tau) {
        checkTime(tau, true);
        if (tau == 0.0) {
            return 0.0;
        }
        return tau < SHORT_TIME_SWITCH_TAU ? meanConcentrationShortTime(tau) : meanConcentrationSeries(tau);
    }

    /**
     * {@code M_t/M_∞ = 1 − (6/π²) Σ exp(−n²π²τ)/n²} (Crank eq. 6.20), summed until the tail bound is below 1e−16.
     *
     * @param tau dimensionless time, τ &gt; 0
     */
    public static double meanConcentrationSeries(double tau) {
        checkTime(tau, false);
        double piSqTau = Math.PI * Math.PI * tau;
        double sum = 0.0;
        for (int n = 1; ; n++) {
            sum += Math.exp(-n * (double) n * piSqTau) / (n * (double) n);
            double next = Math.exp(-(n + 1.0) * (n + 1.0) * piSqTau);
            double ratio = Math.exp(-(2.0 * n + 3.0) * piSqTau);
            if (next / (1.0 - ratio) < TAIL_TOLERANCE) {
                return 1.0 - 6.0 / (Math.PI * Math.PI) * sum;
            }
        }
    }

    /**
     * {@code M_t/M_∞ = 6 √τ [1/√π + 2 Σ_{n≥1} ierfc(n/√τ)] − 3τ} (Crank eq. 6.21), summed until a term is below 1e−17.
     *
     * @param tau dimensionless time, τ &gt; 0
     */
    public static double meanConcentrationShortTime(double tau) {
        checkTime(tau, false);
        double rootTau = Math.sqrt(tau);
        double sum = 0.0;
        for (int n = 1; ; n++) {
            double z = n / rootTau;
            double term = Math.max(0.0, Math.exp(-z * z) / Math.sqrt(Math.PI) - z * Erf.erfc(z));
            sum += term;
            if (term < 1e-17) {
                break;
            }
        }
        return 6.0 * rootTau * (1.0 / Math.sqrt(Math.PI) + 2.0 * sum) - 3.0 * tau;
    }

    private static void checkRadius(double rOverA) {
        if (!(rOverA >= 0.0 && rOverA <= 1.0)) {
            throw new IllegalArgumentException("rOverA must be a finite number in [0, 1], got " + rOverA);
        }
    }

    private static void checkTime(double tau, boolean zeroAllowed) {
        if (!Double.isFinite(tau) || tau < 0.0 || (!zeroAllowed && tau == 0.0)) {
            throw new IllegalArgumentException("tau (= D t / a²) must be finite and "
                    + (zeroAllowed ? ">= 0" : "> 0") + ", got " + tau);
        }
    }
}
