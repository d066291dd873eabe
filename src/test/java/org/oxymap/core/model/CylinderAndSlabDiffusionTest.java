package org.oxymap.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.BesselJ;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * Crank's cylinder (eq. 5.22) and slab (eq. 4.17) solutions against independent evaluations: tabulated zeros of
 * J0, the half-uptake times Crank tabulates, SciPy's Bessel functions, the semi-infinite erfc solution, volume
 * integrals of the profiles and a Crank–Nicolson finite-difference solution of the cylinder's diffusion equation.
 */
class CylinderAndSlabDiffusionTest {

    @Test
    void zerosOfJ0MatchTables() {
        // Abramowitz & Stegun, Table 9.5.
        double[] known = {2.404825557695773, 5.520078110286311, 8.653727912911013, 11.79153443901428,
                14.93091770848779};
        for (int n = 1; n <= known.length; n++) {
            assertEquals(known[n - 1], BesselZeros.j0Zero(n), 1e-13, "zero " + n);
        }
        for (int n : new int[] {10, 100, 400}) {
            double j = BesselZeros.j0Zero(n);
            assertEquals(0.0, BesselJ.value(0, j), 1e-12, "J0 at zero " + n);
            assertEquals(Math.PI, j - BesselZeros.j0Zero(n - 1), 1e-3, "spacing at zero " + n);
        }
        assertThrows(IllegalArgumentException.class, () -> BesselZeros.j0Zero(0));
    }

    /** 1 − 2 Σ exp(−j²τ) J0(j x)/(j J1(j)) with SciPy's jn_zeros, j0 and j1 (3000 terms), an independent library. */
    @Test
    void cylinderMatchesScipyEvaluation() {
        double[][] known = {{0.05, 0.0, 0.012900779783442617}, {0.05, 0.5, 0.16445762514831785},
                {0.1, 0.0, 0.15164488667468978}, {0.1, 0.5, 0.38975321348521264}, {0.2, 0.0, 0.49851313939260167},
                {0.2, 0.5, 0.6620256651252012}};
        for (double[] k : known) {
            assertEquals(k[2], CylinderDiffusion.normalizedConcentration(k[1], k[0]), 1e-12, "tau=" + k[0] + " x=" + k[1]);
        }
    }

