package org.oxymap.core.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oxymap.core.align.SyntheticScene.HEIGHT;
import static org.oxymap.core.align.SyntheticScene.WIDTH;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.oxymap.core.progress.OperationCancelledException;
import org.oxymap.core.progress.ProgressListener;

class PhaseCorrelationAlignerTest {

    private static final double[][] TRUTH = {{0, 0}, {1.3, -0.7}, {-2.25, 0.4}, {0.5, 0.5}, {3.8, 2.6}, {-1.1, -3.45}};

    private static List<float[]> render(BiFunction<Double, Double, float[]> scene) {
        List<float[]> planes = new ArrayList<>();
        for (double[] t : TRUTH) {
            planes.add(scene.apply(t[0], t[1]));
        }
        return planes;
    }

    private static double maxError(Shift[] shifts, int referenceIndex) {
        double worst = 0;
        for (int k = 0; k < TRUTH.length; k++) {
            double ex = TRUTH[k][0] - TRUTH[referenceIndex][0];
            double ey = TRUTH[k][1] - TRUTH[referenceIndex][1];
            worst = Math.max(worst, Math.max(Math.abs(shifts[k].dxPx() - ex), Math.abs(shifts[k].dyPx() - ey)));
        }
        return worst;
    }

    @Test
    void recoversSubPixelShiftsOfNoiseFreeImages() {
        Shift[] shifts = new PhaseCorrelationAligner().estimateShifts(
                render(SyntheticScene::emission), WIDTH, HEIGHT, 0, null);
        double error = maxError(shifts, 0);
        System.out.println("noise-free max error = " + error);
        assertTrue(error < 0.05, "max error " + error);
        assertEquals(new Shift(0, 0), shifts[0]);
    }

    @Test
    void recoversSubPixelShiftsOfNoisyImages() {
        Random random = new Random(12345);
        Shift[] shifts = new PhaseCorrelationAligner().estimateShifts(
                render((dx, dy) -> SyntheticScene.withPoissonNoise(SyntheticScene.emission(dx, dy), random)),
                WIDTH, HEIGHT, 0, null);
        double error = maxError(shifts, 0);
        System.out.println("noisy max error = " + error);
        assertTrue(error < 0.15, "max error " + error);
    }

    @Test
    void alignsInvertedContrastTransmissionImages() {
        Shift[] shifts = new PhaseCorrelationAligner().estimateShifts(
                render(SyntheticScene::transmission), WIDTH, HEIGHT, 0, null);
        double error = maxError(shifts, 0);
        System.out.println("transmission max error = " + error);
        assertTrue(error < 0.05, "max error " + error);

        Random random = new Random(99);
        Shift[] noisy = new PhaseCorrelationAligner().estimateShifts(
                render((dx, dy) -> SyntheticScene.withPoissonNoise(SyntheticScene.transmission(dx, dy), random)),
                WIDTH, HEIGHT, 0, null);
        double noisyError = maxError(noisy, 0);
        System.out.println("noisy transmission max error = " + noisyError);
        assertTrue(noisyError < 0.15, "max error " + noisyError);
    }

    @Test
    void shiftsAreRelativeToTheChosenReference() {
        Shift[] shifts = new PhaseCorrelationAligner(10).estimateShifts(
                render(SyntheticScene::emission), WIDTH, HEIGHT, 2, null);
        assertEquals(new Shift(0, 0), shifts[2]);
        double error = maxError(shifts, 2);
        assertTrue(error < 0.05, "max error " + error);
    }

    @Test
    void recoversIntegerCircularShiftsExactly() {
        float[] reference = SyntheticScene.emission(0, 0);
        int[][] integerShifts = {{0, 0}, {3, -2}, {-5, 4}, {1, 0}, {0, -7}};
        List<float[]> planes = new ArrayList<>();
        for (int[] s : integerShifts) {
            planes.add(SyntheticScene.circularShift(reference, s[0], s[1]));
        }
        Shift[] shifts = new PhaseCorrelationAligner().estimateShifts(planes, WIDTH, HEIGHT, 0, null);
        for (int k = 0; k < integerShifts.length; k++) {
            assertEquals(integerShifts[k][0], shifts[k].dxPx(), 1e-6, "dx of plane " + k);
            assertEquals(integerShifts[k][1], shifts[k].dyPx(), 1e-6, "dy of plane " + k);
        }
    }

