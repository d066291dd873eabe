package org.oxymap.core.model;

import org.apache.commons.math3.special.BesselJ;
import org.apache.commons.math3.special.Erf;

/**
 * Diffusion into an infinite cylinder of radius {@code a} whose surface is held at C0, starting from a uniform C1
 * (Crank, <i>The Mathematics of Diffusion</i>, 2nd ed., 1975, section 5.3.2).
 *
 * <p>With {@code x = r/a}, {@code τ = D t / a²} and j_n the zeros of J0 ({@link BesselZeros}), the normalised
 * concentration {@code u = (C − C1)/(C0 − C1)} is (Crank eq. 5.22)
 * <pre>
 *   u(x, τ) = 1 − 2 Σ_{n≥1} exp(−j_n² τ) J0(j_n x) / (j_n J1(j_n)),
 * </pre>
 * and the fraction of the final uptake (Crank eq. 5.23) is {@code M_t/M_∞ = 1 − 4 Σ exp(−j_n² τ)/j_n²}.
 * Since |J0| ≤ 1 and |j_n J1(j_n)| ≥ 1, a term is below {@code 2 exp(−j_n² τ)}; sums run until that bound, summed
 * over the geometric tail, drops below 1e−15.
 *
 * <p><b>Short times.</b> The series needs about {@code √(37/τ)/π} terms. For {@code τ <} {@value #SHORT_TIME_SWITCH_TAU}
 * the short-time expansions are used instead: Crank eq. 5.25 (the cylinder's analogue of the erfc solution),
 * <pre>
 *   u ≈ x^{−1/2} erfc(ξ) + (1 − x) √τ / (4 x^{3/2}) ierfc(ξ) + (9 − 7x² − 2x) τ / (32 x^{5/2}) i²erfc(ξ),
 *   ξ = (1 − x)/(2√τ),
 * </pre>
 * and eq. 5.24, {@code M_t/M_∞ ≈ (4/√π) √τ − τ − (1/(3√π)) τ^{3/2}}. The neglected terms are of order τ^{3/2}
 * relative to the leading one (the expansion follows from the large-argument series of I0 in the Laplace
 * transform {@code I0(qr)/(p I0(qa))}); at the switch point the two forms agree to better than 1e−6 (see the tests). Where
 * ξ &gt; 6 (deep inside the cylinder, including the axis) the concentration is below 1e−16 and 0 is returned.
 */
public final class CylinderDiffusion {

    /** τ below which the short-time expansions are used. */
    public static final double SHORT_TIME_SWITCH_TAU = 2e-4;

    private static final double TAIL_TOLERANCE = 1e-15;

    private CylinderDiffusion() {
    }

    /** Normalised concentration at {@code r/a} and {@code τ = D t / a²}; τ = 0 gives 0 inside and 1 on the surface. */
    public static double normalizedConcentration(double rOverA, double tau) {
        checkRadius(rOverA);
        checkTime(tau, true);
        if (tau == 0.0) {
            return rOverA == 1.0 ? 1.0 : 0.0;
        }
        return tau < SHORT_TIME_SWITCH_TAU ? shortTime(rOverA, tau) : series(rOverA, tau);
    }

    /** Crank eq. 5.22, summed to convergence. */
    public static double series(double rOverA, double tau) {
        checkRadius(rOverA);
        checkTime(tau, false);
        if (rOverA == 1.0) {
            return 1.0;
        }
        double sum = 0.0;
        for (int n = 1; ; n++) {
            double j = BesselZeros.j0Zero(n);
            double decay = Math.exp(-j * j * tau);
            sum += decay * BesselJ.value(0, j * rOverA) / (j * BesselZeros.j1AtZero(n));
            if (tailBound(n, tau) < TAIL_TOLERANCE) {
                return 1.0 - 2.0 * sum;
            }
        }
    }

    /** Crank eq. 5.25, the first three terms of the short-time expansion (valid for τ ≪ 1). */
    public static double shortTime(double rOverA, double tau) {
        checkRadius(rOverA);
        checkTime(tau, false);
        double x = rOverA;
        double xi = (1.0 - x) / (2.0 * Math.sqrt(tau));
        if (xi > 6.0) {
            return 0.0;
        }
        double erfc = Erf.erfc(xi);
        double ierfc = Math.exp(-xi * xi) / Math.sqrt(Math.PI) - xi * erfc;
        double i2erfc = 0.25 * (erfc - 2.0 * xi * ierfc);
        return erfc / Math.sqrt(x)
                + (1.0 - x) * Math.sqrt(tau) / (4.0 * Math.pow(x, 1.5)) * ierfc
                + (9.0 - 7.0 * x * x - 2.0 * x) * tau / (32.0 * Math.pow(x, 2.5)) * i2erfc;
    }

    /** Fraction of the final uptake, {@code 2 ∫_0^1 u x dx}. */
    public static double meanConcentration(double tau) {
        checkTime(tau, true);
        if (tau == 0.0) {
            return 0.0;
        }
        return tau < SHORT_TIME_SWITCH_TAU ? meanConcentrationShortTime(tau) : meanConcentrationSeries(tau);
    }

    /** Crank eq. 5.23 summed to convergence. */
    public static double meanConcentrationSeries(double tau) {
        checkTime(tau, false);
        double sum = 0.0;
        for (int n = 1; ; n++) {
            double j = BesselZeros.j0Zero(n);
            sum += Math.exp(-j * j * tau) / (j * j);
            if (tailBound(n, tau) < TAIL_TOLERANCE) {
                return 1.0 - 4.0 * sum;
            }
        }
    }

    /** Crank eq. 5.24, three terms. */
    public static double meanConcentrationShortTime(double tau) {
        checkTime(tau, false);
        double rootTau = Math.sqrt(tau);
        return 4.0 / Math.sqrt(Math.PI) * rootTau - tau - tau * rootTau / (3.0 * Math.sqrt(Math.PI));
    }

    /** Bound on Σ_{m>n} 2 exp(−j_m² τ), using j_{m+1}² − j_m² ≥ 2π j_m. */
    private static double tailBound(int n, double tau) {
        double next = BesselZeros.j0Zero(n + 1);
        double first = 2.0 * Math.exp(-next * next * tau);
        double ratio = Math.exp(-2.0 * Math.PI * next * tau);
        return first / (1.0 - ratio);
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
