package org.oxymap.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SphereDiffusionTest {

    /**
     * u(0, 0.1) = 1 + 2 Σ_{n≥1} (−1)^n exp(−n²π²·0.1) = θ₄(0, e^{−0.1π²}), evaluated with mpmath at 30 digits
     * (nsum of the series, the dual sum (2/√(0.1π)) Σ exp(−(2n+1)²/0.4) and mpmath.jtheta all agree).
     * Matches the τ = 0.1 curve of Crank Fig. 6.1 at the centre (≈ 0.29).
     */
    private static final double CENTRE_TAU_0_1 = 0.29289965184224091942529171441;
    /** u(0, 0.2), same derivation. */
    private static final double CENTRE_TAU_0_2 = 0.722922389808527299588235657867;

    @Test
    void seriesAndErfcFormsAgreeInOverlap() {
        double[] taus = {0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5};
        for (double tau : taus) {
            for (int i = 0; i <= 100; i++) {
                double x = i / 100.0;
                double series = SphereDiffusion.longTimeSeries(x, tau);
                double erfc = SphereDiffusion.shortTimeErfcSeries(x, tau);
                assertEquals(series, erfc, 1e-12, "x=" + x + " tau=" + tau);
            }
            for (double x : new double[] {1e-9, 1e-6, 1e-4, 1e-3}) {
                assertEquals(SphereDiffusion.longTimeSeries(x, tau), SphereDiffusion.shortTimeErfcSeries(x, tau), 1e-12,
                        "x=" + x + " tau=" + tau);
            }
        }
    }

    @Test
    void surfaceIsHeldAtOne() {
        for (double tau : new double[] {1e-6, 1e-3, 0.01, 0.049, 0.05, 0.3, 2.0}) {
            assertEquals(1.0, SphereDiffusion.normalizedConcentration(1.0, tau), 1e-12, "tau=" + tau);
        }
    }

    @Test
    void initialState() {
        assertEquals(0.0, SphereDiffusion.normalizedConcentration(0.0, 0.0));
        assertEquals(0.0, SphereDiffusion.normalizedConcentration(0.999, 0.0));
        assertEquals(1.0, SphereDiffusion.normalizedConcentration(1.0, 0.0));
        assertEquals(0.0, SphereDiffusion.meanConcentration(0.0));
    }

    @Test
    void centreValuesMatchIndependentSums() {
        for (double[] known : new double[][] {{0.1, CENTRE_TAU_0_1}, {0.2, CENTRE_TAU_0_2}}) {
            double tau = known[0];
            double direct = 1.0;
            for (int n = 1; n <= 200; n++) {
                direct += 2.0 * ((n % 2 == 0) ? 1 : -1) * Math.exp(-n * n * Math.PI * Math.PI * tau);
            }
            double dual = 0.0;
            for (int n = 0; n <= 50; n++) {
                dual += Math.exp(-(2 * n + 1) * (2 * n + 1) / (4 * tau));
            }
            dual *= 2.0 / Math.sqrt(Math.PI * tau);
            double u = SphereDiffusion.normalizedConcentration(0.0, tau);
            assertEquals(direct, u, 1e-10);
            assertEquals(dual, u, 1e-10);
            assertEquals(known[1], u, 1e-13);
            assertEquals(known[1], SphereDiffusion.shortTimeErfcSeries(0.0, tau), 1e-13);
        }
    }

    /** For τ = 0.01 only the n = 0 image term survives at the centre: u(0) = (2/√(πτ)) exp(−1/(4τ)) (1 + O(e^{−200})). */
    @Test
    void smallTauCentreIsExponentiallySmall() {
        double tau = 0.01;
        double expected = 2.0 / Math.sqrt(Math.PI * tau) * Math.exp(-1.0 / (4 * tau));
        assertEquals(1.0, expected / SphereDiffusion.normalizedConcentration(0.0, tau), 1e-12);
    }

    @Test
    void volumeAverageEqualsMeanConcentration() {
        for (double tau : new double[] {0.005, 0.05, 0.3}) {
            int intervals = 2000;
            double h = 1.0 / intervals;
            double sum = 0.0;
            for (int i = 0; i <= intervals; i++) {
                double x = i * h;
                double weight = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2);
                sum += weight * SphereDiffusion.normalizedConcentration(x, tau) * x * x;
            }
            double simpson = 3.0 * sum * h / 3.0;
            assertEquals(simpson, SphereDiffusion.meanConcentration(tau), 1e-6, "tau=" + tau);
        }
    }

    @Test
    void meanConcentrationKnownValuesAndForms() {
        // 1 − (6/π²) Σ exp(−n²π²τ)/n², mpmath nsum at 30 digits.
        assertEquals(0.224365368240859606763967635961, SphereDiffusion.meanConcentration(0.005), 1e-13);
        assertEquals(0.606939756678831949701739187321, SphereDiffusion.meanConcentration(0.05), 1e-13);
        assertEquals(0.968524535115600658356677776704, SphereDiffusion.meanConcentration(0.3), 1e-13);
        for (double tau : new double[] {0.001, 0.01, 0.05, 0.1, 0.3, 1.0}) {
            assertEquals(SphereDiffusion.meanConcentrationSeries(tau), SphereDiffusion.meanConcentrationShortTime(tau),
                    1e-13, "tau=" + tau);
        }
        // Short-time limit 6√(τ/π) − 3τ; the omitted terms are O(exp(−1/τ)).
        double tau = 1e-3;
        assertEquals(6 * Math.sqrt(tau / Math.PI) - 3 * tau, SphereDiffusion.meanConcentration(tau), 1e-14);
    }

    @Test
    void monotonicInRadiusAndTime() {
        for (double tau : new double[] {0.003, 0.02, 0.05, 0.12, 0.4}) {
            double previous = SphereDiffusion.normalizedConcentration(0.0, tau);
            for (int i = 1; i <= 400; i++) {
                double u = SphereDiffusion.normalizedConcentration(i / 400.0, tau);
                assertTrue(u >= previous - 1e-15, "not monotonic at x=" + i / 400.0 + " tau=" + tau);
                assertTrue(u >= -1e-15 && u <= 1.0 + 1e-12, "out of [0,1]: " + u);
                previous = u;
            }
            assertTrue(SphereDiffusion.normalizedConcentration(0.5, tau * 1.1) > SphereDiffusion.normalizedConcentration(0.5, tau));
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> SphereDiffusion.normalizedConcentration(Double.NaN, 0.1));
        assertThrows(IllegalArgumentException.class, () -> SphereDiffusion.normalizedConcentration(-0.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> SphereDiffusion.normalizedConcentration(1.01, 0.1));
        assertThrows(IllegalArgumentException.class, () -> SphereDiffusion.normalizedConcentration(0.5, -1e-3));
        assertThrows(IllegalArgumentException.class, () -> SphereDiffusion.normalizedConcentration(0.5, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> SphereDiffusion.meanConcentration(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SphereDiffusion.longTimeSeries(0.5, 0.0));
        assertThrows(IllegalArgumentException.class, () -> SphereDiffusion.shortTimeErfcSeries(0.5, 0.0));
    }
}
