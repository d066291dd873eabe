package org.oxymap.core.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.oxymap.core.align.SeparableKernelShifter.Kernel;

/** The fixed-weight separable shifter against the analytic scene, exact translations and its band-wise form. */
class SeparableKernelShifterTest {

    private static final int W = SyntheticScene.WIDTH;
    private static final int H = SyntheticScene.HEIGHT;

    @Test
    void weightsSumToOneAndAreAUnitImpulseAtWholePixels() {
        for (Kernel k : Kernel.values()) {
            for (double t : new double[] {0, 0.25, 0.5, 0.9}) {
                float[] w = SeparableKernelShifter.weights(k, t);
                assertEquals(2 * k.radius(), w.length);
                double sum = 0;
                for (float v : w) {
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-6, k + " at " + t);
            }
            float[] w = SeparableKernelShifter.weights(k, 0);
            for (int i = 0; i < w.length; i++) {
                assertEquals(i == k.radius() - 1 ? 1f : 0f, w[i], 1e-7f, k + " tap " + i);
            }
        }
        // the symmetric half-pixel case: Lanczos-4 weights are sinc(x)sinc(x/4) at ±0.5, ±1.5, ±2.5, ±3.5
        float[] half = SeparableKernelShifter.weights(Kernel.LANCZOS4, 0.5);
        double raw = 4 * Math.sin(Math.PI * 0.5) * Math.sin(Math.PI * 0.5 / 4) / (Math.PI * 0.5 * Math.PI * 0.5);
        double sum = 0;
        for (double x : new double[] {0.5, 1.5, 2.5, 3.5}) {
            sum += 2 * 4 * Math.sin(Math.PI * x) * Math.sin(Math.PI * x / 4) / (Math.PI * x * Math.PI * x);
        }
        assertEquals(raw / sum, half[3], 1e-6);
        assertEquals(half[3], half[4], 1e-7);
    }

    @Test
    void subPixelShiftMatchesTheSceneDrawnThere() {
        float[] plane = SyntheticScene.emission(0, 0);
        float[] expected = SyntheticScene.emission(-0.37, 0.61);
        double lanczos = interiorError(SeparableKernelShifter.shift(plane, W, H, 0.37, -0.61, Kernel.LANCZOS4,
                false), expected, 6);
        double keys = interiorError(SeparableKernelShifter.shift(plane, W, H, 0.37, -0.61, Kernel.KEYS_CUBIC,
                false), expected, 6);
        double lanczos6 = interiorError(SeparableKernelShifter.shift(plane, W, H, 0.37, -0.61, Kernel.LANCZOS6,
                false), expected, 8);
        // in ln(counts) the transmission scene (exp of the objects) is what is interpolated smoothly
        float[] t = SyntheticScene.transmission(0, 0);
        double inLog = interiorError(SeparableKernelShifter.shift(t, W, H, 0.37, -0.61, Kernel.LANCZOS4, true),
                SyntheticScene.transmission(-0.37, 0.61), 6);
        System.out.printf("separable shift, largest interior error: lanczos4 %.3f, lanczos6 %.3f, keys %.3f (peaks "
                + "~700); lanczos4 in ln(counts) %.3f (of 2000)%n", lanczos, lanczos6, keys, inLog);
        assertTrue(lanczos6 < lanczos, "the 12-tap kernel is closer to the band-limited shift than the 8-tap one");
        assertTrue(lanczos < 2.0, "lanczos4: largest error " + lanczos);
        assertTrue(keys < 15.0, "keys: largest error " + keys);
        assertTrue(lanczos < keys / 1.5, "the 8-tap kernel is closer to the band-limited shift than the 4-tap one");
        assertTrue(inLog < 3.0, "lanczos4 in ln(counts): largest error " + inLog);
    }

    @Test
    void wholePixelShiftIsAnExactTranslationAwayFromTheEdges() {
        float[] plane = SyntheticScene.transmission(0, 0);
        for (boolean inLog : new boolean[] {false, true}) {
            float[] shifted = SeparableKernelShifter.shift(plane, W, H, 3, -2, Kernel.LANCZOS4, inLog);
            for (int y = 2; y < H; y++) {
                for (int x = 0; x < W - 3; x++) {
                    float want = plane[(y - 2) * W + x + 3];
                    // in ln(counts): the float logarithm's rounding, a few ulp of the count, and no more
                    assertEquals(want, shifted[y * W + x], inLog ? 1e-6f * want : 0f, "x=" + x + " y=" + y);
                }
            }
        }
    }

