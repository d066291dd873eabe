package org.oxymap.core.stoichiometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RegionValenceTest {

    @Test
    void thicknessWeightedMeanAndSe() {
        // Inside the mask: valence 3 (weight 1) and 4 (weight 3); the 2.0 pixel is outside, the 9.0 one has zero
        // thickness. mean = (3 + 12)/4 = 3.75; variance = (1·0.75² + 3·0.25²)/4 = 0.1875; n_eff = 4²/(1 + 9) = 1.6;
        // SE = sqrt(0.1875)/sqrt(1.6) = 0.34232659844...
        float[] v = {3, 4, 2, 9};
        float[] mask = {1, 1, 0, 1};
        float[] t = {1, 3, 5, 0};
        RegionValence.Mean m = RegionValence.measure(v, mask, t);
        assertEquals(3.75, m.meanValence(), 1e-12);
        assertEquals(Math.sqrt(0.1875 / 1.6), m.se(), 1e-12);
        assertEquals(2, m.nPixels());
        assertEquals(1.6, m.nEffective(), 1e-12);
    }

    @Test
    void equalWeightsWithoutThickness() {
        // 3, 3.5, 4: mean 3.5, population variance 1/6, n_eff 3: SE = sqrt(1/18)
        RegionValence.Mean m = RegionValence.measure(new float[] {3, 3.5f, 4}, new float[] {1, 1, 1}, null);
        assertEquals(3.5, m.meanValence(), 1e-12);
        assertEquals(Math.sqrt(1.0 / 18), m.se(), 1e-7);
    }

    @Test
    void emptyRegionAndSizeMismatchAreErrors() {
        assertThrows(IllegalArgumentException.class,
                () -> RegionValence.measure(new float[] {3}, new float[] {0}, null));
        assertThrows(IllegalArgumentException.class,
                () -> RegionValence.measure(new float[] {3, 4}, new float[] {1}, null));
        assertThrows(IllegalArgumentException.class,
                () -> RegionValence.measure(new float[] {Float.NaN}, new float[] {1}, null));
    }
}
