package org.oxymap.core.model;

import org.apache.commons.math3.special.Erf;

/**
 * Diffusion into a plane sheet −l &lt; X &lt; l whose faces are held at C0, starting from a uniform C1 (Crank,
 * <i>The Mathematics of Diffusion</i>, 2nd ed., 1975, section 4.3.1).
 *
 * <p>With {@code x = X/l} and {@code τ = D t / l²} (l is the half-thickness), the normalised concentration
 * {@code u = (C − C1)/(C0 − C1)} is (Crank eq. 4.17)
 * <pre>
 *   u(x, τ) = 1 − (4/π) Σ_{n≥0} ((−1)^n/(2n+1)) exp(−(2n+1)² π² τ / 4) cos((2n+1) π x / 2),
 * </pre>
 * or, by the method of images (Crank eq. 4.15, exact and fast at short times),
 * <pre>
 *   u(x, τ) = Σ_{n≥0} (−1)^n [ erfc(((2n+1) − x)/(2√τ)) + erfc(((2n+1) + x)/(2√τ)) ].
 * </pre>
 * The uptake is (Crank eqs. 4.18 and 4.20)
 * {@code M_t/M_∞ = 1 − Σ 8/((2n+1)²π²) exp(−(2n+1)²π²τ/4) = 2√τ [1/√π + 2 Σ_{n≥1} (−1)^n ierfc(n/√τ)]}.
 * Both forms are exact; the erfc forms are used for {@code τ <} {@value #SHORT_TIME_SWITCH_TAU}. Sums stop when
 * the next term (they alternate or decrease geometrically) is below 1e−17.
 */
public final class SlabDiffusion {

    /** τ below which the image (erfc) forms are used. */
    public static final double SHORT_TIME_SWITCH_TAU = 0.05;

    private SlabDiffusion() {
    }

    /** Normalised concentration at {@code X/l} (−1..1) and {@code τ = D t / l²}; τ = 0 gives 0 inside, 1 on the faces. */
    public static double normalizedConcentration(double xOverL, double tau) {
        checkPosition(xOverL);
        checkTime(tau, true);
        double x = Math.abs(xOverL);
        if (tau == 0.0) {
            return x == 1.0 ? 1.0 : 0.0;
        }
        return tau < SHORT_TIME_SWITCH_TAU ? erfcSeries(x, tau) : series(x, tau);
    }

    /** Crank eq. 4.17. */
    public static double series(double xOverL, double tau) {
        checkPosition(xOverL);
        checkTime(tau, false);
        double sum = 0.0;
        for (int n = 0; ; n++) {
            double k = 2.0 * n + 1.0;
            double decay = Math.exp(-k * k * Math.PI * Math.PI * tau / 4.0);
            sum += ((n & 1) == 0 ? 1.0 : -1.0) / k * decay * Math.cos(k * Math.PI * xOverL / 2.0);
            double kNext = k + 2.0;
            if (Math.exp(-kNext * kNext * Math.PI * Math.PI * tau / 4.0) / kNext < 1e-17) {
                return 1.0 - 4.0 / Math.PI * sum;
            }
        }
    }

    /** Crank eq. 4.15 (images). */
    public static double erfcSeries(double xOverL, double tau) {
        checkPosition(xOverL);
        checkTime(tau, false);
        double x = Math.abs(xOverL);
        double s = 2.0 * Math.sqrt(tau);
        double sum = 0.0;
        for (int n = 0; ; n++) {
            double k = 2.0 * n + 1.0;
            double term = Erf.erfc((k - x) / s) + Erf.erfc((k + x) / s);
            sum += (n & 1) == 0 ? term : -term;
            if (term < 1e-17) {
                return sum;
            }
        }
    }

    /** Fraction of the final uptake, {@code ∫_0^1 u dx}. */
    public static double meanConcentration(double tau) {
        checkTime(tau, true);
        if (tau == 0.0) {
            return 0.0;
        }
        return tau < SHORT_TIME_SWITCH_TAU ? meanConcentrationShortTime(tau) : meanConcentrationSeries(tau);
    }

    /** Crank eq. 4.18. */
    public static double meanConcentrationSeries(double tau) {
        checkTime(tau, false);
        double sum = 0.0;
        for (int n = 0; ; n++) {
            double k = 2.0 * n + 1.0;
            double term = Math.exp(-k * k * Math.PI * Math.PI * tau / 4.0) / (k * k);
            sum += term;
            if (term < 1e-17) {
                return 1.0 - 8.0 / (Math.PI * Math.PI) * sum;
            }
        }
    }

    /** Crank eq. 4.20. */
    public static double meanConcentrationShortTime(double tau) {
        checkTime(tau, false);
        double rootTau = Math.sqrt(tau);
        double sum = 0.0;
        for (int n = 1; ; n++) {
            double z = n / rootTau;
            double term = Math.max(0.0, Math.exp(-z * z) / Math.sqrt(Math.PI) - z * Erf.erfc(z));
            sum += (n & 1) == 0 ? term : -term;
            if (term < 1e-17) {
                break;
            }
        }
        return 2.0 * rootTau * (1.0 / Math.sqrt(Math.PI) + 2.0 * sum);
    }

    private static void checkPosition(double xOverL) {
        if (!(xOverL >= -1.0 && xOverL <= 1.0)) {
            throw new IllegalArgumentException("xOverL must be a finite number in [-1, 1], got " + xOverL);
        }
    }

    private static void checkTime(double tau, boolean zeroAllowed) {
        if (!Double.isFinite(tau) || tau < 0.0 || (!zeroAllowed && tau == 0.0)) {
            throw new IllegalArgumentException("tau (= D t / l²) must be finite and "
                    + (zeroAllowed ? ">= 0" : "> 0") + ", got " + tau);
        }
    }
}
