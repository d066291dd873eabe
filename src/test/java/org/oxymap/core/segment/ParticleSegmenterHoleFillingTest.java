package org.oxymap.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Hole filling with the watershed split: a pore inside one particle is filled, the gap enclosed by three touching
 * particles is not, and the three stay three.
 */
class ParticleSegmenterHoleFillingTest {

    private static final int SIZE = 100;
    private static final double PX = 20.0;

    /** Thickness 100 nm inside the given discs (x, y, r in px), 0 elsewhere. */
    private static float[] discs(double[]... discs) {
        float[] t = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                for (double[] d : discs) {
                    if (Math.hypot(x - d[0], y - d[1]) <= d[2]) {
                        t[y * SIZE + x] = 100f;
                    }
                }
            }
        }
        return t;
    }

    private static Segmentation segment(float[] thickness) {
        return new ParticleSegmenter(ThresholdMethod.OTSU, 0, true, PX).segment(thickness, null, null, SIZE, SIZE,
                PX, PX);
    }

    @Test
    void poreInsideOneParticleIsFilledAndKeepsOneParticle() {
        float[] t = discs(new double[] {50, 50, 20});
        int pores = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (Math.hypot(x - 55, y - 47) <= 4) {
                    t[y * SIZE + x] = 0f;
                    pores++;
                }
            }
        }
        Segmentation s = segment(t);
        assertEquals(1, s.count());
        int labelled = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (Math.hypot(x - 55, y - 47) <= 4 && s.labels()[y * SIZE + x] == 1) {
                    labelled++;
                }
            }
        }
        assertEquals(pores, labelled, "pore pixels filled into the particle");
    }

    @Test
    void gapEnclosedByThreeTouchingParticlesStaysBackground() {
        double r = 15;
        double side = 2 * r - 1;
        double cx = 50;
        double cy = 50;
        double rc = side / Math.sqrt(3);
        float[] t = discs(new double[] {cx, cy - rc, r},
                new double[] {cx - side / 2, cy + rc / 2, r},
                new double[] {cx + side / 2, cy + rc / 2, r});
        int centre = (int) cy * SIZE + (int) cx;
        boolean[] mask = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            mask[i] = t[i] > 0;
        }
        assertTrue(!mask[centre] && HoleFiller.fill(mask, SIZE, SIZE)[centre], "the centre is an enclosed gap");
        Segmentation s = segment(t);
        assertEquals(3, s.count());
        assertEquals(0, s.labels()[centre], "the gap between the three particles is background");
    }
}
