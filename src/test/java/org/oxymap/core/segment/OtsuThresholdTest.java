package org.oxymap.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class OtsuThresholdTest {

    @Test
    void twoConstantPopulationsAreSplitBetweenThem() {
        float[] values = new float[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 10 < 3 ? 2.0f : 10.0f;
        }
        double t = OtsuThreshold.threshold(values, null);
        assertTrue(t > 2.0 && t < 10.0, "threshold " + t);
        // every split through the empty middle bins is equally good; the middle one (k = 127) is taken
        assertEquals(6.0, t, 0.0);
    }

    @Test
    void gaussianMixtureIsSplitNearTheMiddle() {
        Random random = new Random(42);
        float[] values = new float[20000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((i % 2) + 0.1 * random.nextGaussian());
        }
        assertEquals(0.5, OtsuThreshold.threshold(values, null), 0.05);
    }

    @Test
    void maskAndNonFiniteValuesAreIgnored() {
        float[] values = {Float.NaN, 0f, 1f, 100f, Float.POSITIVE_INFINITY, 0f, 1f};
        boolean[] mask = {true, true, true, false, true, true, true};
        // only 0, 1, 0, 1 count: min 0, max 1, bins 0 and 255 filled, middle split k = 127
        assertEquals(0.5, OtsuThreshold.threshold(values, mask), 0.0);
    }

    @Test
    void splitMatchesBruteForceOnRandomHistograms() {
        Random random = new Random(99);
        for (int trial = 0; trial < 200; trial++) {
            long[] histogram = new long[256];
            for (int i = 0; i < histogram.length; i++) {
                histogram[i] = random.nextInt(10) < 3 ? 0 : random.nextInt(1000);
            }
            histogram[random.nextInt(256)] += 1;
            histogram[random.nextInt(256)] += 5000;
            int expected = bruteForceSplit(histogram);
            assertEquals(expected, OtsuThreshold.lastLowerBin(histogram), "trial " + trial);
        }
    }

    @Test
    void thresholdOfValuesMatchesBruteForceSplit() {
        Random random = new Random(5);
        float[] values = new float[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble() < 0.4 ? random.nextGaussian() : 3 + 2 * random.nextGaussian());
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        long[] histogram = new long[256];
        for (float v : values) {
            histogram[Math.min(255, (int) (((double) v - min) / ((double) max - min) * 256))]++;
        }
        double expected = min + (bruteForceSplit(histogram) + 1) * (((double) max - min) / 256);
        assertEquals(expected, OtsuThreshold.threshold(values, null), 0.0);
    }

    /**
     * Maximises w0*w1*(mu0-mu1)^2 over all 255 cuts, each class recomputed from scratch; the middle of the first
     * run of equal maxima.
     */
    private static int bruteForceSplit(long[] histogram) {
        double bestVariance = -1;
        int best = -1;
        double[] variances = new double[255];
        for (int k = 0; k < 255; k++) {
            double n0 = 0;
            double s0 = 0;
            double n1 = 0;
            double s1 = 0;
            for (int i = 0; i < 256; i++) {
                if (i <= k) {
                    n0 += histogram[i];
                    s0 += (double) i * histogram[i];
                } else {
                    n1 += histogram[i];
                    s1 += (double) i * histogram[i];
                }
            }
            if (n0 == 0 || n1 == 0) {
                continue;
            }
            double n = n0 + n1;
            double between = (n0 / n) * (n1 / n) * Math.pow(s0 / n0 - s1 / n1, 2);
            if (between > bestVariance) {
                bestVariance = between;
                best = k;
            }
            variances[k] = between;
        }
        int runEnd = best;
        while (runEnd + 1 < 255 && variances[runEnd + 1] == bestVariance) {
            runEnd++;
        }
        return (best + runEnd) / 2;
    }

    @Test
    void emptyOrConstantInputIsRejected() {
        IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
                () -> OtsuThreshold.threshold(new float[] {3f, 3f, Float.NaN}, null));
        assertTrue(constant.getMessage().contains("empty/constant"));
        assertThrows(IllegalArgumentException.class,
                () -> OtsuThreshold.threshold(new float[] {Float.NaN, Float.NEGATIVE_INFINITY}, null));
        assertThrows(IllegalArgumentException.class,
                () -> OtsuThreshold.threshold(new float[] {1f, 2f}, new boolean[] {false, false}));
        assertThrows(IllegalArgumentException.class, () -> OtsuThreshold.threshold(new float[] {1f, 2f},
                new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> OtsuThreshold.threshold(null, null));
    }
}
