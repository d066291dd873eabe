package org.oxymap.core.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oxymap.core.stack.SpectralStack;

/**
 * Two stacks of the same scene: one at 10 nm pixels (128 × 128), one at 15 nm pixels (80 × 80) whose field starts
 * 37 nm right of and 22 nm above the first, with noise and different contrast (another edge). The registration must
 * put the 15 nm stack's origin back within 0.2 of its pixel (3 nm).
 */
class MultiEdgeRegistrationTest {

    private static final double[][] PARTICLES = { // x nm, y nm, radius nm
        {300, 280, 90}, {620, 350, 120}, {900, 300, 70}, {420, 700, 110}, {800, 760, 100}, {250, 1000, 80},
        {1050, 1000, 60}, {600, 1050, 90}};

    /** Transmission of a soft-edged disc scene at (x, y) nm; {@code contrast} scales the optical density. */
    private static double scene(double x, double y, double contrast) {
        double od = 0;
        for (double[] p : PARTICLES) {
            double r = Math.hypot(x - p[0], y - p[1]);
            od += contrast / (1 + Math.exp((r - p[2]) / 8.0));
        }
        return 5000 * Math.exp(-od);
    }

    private static SpectralStack render(int size, double pixelNm, double originXNm, double originYNm,
                                        double contrast, long seed) {
        Random random = new Random(seed);
        float[][] planes = new float[2][size * size];
        for (int k = 0; k < 2; k++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double v = scene(originXNm + x * pixelNm, originYNm + y * pixelNm, contrast * (1 + 0.3 * k));
                    planes[k][y * size + x] = (float) (v + Math.sqrt(v) * random.nextGaussian());
                }
            }
        }
        return SpectralStack.wrap(List.of(planes[0], planes[1]), size, size, new double[] {850, 855}, pixelNm);
    }

    @Test
    void offsetAndScaleAreRecovered() {
        SpectralStack fine = render(128, 10.0, 0, 0, 0.8, 1);
        double originX = 37;
        double originY = -22;
        SpectralStack coarse = render(80, 15.0, originX, originY, 0.5, 2);
        GridTransform t = new MultiEdgeRegistration(10).register(fine, coarse, null);
        assertEquals(10.0 / 15.0, t.scaleX(), 1e-12);
        // fine pixel x sits at coarse pixel u = (10 x − originX) / 15
        double offsetXNm = t.offsetXPx() * 15.0;
        double offsetYNm = t.offsetYPx() * 15.0;
        System.out.printf("multi-edge registration: offset (%.2f, %.2f) nm, true (%.2f, %.2f) nm%n", offsetXNm,
                offsetYNm, -originX, -originY);
        assertEquals(-originX, offsetXNm, 0.2 * 15.0);
        assertEquals(-originY, offsetYNm, 0.2 * 15.0);

        SpectralStack onGrid = MultiEdgeRegistration.onReferenceGrid(coarse, t, 128, 128, 10, 10);
        boolean[] covered = MultiEdgeRegistration.coverage(t, 80, 80, 128, 128);
        // the resampled coarse image follows the scene on the fine grid where it is covered
        double err = 0;
        int n = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                if (covered[y * 128 + x]) {
                    err += Math.abs(onGrid.plane(0)[y * 128 + x] - scene(10 * x, 10 * y, 0.5));
                    n++;
                }
            }
        }
        assertTrue(n > 100 * 100, "covered pixels " + n);
        assertTrue(err / n < 120, "mean |error| " + err / n + " counts of 5000");
        assertTrue(!covered[127 * 128 + 127], "the 15 nm field (1200 nm) ends before the 10 nm field (1280 nm)");
    }
}
