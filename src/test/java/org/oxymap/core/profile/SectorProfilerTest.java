package org.oxymap.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oxymap.core.distance.EuclideanDistanceTransform;

/**
 * Sector profiles of a radial map agree with each other within their standard errors; those of a map with a
 * gradient across the particle do not, so the agreement is a test that can fail.
 */
class SectorProfilerTest {

    private static final int SIZE = 160;
    private static final double PIXEL_NM = 10;
    private static final double RADIUS_PX = 70;

    private static int[] disc() {
        int[] labels = new int[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (Math.hypot(x - 80, y - 80) <= RADIUS_PX) {
                    labels[y * SIZE + x] = 1;
                }
            }
        }
        return labels;
    }

    /** Fraction of (sector, bin) pairs whose mean is within 2 SE (of the difference) of the whole particle's. */
    private static double agreement(float[] values, int sectors) {
        int[] labels = disc();
        float[] distance = EuclideanDistanceTransform.distanceToOwnBoundary(labels, SIZE, SIZE, PIXEL_NM, PIXEL_NM,
                true);
        float[] weights = new float[labels.length];
        java.util.Arrays.fill(weights, 1f);
        EdgeDistanceProfiler profiler = new EdgeDistanceProfiler(50, 5);
        boolean[] include = {true};
        Map<Double, ProfileBin> whole = new HashMap<>();
        for (ProfileBin b : profiler.profile(labels, 1, include, distance, values, weights)) {
            if (b.particle() == 1) {
                whole.put(b.distanceNm(), b);
            }
        }
        List<SectorProfileBin> bins = new SectorProfiler(profiler, sectors).profile(labels, 1, include, distance,
                values, weights, SIZE, PIXEL_NM, PIXEL_NM, new double[] {80}, new double[] {80});
        int within = 0;
        int total = 0;
        for (SectorProfileBin s : bins) {
            ProfileBin b = s.bin();
            if (b.particle() != 1 || b.n() < 20) {
                continue;
            }
            ProfileBin w = whole.get(b.distanceNm());
            total++;
            if (Math.abs(b.mean() - w.mean()) <= 2 * Math.hypot(b.se(), w.se())) {
                within++;
            }
        }
        assertTrue(total >= sectors * 8, "bins compared: " + total);
        return (double) within / total;
    }

    @Test
    void radialMapGivesSectorProfilesThatAgreeWithinTheirStandardErrors() {
        Random random = new Random(11);
        float[] values = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double depthNm = (RADIUS_PX - Math.hypot(x - 80, y - 80)) * PIXEL_NM;
                values[y * SIZE + x] = (float) (0.1 + 0.5 * Math.exp(-depthNm / 150) + 0.05 * random.nextGaussian());
            }
        }
        double agree = agreement(values, 8);
        assertTrue(agree >= 0.9, "radial map: " + agree + " of sector bins within 2 SE");
    }

    @Test
    void gradientAcrossTheParticleMakesSectorsDisagree() {
        Random random = new Random(12);
        float[] values = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                values[y * SIZE + x] = (float) (0.3 + 0.001 * (x - 80) + 0.05 * random.nextGaussian());
            }
        }
        double agree = agreement(values, 8);
        assertTrue(agree < 0.5, "gradient map: " + agree + " of sector bins within 2 SE");
    }

    @Test
    void sectorsFollowTheAngleClockwiseOnScreenAndEachPixelFallsInOne() {
        SectorProfiler s = new SectorProfiler(new EdgeDistanceProfiler(10, 0), 4);
        assertEquals(0, s.sectorOf(11, 10, 10, 10, 1, 1)); // +x
        assertEquals(1, s.sectorOf(10, 11, 10, 10, 1, 1)); // +y (down on screen)
        assertEquals(2, s.sectorOf(9, 10, 10, 10, 1, 1));
        assertEquals(3, s.sectorOf(10, 9, 10, 10, 1, 1));
        // anisotropic pixels: (1, 1) px on 10 x 30 nm pixels lies at atan(3) = 71.6° -> sector 0 of 4
        assertEquals(0, s.sectorOf(11, 11, 10, 10, 10, 30));
        assertEquals(0, new SectorProfiler(new EdgeDistanceProfiler(10, 0), 8).sectorOf(11, 11, 10, 10, 30, 10));
    }

    @Test
    void normalisedDistanceRunsFromTheRimToAboutOneAtTheCentre() {
        int[] labels = disc();
        float[] distance = EuclideanDistanceTransform.distanceToOwnBoundary(labels, SIZE, SIZE, PIXEL_NM, PIXEL_NM,
                true);
        EdgeDistanceProfiler profiler = new EdgeDistanceProfiler(PIXEL_NM, PIXEL_NM / 2);
        int n = 0;
        for (int l : labels) {
            n += l;
        }
        double r = Math.sqrt(n * PIXEL_NM * PIXEL_NM / Math.PI);
        float[] rel = NormalisedEdgeDistance.map(labels, distance, profiler, new double[] {r});
        float max = 0;
        float min = Float.MAX_VALUE;
        for (int i = 0; i < rel.length; i++) {
            if (labels[i] > 0) {
                max = Math.max(max, rel[i]);
                min = Math.min(min, rel[i]);
            }
        }
        assertEquals(PIXEL_NM / 2 / r, min, 1e-6, "a rim pixel sits half a pixel inside the edge");
        assertEquals(1.0, max, 0.02);
    }
}
