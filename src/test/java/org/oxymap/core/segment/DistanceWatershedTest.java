package org.oxymap.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oxymap.core.progress.ProgressListener;

class DistanceWatershedTest {

    /** Label image of discs (pixel centres within r of a centre), joined into one component per touching group. */
    private static int[] discs(int w, int h, double[][] discs, double pw, double ph) {
        boolean[] fg = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (double[] d : discs) {
                    if (Math.hypot((x - d[0]) * pw, (y - d[1]) * ph) <= d[2]) {
                        fg[y * w + x] = true;
                    }
                }
            }
        }
        return ConnectedComponentLabeler.label(fg, w, h, true);
    }

    @Test
    void twoOverlappingDiscsAreSplitAlongTheNeck() {
        int w = 80;
        int h = 50;
        // radius 12 px, centres 22 px apart: overlap of 2 px, one component
        int[] joined = discs(w, h, new double[][] {{25, 25, 120}, {47, 25, 120}}, 10, 10);
        assertEquals(1, ConnectedComponentLabeler.count(joined));
        int[] split = new DistanceWatershed(10).split(joined, w, h, 10, 10, ProgressListener.NONE);
        assertEquals(2, ConnectedComponentLabeler.count(split));
        // the split runs through the neck at x = 36: every pixel left of it is particle 1, right of it particle 2
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = split[y * w + x];
                if (l != 0 && x < 35) {
                    assertEquals(1, l, "pixel (" + x + ", " + y + ")");
                } else if (l != 0 && x > 37) {
                    assertEquals(2, l, "pixel (" + x + ", " + y + ")");
                }
            }
        }
    }

    @Test
    void singleDiscsAreNeverSplitAtAnyPixelAspect() {
        Random random = new Random(5);
        for (int trial = 0; trial < 40; trial++) {
            double pw = 5 + random.nextDouble() * 10;
            double ph = trial % 2 == 0 ? pw : 5 + random.nextDouble() * 10;
            double r = (3 + random.nextDouble() * 25) * Math.max(pw, ph);
            int[] one = discs(90, 90, new double[][] {{45 + random.nextDouble(), 45 + random.nextDouble(), r}}, pw,
                    ph);
            int[] split = new DistanceWatershed(Math.max(pw, ph)).split(one, 90, 90, pw, ph, ProgressListener.NONE);
            assertEquals(1, ConnectedComponentLabeler.count(split), "disc of radius " + r + " nm, pixels " + pw
                    + " x " + ph + " nm");
        }
    }

    @Test
    void aDeepSeedDepthKeepsTouchingDiscsTogetherAndAChainOfThreeSplitsInThree() {
        int[] pair = discs(80, 50, new double[][] {{25, 25, 120}, {47, 25, 120}}, 10, 10);
        // the neck's distance is ~50 nm, the peaks ~120 nm: a dynamic of ~70 nm
        assertEquals(1, ConnectedComponentLabeler.count(new DistanceWatershed(90).split(pair, 80, 50, 10, 10, null)));
        int[] chain = discs(110, 40, new double[][] {{18, 20, 100}, {37, 20, 100}, {56, 20, 100}}, 10, 10);
        assertEquals(1, ConnectedComponentLabeler.count(chain));
        int[] split = new DistanceWatershed(10).split(chain, 110, 40, 10, 10, null);
        assertEquals(3, ConnectedComponentLabeler.count(split));
        int pixels = 0;
        for (int i = 0; i < chain.length; i++) {
            assertEquals(chain[i] != 0, split[i] != 0, "the split keeps every particle pixel");
            pixels += split[i] != 0 ? 1 : 0;
        }
        assertTrue(pixels > 0);
    }

    @Test
    void separateParticlesKeepTheirOwnLabelsAndEmptyImagesStayEmpty() {
        int[] two = discs(60, 30, new double[][] {{12, 15, 80}, {45, 15, 80}}, 10, 10);
        assertEquals(2, ConnectedComponentLabeler.count(new DistanceWatershed(10).split(two, 60, 30, 10, 10, null)));
        assertEquals(0, ConnectedComponentLabeler.count(new DistanceWatershed(10).split(new int[100], 10, 10, 1, 1,
                null)));
    }
}
