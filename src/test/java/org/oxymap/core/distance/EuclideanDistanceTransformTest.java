package org.oxymap.core.distance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oxymap.core.progress.OperationCancelledException;
import org.oxymap.core.progress.ProgressListener;

class EuclideanDistanceTransformTest {

    private static final int[][] SIZES = {{1, 1}, {1, 17}, {17, 1}, {1, 60}, {60, 1}, {2, 3}, {37, 23}, {23, 37},
            {50, 40}};

    /** Brute force over all pixel pairs; "qualifies" decides which pixels are targets for pixel i. */
    private interface Qualifies {
        boolean test(int i, int j);
    }

    private static float[] bruteForce(boolean[] needsDistance, Qualifies qualifies, int w, int h, double pw,
            double ph) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (!needsDistance[i]) {
                    continue;
                }
                double best = Double.POSITIVE_INFINITY;
                for (int qy = 0; qy < h; qy++) {
                    for (int qx = 0; qx < w; qx++) {
                        if (qualifies.test(i, qy * w + qx)) {
                            int dx = x - qx;
                            int dy = y - qy;
                            double d2 = (dx * pw) * (dx * pw) + (dy * ph) * (dy * ph);
                            best = Math.min(best, d2);
                        }
                    }
                }
                out[i] = (float) Math.sqrt(best);
            }
        }
        return out;
    }

    private static boolean[] randomMask(Random random, int n, double pForeground) {
        boolean[] fg = new boolean[n];
        for (int i = 0; i < n; i++) {
            fg[i] = random.nextDouble() < pForeground;
        }
        return fg;
    }

    /** Random blocky labels 0..4 so that different labels touch and every label has several pixels. */
    private static int[] randomLabels(Random random, int w, int h) {
        int[] labels = new int[w * h];
        int cell = 1 + random.nextInt(4);
        int[] palette = new int[(w / cell + 1) * (h / cell + 1)];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = random.nextInt(5);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int label = palette[(y / cell) * (w / cell + 1) + x / cell];
                labels[y * w + x] = random.nextDouble() < 0.05 ? random.nextInt(5) : label;
            }
        }
        return labels;
    }

    private static void assertBackgroundMatchesBruteForce(double pw, double ph, double relTol) {
        Random random = new Random(12345);
        for (int[] size : SIZES) {
            int w = size[0];
            int h = size[1];
            for (double p : new double[] {0.3, 0.8, 0.97}) {
                boolean[] fg = randomMask(random, w * h, p);
                float[] expected = bruteForce(fg, (i, j) -> !fg[j], w, h, pw, ph);
                float[] actual = EuclideanDistanceTransform.distanceToBackground(fg, w, h, pw, ph);
                assertClose(expected, actual, relTol, w + "x" + h + " p=" + p);
            }
        }
    }

    private static void assertLabelsMatchBruteForce(double pw, double ph, double relTol) {
        Random random = new Random(777);
        for (int[] size : SIZES) {
            int w = size[0];
            int h = size[1];
            for (int trial = 0; trial < 4; trial++) {
                int[] labels = randomLabels(random, w, h);
                boolean[] labelled = new boolean[w * h];
                for (int i = 0; i < labelled.length; i++) {
                    labelled[i] = labels[i] != 0;
                }
                float[] expectedBackground = bruteForce(labelled, (i, j) -> labels[j] == 0, w, h, pw, ph);
                float[] expectedOther = bruteForce(labelled, (i, j) -> labels[j] != labels[i], w, h, pw, ph);
                assertClose(expectedBackground,
                        EuclideanDistanceTransform.distanceToOwnBoundary(labels, w, h, pw, ph, false), relTol,
                        "background " + w + "x" + h);
                assertClose(expectedOther,
                        EuclideanDistanceTransform.distanceToOwnBoundary(labels, w, h, pw, ph, true), relTol,
                        "touching " + w + "x" + h);
            }
        }
    }

    private static void assertClose(float[] expected, float[] actual, double relTol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (relTol == 0 || Float.isInfinite(expected[i])) {
                assertEquals(expected[i], actual[i], 0.0f, what + " at " + i);
            } else {
                assertEquals(expected[i], actual[i], relTol * expected[i], what + " at " + i);
            }
        }
    }

    @Test
    void isotropicMatchesBruteForceExactly() {
        assertBackgroundMatchesBruteForce(1, 1, 0);
    }

    /** 7.5 and 10 nm make every squared term an exact double, so even the anisotropic result is bitwise exact. */
    @Test
    void anisotropicExactPixelSizesMatchBruteForceExactly() {
        assertBackgroundMatchesBruteForce(7.5, 10, 0);
    }

    /** Pixel sizes whose squares round: only double rounding may differ (bitwise equal for these seeds). */
    @Test
    void anisotropicInexactPixelSizesMatchBruteForceWithinRounding() {
        assertBackgroundMatchesBruteForce(1.0 / 3.0, 0.7, 1e-6);
        assertBackgroundMatchesBruteForce(12.3, 4.56, 1e-6);
    }

    @Test
    void labelDistancesIsotropicMatchBruteForceExactly() {
        assertLabelsMatchBruteForce(1, 1, 0);
    }

    @Test
    void labelDistancesAnisotropicMatchBruteForce() {
        assertLabelsMatchBruteForce(7.5, 10, 0);
        assertLabelsMatchBruteForce(1.0 / 3.0, 0.7, 1e-6);
    }

    @Test
    void singleBackgroundPixelGivesHypotOfOffsets() {
        int w = 9;
        int h = 9;
        int cx = 4;
        int cy = 4;
        boolean[] fg = new boolean[w * h];
        java.util.Arrays.fill(fg, true);
        fg[cy * w + cx] = false;
        float[] d = EuclideanDistanceTransform.distanceToBackground(fg, w, h, 7.5, 10);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals((float) Math.hypot((x - cx) * 7.5, (y - cy) * 10.0), d[y * w + x], 1e-4f);
            }
        }
        assertEquals(0f, d[cy * w + cx], 0f);
        assertEquals(50f, d[0], 0f); // offsets (4*7.5, 4*10) = (30, 40)
    }

    @Test
    void allForegroundIsInfinite() {
        boolean[] fg = new boolean[6 * 4];
        java.util.Arrays.fill(fg, true);
        float[] d = EuclideanDistanceTransform.distanceToBackground(fg, 6, 4, 1, 1);
        for (float v : d) {
            assertEquals(Float.POSITIVE_INFINITY, v);
        }
        int[] labels = new int[6 * 4];
        java.util.Arrays.fill(labels, 3);
        for (float v : EuclideanDistanceTransform.distanceToOwnBoundary(labels, 6, 4, 1, 1, true)) {
            assertEquals(Float.POSITIVE_INFINITY, v);
        }
    }

    @Test
    void twoTouchingLabelsSeeEachOtherOnlyWhenAsked() {
        // one row: labels 1 1 1 2 2 2, no background; outside the image is not background
        int[] labels = {1, 1, 1, 2, 2, 2};
        float[] apart = EuclideanDistanceTransform.distanceToOwnBoundary(labels, 6, 1, 2, 1, false);
        for (float v : apart) {
            assertEquals(Float.POSITIVE_INFINITY, v);
        }
        float[] touching = EuclideanDistanceTransform.distanceToOwnBoundary(labels, 6, 1, 2, 1, true);
        assertArrayEquals(new float[] {6, 4, 2, 2, 4, 6}, touching, 0f);
    }

    @Test
    void largeNonConsecutiveLabelIdsWork() {
        int[] labels = {0, 1_000_000, 1_000_000, 7, 7, 0};
        float[] d = EuclideanDistanceTransform.distanceToOwnBoundary(labels, 6, 1, 1, 1, true);
        assertArrayEquals(new float[] {0, 1, 1, 1, 1, 0}, d, 0f);
    }

    @Test
    void negativeLabelAnywhereIsNamedWithItsIndex() {
        // the label scan runs in bands of rows: a negative label in the last band must still be found
        int w = 5;
        int h = 40;
        int[] labels = new int[w * h];
        labels[2 * w + 1] = 3;
        labels[(h - 1) * w + 4] = -2;
        for (boolean touching : new boolean[] {true, false}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EuclideanDistanceTransform.distanceToOwnBoundary(labels, w, h, 1, 1, touching));
            assertEquals("labels must be >= 0, found -2 at index " + ((h - 1) * w + 4), e.getMessage());
        }
    }

    @Test
    void labelsBeyondThePixelCountMixedWithSmallOnesInEveryBand() {
        // ids above the pixel count are renumbered; small ids met before and after them keep their boxes
        int w = 7;
        int h = 24;
        int[] labels = new int[w * h];
        int[] expected = new int[w * h];
        for (int y = 0; y < h; y++) {
            int id = y % 3 == 0 ? 0 : y % 2 == 0 ? 5 + y : 2_000_000_000 - y;
            for (int x = 1; x < w - 1; x++) {
                labels[y * w + x] = id;
                expected[y * w + x] = id == 0 ? 0 : 1 + y;
            }
        }
        assertArrayEquals(EuclideanDistanceTransform.distanceToOwnBoundary(expected, w, h, 2, 3, true),
                EuclideanDistanceTransform.distanceToOwnBoundary(labels, w, h, 2, 3, true), 0f);
    }

    @Test
    void oneLabelPerPixelBeyondTheBandedTables() {
        // 80 000 labels, more than the bands keep tables for: every pixel is its own particle, so each one's
        // nearest pixel of another label is its neighbour along the shorter pixel side
        int w = 400;
        int h = 200;
        int[] labels = new int[w * h];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i + 1;
        }
        float[] d = EuclideanDistanceTransform.distanceToOwnBoundary(labels, w, h, 2, 3, true);
        for (int i = 0; i < d.length; i++) {
            assertEquals(2f, d[i], 0f, "pixel " + i);
        }
    }

    @Test
    void badInputIsRejected() {
        boolean[] fg = new boolean[6];
        assertThrows(IllegalArgumentException.class,
                () -> EuclideanDistanceTransform.distanceToBackground(fg, 4, 2, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> EuclideanDistanceTransform.distanceToBackground(fg, 3, 2, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> EuclideanDistanceTransform.distanceToBackground(fg, 3, 2, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> EuclideanDistanceTransform.distanceToBackground(fg, 3, 2, Double.POSITIVE_INFINITY, 1));
        assertThrows(IllegalArgumentException.class,
                () -> EuclideanDistanceTransform.distanceToOwnBoundary(new int[] {0, -1}, 2, 1, 1, 1, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EuclideanDistanceTransform.distanceToBackground(null, 3, 2, 1, 1));
        assertTrue(e.getMessage().contains("foreground"));
    }

    @Test
    void cancellationStopsTheTransform() {
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
                () -> EuclideanDistanceTransform.distanceToBackground(new boolean[100], 10, 10, 1, 1, cancelled));
        long[] last = new long[2];
        ProgressListener recorder = (stage, done, total) -> {
            last[0] = done;
            last[1] = total;
        };
        EuclideanDistanceTransform.distanceToBackground(new boolean[300], 20, 15, 1, 1, recorder);
        assertEquals(35, last[0]);
        assertEquals(35, last[1]);
    }
}
