package org.oxymap.core.align;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Fourier shift against the analytic scene and against exact whole-pixel translation. */
class FourierShifterTest {

    private static final int W = SyntheticScene.WIDTH;
    private static final int H = SyntheticScene.HEIGHT;

    @Test
    void subPixelShiftMatchesTheSceneDrawnThere() {
        float[] plane = SyntheticScene.emission(0, 0);
        float[] shifted = FourierShifter.shift(plane, W, H, 0.37, -0.61);
        float[] expected = SyntheticScene.emission(-0.37, 0.61);
        double worst = 0;
        for (int y = 6; y < H - 6; y++) {
            for (int x = 6; x < W - 6; x++) {
                worst = Math.max(worst, Math.abs(shifted[y * W + x] - expected[y * W + x]));
            }
        }
        assertTrue(worst < 1.0, "largest error " + worst + " of peaks ~700");
    }

    @Test
    void wholePixelShiftIsATranslationAwayFromTheEdges() {
        float[] plane = SyntheticScene.emission(0, 0);
        float[] shifted = FourierShifter.shift(plane, W, H, 3, -2);
        double worst = 0;
        for (int y = 10; y < H - 10; y++) {
            for (int x = 10; x < W - 10; x++) {
                worst = Math.max(worst, Math.abs(shifted[y * W + x] - plane[(y - 2) * W + x + 3]));
            }
        }
        assertTrue(worst < 1e-2, "largest error " + worst);
    }
}
