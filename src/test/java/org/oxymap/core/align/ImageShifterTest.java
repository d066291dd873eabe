package org.oxymap.core.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oxymap.core.align.SyntheticScene.HEIGHT;
import static org.oxymap.core.align.SyntheticScene.WIDTH;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ImageShifterTest {

    @Test
    void integerShiftIsAnExactTranslationInTheInterior() {
        float[] image = SyntheticScene.emission(0, 0);
        float[] out = ImageShifter.shift(image, WIDTH, HEIGHT, 3, -2);
        for (int y = 2; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH - 3; x++) {
                assertEquals(image[(y - 2) * WIDTH + x + 3], out[y * WIDTH + x], 0f, "x=" + x + " y=" + y);
            }
        }
    }

    @Test
    void undoesAnAnalyticSubPixelDisplacement() {
        float[] reference = SyntheticScene.emission(0, 0);
        float[] displaced = SyntheticScene.emission(1.3, -0.7);
        float[] restored = ImageShifter.shift(displaced, WIDTH, HEIGHT, 1.3, -0.7);
        double worst = maxInteriorDifference(reference, restored, 4);
        System.out.println("restore max |error| = " + worst + " of peak ~1100");
        assertTrue(worst < 30, "max error " + worst);
    }

    @Test
    void shiftThenInverseShiftReturnsTheInterior() {
        float[] image = SyntheticScene.emission(0, 0);
        float[] there = ImageShifter.shift(image, WIDTH, HEIGHT, 1.3, -0.7);
        float[] back = ImageShifter.shift(there, WIDTH, HEIGHT, -1.3, 0.7);
        double worst = maxInteriorDifference(image, back, 4);
        System.out.println("round trip max |error| = " + worst + " of peak ~1100");
        assertTrue(worst < 60, "max error " + worst);
    }

    @Test
    void clampsOutsideCoordinatesToTheEdge() {
        float[] image = SyntheticScene.transmission(0, 0);
        float[] out = ImageShifter.shift(image, WIDTH, HEIGHT, 500.5, -3.5);
        for (int y = 4; y < HEIGHT; y++) {
            double expected = 0.5 * (image[(y - 4) * WIDTH + WIDTH - 1] + image[(y - 3) * WIDTH + WIDTH - 1]);
            assertEquals(expected, out[y * WIDTH], 1e-3);
        }
        for (float v : out) {
            assertTrue(v > 0 && Float.isFinite(v));
        }
    }

    @Test
    void alignedStackHasNoResidualShift() {
        double[][] truth = {{0, 0}, {1.3, -0.7}, {-2.25, 0.4}, {0.6, 1.9}};
        List<float[]> planes = new ArrayList<>();
        for (double[] t : truth) {
            planes.add(SyntheticScene.emission(t[0], t[1]));
        }
        PhaseCorrelationAligner aligner = new PhaseCorrelationAligner();
        Shift[] shifts = PhaseCorrelationAligner.relativeToMean(
                aligner.estimateShifts(planes, WIDTH, HEIGHT, 0, null));
        List<float[]> aligned = ImageShifter.alignAll(planes, WIDTH, HEIGHT, shifts);
        assertEquals(planes.size(), aligned.size());
        Shift[] residual = aligner.estimateShifts(aligned, WIDTH, HEIGHT, 0, null);
        for (int k = 0; k < residual.length; k++) {
            System.out.println("residual " + k + " = " + residual[k]);
            assertTrue(Math.abs(residual[k].dxPx()) < 0.05 && Math.abs(residual[k].dyPx()) < 0.05,
                    "plane " + k + ": " + residual[k]);
        }
    }

    @Test
    void rejectsBadInput() {
        float[] image = SyntheticScene.emission(0, 0);
        assertThrows(IllegalArgumentException.class, () -> ImageShifter.shift(new float[5], WIDTH, HEIGHT, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ImageShifter.shift(image, WIDTH, HEIGHT, Double.NaN, 0));
        float[] inf = image.clone();
        inf[3] = Float.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> ImageShifter.shift(inf, WIDTH, HEIGHT, 1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageShifter.alignAll(List.of(image, image), WIDTH, HEIGHT, new Shift[]{new Shift(0, 0)}));
        assertTrue(e.getMessage().contains("shifts"), e.getMessage());
    }

    private static double maxInteriorDifference(float[] a, float[] b, int margin) {
        double worst = 0;
        for (int y = margin; y < HEIGHT - margin; y++) {
            for (int x = margin; x < WIDTH - margin; x++) {
                worst = Math.max(worst, Math.abs(a[y * WIDTH + x] - b[y * WIDTH + x]));
            }
        }
        return worst;
    }
}
