package org.oxymap.core.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The row–column FFT against the analytic transform of a plane wave, and its inverse. */
class RowColumnFftTest {

    @Test
    void planeWaveTransformsToOneFrequencyAndBack() {
        for (int[] size : new int[][] {{16, 16}, {12, 20}, {9, 6}}) {
            int h = size[0];
            int w = size[1];
            int kx = 3;
            int ky = 2;
            double[] a = new double[2 * w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double phase = 2 * Math.PI * (kx * x / (double) w + ky * y / (double) h);
                    a[2 * (y * w + x)] = Math.cos(phase);
                    a[2 * (y * w + x) + 1] = Math.sin(phase);
                }
            }
            double[] original = a.clone();
            RowColumnFft fft = new RowColumnFft(h, w);
            fft.complexForward(a);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double expected = x == kx && y == ky ? w * h : 0;
                    assertEquals(expected, a[2 * (y * w + x)], 1e-9, h + "x" + w + " re at " + x + "," + y);
                    assertEquals(0, a[2 * (y * w + x) + 1], 1e-9, h + "x" + w + " im at " + x + "," + y);
                }
            }
            fft.complexInverse(a, true);
            for (int i = 0; i < a.length; i++) {
                assertEquals(original[i], a[i], 1e-12, h + "x" + w + " round trip at " + i);
            }
        }
    }
}
