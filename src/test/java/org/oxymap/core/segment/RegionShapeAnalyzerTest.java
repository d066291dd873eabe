package org.oxymap.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionShapeAnalyzerTest {

    @Test
    void digitalDiscsOfSixPixelsAndMoreHaveCircularityNearOneAndSolidityOne() {
        for (double r = 6; r <= 40; r += 3) {
            int size = (int) (2 * r + 6);
            int[] labels = new int[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (Math.hypot(x - size / 2.0, y - size / 2.0) <= r) {
                        labels[y * size + x] = 1;
                    }
                }
            }
            RegionShape s = RegionShapeAnalyzer.analyze(labels, 1, size, size, 10, 10)[0];
            assertEquals(1.0, s.circularity(10, 10), r < 15 ? 0.1 : 0.05, "circularity of a disc of radius " + r + " px");
            assertEquals(1.0, s.solidity(), 0.0, "a digital disc is digitally convex, radius " + r);
            assertEquals(2 * Math.PI * r * 10, s.perimeterNm(), 0.06 * 2 * Math.PI * r * 10, "perimeter");
            assertTrue(s.hasInterior());
        }
    }

    /** An ellipse drawn on 5 × 10 nm pixels: the same physical disc measures like a disc. */
    @Test
    void anisotropicPixelsMeasureThePhysicalShape() {
        int w = 100;
        int h = 50;
        int[] labels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (Math.hypot((x - 50) * 5.0, (y - 25) * 10.0) <= 200) {
                    labels[y * w + x] = 1;
                }
            }
        }
        RegionShape s = RegionShapeAnalyzer.analyze(labels, 1, w, h, 5, 10)[0];
        assertEquals(2 * Math.PI * 200, s.perimeterNm(), 0.05 * 2 * Math.PI * 200);
        assertEquals(1.0, s.circularity(5, 10), 0.08);
    }

    @Test
    void squareAndLShapeHaveKnownValues() {
        int[] square = new int[20 * 20];
        for (int y = 5; y < 15; y++) {
            for (int x = 5; x < 15; x++) {
                square[y * 20 + x] = 1;
            }
        }
        RegionShape s = RegionShapeAnalyzer.analyze(square, 1, 20, 20, 1, 1)[0];
        // four-direction Crofton on a 10-pixel square: (π/8)(4s + 2√2(2s − 1)), 8% below the edge length 40
        assertEquals(Math.PI / 8 * (40 + 2 * Math.sqrt(2) * 19), s.perimeterNm(), 1e-12);
        assertEquals(1.0, s.solidity(), 0.0);
        // L of 5 pixels: column x=0 (y=0..2) and row y=2 (x=1..2); hull of centres is a triangle holding 6 points
        int[] l = {
            1, 0, 0,
            1, 0, 0,
            1, 1, 1};
        RegionShape ls = RegionShapeAnalyzer.analyze(l, 1, 3, 3, 1, 1)[0];
        assertEquals(5, ls.pixels());
        assertEquals(6, ls.convexPixels());
        assertEquals(5.0 / 6.0, ls.solidity(), 1e-15);
        assertFalse(ls.hasInterior(), "every pixel of a one-pixel-wide L is on its boundary");
    }

    @Test
    void singlePixelTouchingRegionsAndEmptyLabels() {
        int[] labels = {
            1, 2, 0, 0,
            0, 0, 0, 0,
            0, 0, 0, 3};
        RegionShape[] s = RegionShapeAnalyzer.analyze(labels, 4, 4, 3, 10, 10);
        assertTrue(s[0].touchesOther() && s[1].touchesOther());
        assertFalse(s[2].touchesOther());
        assertEquals(1, s[2].pixels());
        assertEquals(1.0, s[2].solidity(), 0.0);
        assertTrue(Double.isFinite(s[2].circularity(10, 10)) && s[2].perimeterNm() > 0, "single pixel has a perimeter");
        assertFalse(s[2].hasInterior());
        assertEquals(0, s[3].pixels(), "label 4 has no pixel");
    }
}
