package org.oxymap.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ParticleMeasurementFlagsTest {

    private static final int W = 60;
    private static final int H = 40;

    private static void disc(int[] labels, int label, double cx, double cy, double r) {
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (Math.hypot(x - cx, y - cy) <= r) {
                    labels[y * W + x] = label;
                }
            }
        }
    }

    /** One particle of each kind, each with exactly the flag it deserves. */
    @Test
    void everyKindOfParticleGetsItsFlag() {
        int[] labels = new int[W * H];
        disc(labels, 1, 10, 10, 5);                 // good
        disc(labels, 2, 2, 30, 4);                  // touches the left border
        disc(labels, 3, 30, 8, 4);                  // touches 4
        disc(labels, 4, 39, 8, 4.5);
        labels[35 * W + 22] = 5;                    // single pixel: too small, no interior
        for (int x = 40; x < 56; x++) {
            labels[37 * W + x] = 6;                 // a line: no interior, not convex enough to be round
        }
        for (int y = 18; y < 34; y++) {             // a thick L: non-convex
            for (int x = 30; x < 36; x++) {
                labels[y * W + x] = 7;
            }
        }
        for (int y = 28; y < 34; y++) {
            for (int x = 36; x < 46; x++) {
                labels[y * W + x] = 7;
            }
        }
        Segmentation seg = LabelImages.segmentationOf(labels, W, H);
        float[] ones = new float[W * H];
        java.util.Arrays.fill(ones, 1f);
        ParticleMeasurement[] m = ParticleMeasurement.measureAll(seg, W, 10, 10, ones, ones,
                new ExclusionLimits(500, 1e9, 0.9, 0.7, true));
        assertEquals(7, m.length);
        // labels are renumbered in raster order; find each particle by a pixel
        assertEquals(Set.of(), flagsAt(seg, m, 10, 10));
        assertEquals(Set.of(ExclusionFlag.TOUCHES_BORDER), flagsAt(seg, m, 2, 30));
        assertEquals(Set.of(ExclusionFlag.TOUCHES_PARTICLE), flagsAt(seg, m, 30, 8));
        assertEquals(Set.of(ExclusionFlag.TOUCHES_PARTICLE), flagsAt(seg, m, 39, 8));
        assertEquals(Set.of(ExclusionFlag.TOO_SMALL, ExclusionFlag.NO_INTERIOR), flagsAt(seg, m, 22, 35));
        assertTrue(flagsAt(seg, m, 45, 37).contains(ExclusionFlag.NO_INTERIOR));
        assertEquals(Set.of(ExclusionFlag.NON_CONVEX), flagsAt(seg, m, 32, 20));
        for (ParticleMeasurement p : m) {
            assertTrue(Double.isFinite(p.circularity()) && Double.isFinite(p.solidity()) && p.radiusNm() > 0,
                    "finite measurements for particle " + p.label());
        }
        ParticleMeasurement big = m[seg.labels()[10 * W + 10] - 1];
        ParticleMeasurement[] capped = ParticleMeasurement.measureAll(seg, W, 10, 10, ones, ones,
                new ExclusionLimits(0, big.areaNm2() - 1, 0, 0, false));
        assertTrue(capped[big.label() - 1].flags().contains(ExclusionFlag.TOO_LARGE));
        assertEquals("touches_particle", m[seg.labels()[8 * W + 30] - 1].flagLabels());
    }

    private static Set<ExclusionFlag> flagsAt(Segmentation seg, ParticleMeasurement[] m, int x, int y) {
        return m[seg.labels()[y * W + x] - 1].flags();
    }

    @Test
    void emptyLabelImageAndBadLimitsGiveClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelImages.segmentationOf(new int[100], 10, 10));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ExclusionLimits(100, 50, 0, 0, true).validate());
        assertTrue(e.getMessage().contains("max-area-nm2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ExclusionLimits(0, 1e9, 1.5, 0, true).validate());
        assertTrue(e.getMessage().contains("min-solidity"), e.getMessage());
    }

    @Test
    void labelsFromOutsideAreRenumberedInRasterOrder() {
        int[] labels = {0, 7, 7, 0, 3, 0, 9, 0, 3};
        assertEquals(java.util.List.of(0, 1, 1, 0, 2, 0, 3, 0, 2),
                java.util.Arrays.stream(LabelImages.relabelInRasterOrder(labels)).boxed().toList());
    }
}
