package org.oxymap.core.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.stack.SpectralStack;

class RegionSpectrumTest {

    @Test
    void meanOverARectangleAndAMask() {
        int w = 4;
        int h = 3;
        float[] p0 = new float[w * h];
        float[] p1 = new float[w * h];
        for (int i = 0; i < w * h; i++) {
            p0[i] = i;
            p1[i] = 2 * i + 1;
        }
        SpectralStack s = SpectralStack.wrap(List.of(p0, p1), w, h, new double[] {640, 641}, 10);
        // rectangle x 1..2, y 1..2: pixels 5, 6, 9, 10 -> mean 7.5
        ReferenceSpectrum r = RegionSpectrum.mean(s, new PixelRectangle(1, 1, 2, 2), "std", 3);
        assertArrayEquals(new double[] {7.5, 16.0}, r.values(), 1e-12);
        assertArrayEquals(new double[] {640, 641}, r.energiesEv(), 0);
        boolean[] mask = new boolean[w * h];
        mask[0] = true;
        mask[11] = true;
        assertArrayEquals(new double[] {5.5, 12.0}, RegionSpectrum.mean(s, mask, "m", Double.NaN).values(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> RegionSpectrum.mean(s, new boolean[w * h], "x", 2));
        assertThrows(IllegalArgumentException.class,
                () -> RegionSpectrum.mean(s, new PixelRectangle(3, 0, 2, 1), "x", 2));
    }
}