    @Test
    void searchIsLimitedToMaxShift() {
        List<float[]> planes = List.of(SyntheticScene.emission(0, 0), SyntheticScene.emission(8, 0));
        Shift[] unlimited = new PhaseCorrelationAligner(20).estimateShifts(planes, WIDTH, HEIGHT, 0, null);
        assertEquals(8, unlimited[1].dxPx(), 0.05);
        Shift[] limited = new PhaseCorrelationAligner(3).estimateShifts(planes, WIDTH, HEIGHT, 0, null);
        assertTrue(Math.abs(limited[1].dxPx()) <= 3 && Math.abs(limited[1].dyPx()) <= 3, limited[1].toString());
    }

    @Test
    void relativeToMeanHasZeroMean() {
        Shift[] shifts = {new Shift(0, 0), new Shift(1.3, -0.7), new Shift(-2.25, 0.4), new Shift(4, 1)};
        Shift[] centred = PhaseCorrelationAligner.relativeToMean(shifts);
        double sumX = 0;
        double sumY = 0;
        for (Shift s : centred) {
            sumX += s.dxPx();
            sumY += s.dyPx();
        }
        assertEquals(0, sumX, 1e-12);
        assertEquals(0, sumY, 1e-12);
        assertEquals(1.3 - 3.05 / 4, centred[1].dxPx(), 1e-12);
        assertEquals(-0.7 - 0.7 / 4, centred[1].dyPx(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> PhaseCorrelationAligner.relativeToMean(new Shift[0]));
        assertThrows(IllegalArgumentException.class,
                () -> PhaseCorrelationAligner.relativeToMean(new Shift[]{new Shift(Double.NaN, 0)}));
    }

    @Test
    void reportsProgressOncePerPlaneAndHonoursCancellation() {
        List<float[]> planes = render(SyntheticScene::emission);
        List<Long> calls = new ArrayList<>();
        new PhaseCorrelationAligner().estimateShifts(planes, WIDTH, HEIGHT, 0,
                (stage, done, total) -> calls.add(total * 1000 + done));
        assertEquals(TRUTH.length, calls.size());
        assertTrue(calls.contains(TRUTH.length * 1000L + TRUTH.length));

        ProgressListener cancelled = new ProgressListener() {
            @Override
            public void progress(String stage, long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(OperationCancelledException.class,
                () -> new PhaseCorrelationAligner().estimateShifts(planes, WIDTH, HEIGHT, 0, cancelled));
    }

    @Test
    void rejectsBadInput() {
        PhaseCorrelationAligner aligner = new PhaseCorrelationAligner();
        float[] good = SyntheticScene.emission(0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> aligner.estimateShifts(List.of(good, new float[10]), WIDTH, HEIGHT, 0, null));
        assertTrue(e.getMessage().contains("plane 1"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> aligner.estimateShifts(List.of(good, good), WIDTH, HEIGHT, 2, null));
        assertTrue(e.getMessage().contains("referenceIndex"), e.getMessage());

        float[] nan = good.clone();
        nan[WIDTH * 5 + 7] = Float.NaN;
        e = assertThrows(IllegalArgumentException.class,
                () -> aligner.estimateShifts(List.of(good, good, nan), WIDTH, HEIGHT, 0, null));
        assertTrue(e.getMessage().contains("plane 2") && e.getMessage().contains("finite"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> aligner.estimateShifts(List.of(good, new float[WIDTH * HEIGHT]), WIDTH, HEIGHT, 0, null));
        assertTrue(e.getMessage().contains("plane 1"), e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> aligner.estimateShifts(List.of(), WIDTH, HEIGHT, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new PhaseCorrelationAligner(0));
        assertThrows(IllegalArgumentException.class, () -> new PhaseCorrelationAligner(Double.NaN));
    }
}
