package org.oxymap.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

class LamellaProjectionTest {

    @Test
    void chordThroughCentre() {
        LamellaProjection thin = new LamellaProjection(100, 80, 0);
        assertEquals(80.0, thin.chordLengthNm(0), 1e-12);
        assertEquals(80.0, thin.chordLengthNm(90), 1e-12);
        assertEquals(2 * Math.sqrt(100 * 100 - 95 * 95), thin.chordLengthNm(95), 1e-12);
        assertEquals(0.0, thin.chordLengthNm(100));
        assertEquals(0.0, thin.chordLengthNm(150));
        LamellaProjection thick = new LamellaProjection(100, 300, 0);
        assertEquals(200.0, thick.chordLengthNm(0), 1e-12);
        assertEquals(2 * Math.sqrt(100 * 100 - 60 * 60), thick.chordLengthNm(60), 1e-12);
    }

    @Test
    void chordOfOffsetLamellaIsSphericalCap() {
        // Lamella [30, 110] nm: beyond z = 30 the beam only crosses the cap, chord = √(a² − ρ²) − 30.
        LamellaProjection p = new LamellaProjection(100, 80, 70);
        assertEquals(70.0, p.chordLengthNm(0), 1e-12);
        assertEquals(Math.sqrt(7500) - 30, p.chordLengthNm(50), 1e-12);
        assertEquals(0.0, p.chordLengthNm(Math.sqrt(100 * 100 - 30 * 30) + 1e-9));
        LamellaProjection mirrored = new LamellaProjection(100, 80, -70);
        assertEquals(Math.sqrt(7500) - 30, mirrored.chordLengthNm(50), 1e-12);
        // Lamella [60, 80] nm: full thickness near the axis, cut by the sphere further out.
        LamellaProjection slice = new LamellaProjection(100, 20, 70);
        assertEquals(20.0, slice.chordLengthNm(0), 1e-12);
        assertEquals(Math.sqrt(100 * 100 - 70 * 70) - 60, slice.chordLengthNm(70), 1e-12);
    }

    @Test
    void visibleRadius() {
        assertEquals(Math.sqrt(100 * 100 - 30 * 30), new LamellaProjection(100, 80, 70).visibleRadiusNm(), 1e-12);
        assertEquals(Math.sqrt(100 * 100 - 30 * 30), new LamellaProjection(100, 80, -70).visibleRadiusNm(), 1e-12);
        assertEquals(100.0, new LamellaProjection(100, 80, 30).visibleRadiusNm(), 1e-12);
        assertEquals(100.0, new LamellaProjection(100, 80, 0).visibleRadiusNm(), 1e-12);
    }

    @Test
    void depthAverageOfConstantIsConstant() {
        LamellaProjection p = new LamellaProjection(100, 80, 70);
        for (double rho : new double[] {0, 20, 50, 90, 95}) {
            assertEquals(2.75, p.depthAverage(rho, r -> 2.75), 1e-13);
        }
    }

    @Test
    void depthAverageOfRSquaredIsAnalytic() {
        DoubleUnaryOperator rSquared = r -> r * r;
        for (double[] geometry : new double[][] {{100, 80, 0}, {100, 80, 70}, {100, 300, 0}, {100, 20, -70}}) {
            LamellaProjection p = new LamellaProjection(geometry[0], geometry[1], geometry[2]);
            for (double rho : new double[] {0, 10, 40, 65}) {
                double half = Math.sqrt(geometry[0] * geometry[0] - rho * rho);
                double lo = Math.max(geometry[2] - geometry[1] / 2, -half);
                double hi = Math.min(geometry[2] + geometry[1] / 2, half);
                double expected = rho * rho + (hi * hi * hi - lo * lo * lo) / (3 * (hi - lo));
                assertEquals(expected, p.depthAverage(rho, rSquared), 1e-10 * expected);
            }
        }
    }

    @Test
    void depthAverageOfDiffusionProfileMatchesSimpson() {
        double a = 100;
        double tau = 0.01;
        DoubleUnaryOperator profile = r -> SphereDiffusion.normalizedConcentration(Math.min(1.0, r / a), tau);
        LamellaProjection p = new LamellaProjection(a, 80, 20);
        for (double rho : new double[] {0, 30, 80, 97}) {
            double half = Math.sqrt(a * a - rho * rho);
            double lo = Math.max(-20.0, -half);
            double hi = Math.min(60.0, half);
            int intervals = 20000;
            double h = (hi - lo) / intervals;
            double sum = 0;
            for (int i = 0; i <= intervals; i++) {
                double z = lo + i * h;
                double w = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2);
                sum += w * profile.applyAsDouble(Math.sqrt(rho * rho + z * z));
            }
            double simpson = sum * h / 3 / (hi - lo);
            assertEquals(simpson, p.depthAverage(rho, profile), 1e-9, "rho=" + rho);
        }
    }

    @Test
    void coreShellStepIsExactWithBreakpoints() {
        double a = 100;
        double coreRadius = 80;
        double cCore = 1.0;
        double cShell = 3.0;
        DoubleUnaryOperator coreShell = r -> r > coreRadius ? cShell : cCore;
        double[][] cases = {{80, 70, 10}, {80, 0, 50}, {80, 0, 70}, {80, 0, 85}, {300, 0, 30}, {20, -80, 40}};
        for (double[] c : cases) {
            double h = c[0];
            double z0 = c[1];
            double rho = c[2];
            LamellaProjection p = new LamellaProjection(a, h, z0);
            double half = Math.sqrt(a * a - rho * rho);
            double lo = Math.max(z0 - h / 2, -half);
            double hi = Math.min(z0 + h / 2, half);
            double coreHalf = rho < coreRadius ? Math.sqrt(coreRadius * coreRadius - rho * rho) : 0;
            double coreLength = Math.max(0, Math.min(hi, coreHalf) - Math.max(lo, -coreHalf));
            double length = hi - lo;
            double expected = (cCore * coreLength + cShell * (length - coreLength)) / length;
            double got = p.depthAverage(rho, coreShell, new double[] {coreRadius});
            assertEquals(expected, got, 1e-10, "h=" + h + " z0=" + z0 + " rho=" + rho);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new LamellaProjection(0, 80, 0));
        assertThrows(IllegalArgumentException.class, () -> new LamellaProjection(-5, 80, 0));
        assertThrows(IllegalArgumentException.class, () -> new LamellaProjection(100, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LamellaProjection(100, 80, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new LamellaProjection(100, 80, 140));
        assertThrows(IllegalArgumentException.class, () -> new LamellaProjection(100, 80, -150));
        LamellaProjection p = new LamellaProjection(100, 80, 70);
        assertThrows(IllegalArgumentException.class, () -> p.depthAverage(96, r -> 1.0));
        assertThrows(IllegalArgumentException.class, () -> p.depthAverage(-1, r -> 1.0));
        assertThrows(IllegalArgumentException.class, () -> p.chordLengthNm(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> p.depthAverage(10, r -> Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> p.depthAverage(10, r -> 1.0, new double[] {-3}));
    }
}
