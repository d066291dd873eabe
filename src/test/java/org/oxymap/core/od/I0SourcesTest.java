package org.oxymap.core.od;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.stack.SpectralStack;

/** I0 from a rectangle or mask, ring-current and dwell normalisation, and the errors for I0 ≤ 0. */
class I0SourcesTest {

    /** 4 × 3 image: the left two columns empty (I0), the right two absorbing (OD 1). */
    private static SpectralStack stack(double i0a, double i0b) {
        float[][] p = new float[2][12];
        double[] i0 = {i0a, i0b};
        for (int k = 0; k < 2; k++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    p[k][y * 4 + x] = (float) (x < 2 ? i0[k] : i0[k] * Math.exp(-1));
                }
            }
        }
        return SpectralStack.wrap(List.of(p[0], p[1]), 4, 3, new double[] {640, 641.5}, 10);
    }

    @Test
    void rectangleGivesI0AndOdIsOneUnderTheSample() {
        SpectralStack s = stack(1000, 800);
        EmptyRegionI0Estimator.Result r = RegionI0Estimator.fromRectangle(s, new PixelRectangle(0, 0, 2, 3));
        assertArrayEquals(new double[] {1000, 800}, r.i0(), 1e-3);
        assertEquals(6, r.pixelCount());
        OpticalDensityConverter.Result od = new OpticalDensityConverter().convert(s, r.i0());
        assertEquals(1.0, od.od().plane(1)[3], 1e-6);
        assertEquals(0.0, od.od().plane(0)[0], 1e-6);
    }

    @Test
    void zeroOrNegativeI0NamesTheEnergy() {
        SpectralStack s = stack(1000, 800);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OpticalDensityConverter().convert(s, new double[] {1000, 0}));
        assertTrue(e.getMessage().contains("641.5 eV") && e.getMessage().contains("positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new OpticalDensityConverter().convert(s, new double[] {-5, 800}));
        assertTrue(e.getMessage().contains("640.0 eV"), e.getMessage());
        SpectralStack dark = stack(1000, 0);
        e = assertThrows(IllegalArgumentException.class,
                () -> RegionI0Estimator.fromRectangle(dark, new PixelRectangle(0, 0, 2, 3)));
        assertTrue(e.getMessage().contains("641.5 eV"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RegionI0Estimator.fromRectangle(s, new PixelRectangle(3, 0, 2, 3)));
        assertTrue(e.getMessage().contains("i0-roi"), e.getMessage());
    }

    @Test
    void ringCurrentAndDwellNormalisation() {
        SpectralStack s = stack(1000, 1000);
        // the second image was taken at half the ring current: its counts are doubled relative to the mean (375 mA)
        SpectralStack n = BeamNormaliser.toMeanRingCurrent(s, new double[] {500, 250});
        assertEquals(750, n.plane(0)[0], 1e-3);
        assertEquals(1500, n.plane(1)[0], 1e-3);
        assertArrayEquals(new double[] {50, 100}, BeamNormaliser.i0ForDwell(new double[] {100, 200}, 2, 1), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BeamNormaliser.toMeanRingCurrent(s, new double[] {500, 0}));
        assertTrue(e.getMessage().contains("641.5 eV"), e.getMessage());
    }
}