    @Test
    void uniformPlaneStaysUniform() {
        float[] plane = new float[W * H];
        Arrays.fill(plane, 1234.5f);
        float[] shifted = SeparableKernelShifter.shift(plane, W, H, -1.3, 2.71, Kernel.LANCZOS4, true);
        for (float v : shifted) {
            assertEquals(1234.5f, v, 1e-3f);
        }
    }

    @Test
    void bandsGiveTheWholePlaneResultBitForBit() {
        float[] plane = SyntheticScene.transmission(0, 0);
        double dx = 1.37;
        double dy = -2.61;
        float[] whole = SeparableKernelShifter.shift(plane, W, H, dx, dy, Kernel.LANCZOS4, true);
        for (int y0 = 0; y0 < H; y0 += 17) {
            int rows = Math.min(17, H - y0);
            int[] src = SeparableKernelShifter.sourceRows(y0, y0 + rows, H, dy, Kernel.LANCZOS4);
            float[] band = Arrays.copyOfRange(plane, src[0] * W, src[1] * W);
            float[] part = SeparableKernelShifter.shiftRows(band, src[0], W, H, y0, rows, dx, dy, Kernel.LANCZOS4,
                    true);
            assertArrayEquals(Arrays.copyOfRange(whole, y0 * W, (y0 + rows) * W), part, "rows from " + y0);
            float[] tooShort = Arrays.copyOfRange(plane, (src[0] + 1) * W, src[1] * W);
            int first = src[0] + 1;
            int from = y0;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeparableKernelShifter
                    .shiftRows(tooShort, first, W, H, from, rows, dx, dy, Kernel.LANCZOS4, true));
            assertTrue(e.getMessage().contains("outside the band"), e.getMessage());
        }
    }

    /**
     * Log-space resampling only where the whole plane is positive: a zero count anywhere, in a row the shift reads or
     * in one it does not (with dy = 9.4 the first rows are never read), sends the plane to counts.
     */
    @Test
    void logSpaceOnlyWhenThePlaneIsPositiveEverywhere() {
        float[] plane = SyntheticScene.transmission(0, 0);
        double dx = 0.45;
        double dy = 9.4;
        assertArrayEquals(SeparableKernelShifter.shift(plane, W, H, dx, dy, Kernel.LANCZOS6, true),
                SeparableKernelShifter.shiftInLogWherePositive(plane, W, H, dx, dy, Kernel.LANCZOS6));
        int[] read = SeparableKernelShifter.sourceRows(0, H, H, dy, Kernel.LANCZOS6);
        assertTrue(read[0] > 0, "the test needs rows the shift does not read");
        for (int row : new int[] {0, read[0], H / 2, H - 1}) {
            float[] holed = plane.clone();
            holed[row * W + W / 3] = 0f;
            float[] expected = SeparableKernelShifter.shift(holed, W, H, dx, dy, Kernel.LANCZOS6, false);
            assertArrayEquals(expected, SeparableKernelShifter.shiftInLogWherePositive(holed, W, H, dx, dy,
                    Kernel.LANCZOS6), "zero in row " + row);
        }
        float[] negative = plane.clone();
        negative[H / 2 * W] = -1f;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeparableKernelShifter
                .shift(negative, W, H, dx, dy, Kernel.LANCZOS6, true));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }

    @Test
    void badInputIsRefused() {
        float[] plane = new float[W * H];
        assertThrows(IllegalArgumentException.class, () -> SeparableKernelShifter.shift(plane, W, H + 1, 0, 0,
                Kernel.LANCZOS4, false));
        assertThrows(IllegalArgumentException.class, () -> SeparableKernelShifter.shift(plane, W, H, Double.NaN, 0,
                Kernel.LANCZOS4, false));
    }

    private static double interiorError(float[] got, float[] expected, int margin) {
        double worst = 0;
        for (int y = margin; y < H - margin; y++) {
            for (int x = margin; x < W - margin; x++) {
                worst = Math.max(worst, Math.abs(got[y * W + x] - expected[y * W + x]));
            }
        }
        return worst;
    }
}