    /** Crank–Nicolson on ∂u/∂τ = (1/x) ∂/∂x (x ∂u/∂x), u(1) = 1, u(x, 0) = 0, 800 intervals in x. */
    @Test
    void cylinderMatchesFiniteDifferences() {
        int m = 800;
        double dx = 1.0 / m;
        double tau = 0.1;
        int steps = 4000;
        double dt = tau / steps;
        double[] u = new double[m + 1];
        u[m] = 1.0;
        double[] a = new double[m + 1];
        double[] b = new double[m + 1];
        double[] c = new double[m + 1];
        double[] rhs = new double[m + 1];
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < m; i++) {
                // L u at node i; at the axis, by symmetry, L u = 4 (u1 − u0)/dx².
                double lo;
                double hi;
                double mid;
                if (i == 0) {
                    lo = 0;
                    hi = 4 / (dx * dx);
                    mid = -4 / (dx * dx);
                } else {
                    double x = i * dx;
                    lo = (x - dx / 2) / (x * dx * dx);
                    hi = (x + dx / 2) / (x * dx * dx);
                    mid = -(lo + hi);
                }
                double lu = mid * u[i] + hi * u[i + 1] + (i > 0 ? lo * u[i - 1] : 0);
                a[i] = -0.5 * dt * lo;
                b[i] = 1 - 0.5 * dt * mid;
                c[i] = -0.5 * dt * hi;
                rhs[i] = u[i] + 0.5 * dt * lu;
            }
            rhs[m - 1] -= c[m - 1] * 1.0;
            // Thomas algorithm on nodes 0..m−1.
            for (int i = 1; i < m; i++) {
                double f = a[i] / b[i - 1];
                b[i] -= f * c[i - 1];
                rhs[i] -= f * rhs[i - 1];
            }
            u[m - 1] = rhs[m - 1] / b[m - 1];
            for (int i = m - 2; i >= 0; i--) {
                u[i] = (rhs[i] - c[i] * u[i + 1]) / b[i];
            }
        }
        for (int i : new int[] {0, 200, 400, 600, 760}) {
            assertEquals(u[i], CylinderDiffusion.normalizedConcentration(i * dx, tau), 2e-5, "x=" + i * dx);
        }
    }

    @Test
    void cylinderShortTimeExpansionAgreesWithSeries() {
        for (double tau : new double[] {5e-5, 1e-4, CylinderDiffusion.SHORT_TIME_SWITCH_TAU, 1e-3}) {
            double worst = 0;
            for (int i = 0; i <= 100; i++) {
                double x = 0.2 + 0.8 * i / 100.0;
                worst = Math.max(worst, Math.abs(CylinderDiffusion.series(x, tau) - CylinderDiffusion.shortTime(x, tau)));
            }
            assertTrue(worst < 20 * Math.pow(tau, 1.5), "tau=" + tau + ": worst difference " + worst);
            assertTrue(worst < 1e-4, "tau=" + tau + ": worst difference " + worst);
            assertEquals(CylinderDiffusion.meanConcentrationSeries(tau), CylinderDiffusion.meanConcentrationShortTime(tau),
                    2 * tau * tau, "uptake at tau=" + tau);
        }
        assertEquals(1.0, CylinderDiffusion.normalizedConcentration(1.0, 1e-5), 1e-12);
        assertEquals(0.0, CylinderDiffusion.normalizedConcentration(0.0, 1e-5), 1e-15);
    }

    @Test
    void uptakeEqualsVolumeIntegral() {
        for (double tau : new double[] {1e-3, 0.01, 0.05, 0.3}) {
            double cylinder = simpson(x -> 2 * x * CylinderDiffusion.normalizedConcentration(x, tau), 2000);
            assertEquals(cylinder, CylinderDiffusion.meanConcentration(tau), 2e-6, "cylinder tau=" + tau);
            double slab = simpson(x -> SlabDiffusion.normalizedConcentration(x, tau), 2000);
            assertEquals(slab, SlabDiffusion.meanConcentration(tau), 2e-6, "slab tau=" + tau);
            double sphere = simpson(x -> 3 * x * x * SphereDiffusion.normalizedConcentration(x, tau), 2000);
            assertEquals(sphere, SphereDiffusion.meanConcentration(tau), 2e-6, "sphere tau=" + tau);
        }
    }

    /**
     * Crank tabulates the time at which half the final uptake is reached: D t/a² = 0.03055 (sphere, §6.3.1),
     * 0.0631 (cylinder, §5.3.2) and D t/l² = 0.04919 for a sheet of thickness l (§4.3.2), i.e. 0.19675 in units of
     * the half-thickness.
     */
    @Test
    void halfUptakeTimesMatchCrank() {
        assertEquals(0.03055, halfTime(SphereDiffusion::meanConcentration), 1e-5);
        assertEquals(0.0631, halfTime(CylinderDiffusion::meanConcentration), 1e-4);
        assertEquals(0.04919, halfTime(SlabDiffusion::meanConcentration) / 4, 1e-5);
    }

    @Test
    void slabSeriesAndImagesAgree() {
        for (double tau : new double[] {0.002, 0.01, 0.05, 0.2, 1.0}) {
            for (int i = -50; i <= 50; i++) {
                double x = i / 50.0;
                assertEquals(SlabDiffusion.series(x, tau), SlabDiffusion.erfcSeries(x, tau), 1e-12, "x=" + x + " tau=" + tau);
            }
            assertEquals(SlabDiffusion.meanConcentrationSeries(tau), SlabDiffusion.meanConcentrationShortTime(tau), 1e-13,
                    "uptake at tau=" + tau);
        }
    }

    /** At short times each face acts as a semi-infinite medium: u = erfc((1 − |x|)/(2√τ)) (Crank eq. 2.45). */
    @Test
    void slabShortTimeIsTheSemiInfiniteErfcSolution() {
        double tau = 1e-3;
        for (int i = 0; i <= 40; i++) {
            double x = 0.8 + 0.2 * i / 40.0;
            assertEquals(Erf.erfc((1 - x) / (2 * Math.sqrt(tau))), SlabDiffusion.normalizedConcentration(x, tau), 1e-15);
            assertEquals(Erf.erfc((1 - x) / (2 * Math.sqrt(tau))), SlabDiffusion.normalizedConcentration(-x, tau), 1e-15);
        }
        // Crank eq. 4.20 at short time: M_t/M_∞ = 2 √(τ/π).
        assertEquals(2 * Math.sqrt(tau / Math.PI), SlabDiffusion.meanConcentration(tau), 1e-15);
        // Centre at long times: the n = 0 term, 1 − (4/π) exp(−π²τ/4).
        assertEquals(1 - 4 / Math.PI * Math.exp(-Math.PI * Math.PI * 2.0 / 4), SlabDiffusion.normalizedConcentration(0, 2.0),
                1e-15);
    }

    @Test
    void rejectBadInput() {
        assertThrows(IllegalArgumentException.class, () -> SlabDiffusion.normalizedConcentration(1.5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> SlabDiffusion.normalizedConcentration(0.5, -1));
        assertThrows(IllegalArgumentException.class, () -> CylinderDiffusion.normalizedConcentration(Double.NaN, 0.1));
        assertThrows(IllegalArgumentException.class, () -> CylinderDiffusion.meanConcentration(Double.POSITIVE_INFINITY));
        assertEquals(0.0, SlabDiffusion.normalizedConcentration(0.3, 0.0));
        assertEquals(1.0, CylinderDiffusion.normalizedConcentration(1.0, 0.0));
    }

    private static double halfTime(DoubleUnaryOperator uptake) {
        return new BrentSolver(1e-14).solve(200, t -> uptake.applyAsDouble(t) - 0.5, 1e-4, 1.0);
    }

    private static double simpson(DoubleUnaryOperator f, int intervals) {
        double h = 1.0 / intervals;
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            double weight = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += weight * f.applyAsDouble(i * h);
        }
        return sum * h / 3;
    }
}
