package org.oxymap.core.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CalibrationLineTest {

    @Test
    void exactLineHasZeroErrors() {
        double[] v = {2, 8.0 / 3, 3, 4};
        double[] e = new double[4];
        for (int i = 0; i < 4; i++) {
            e[i] = 6536 + 4 * v[i];
        }
        CalibrationLine c = CalibrationLine.fit(v, e, null);
        assertEquals(4.0, c.slopeEvPerValence(), 1e-9);
        assertEquals(6536.0, c.interceptEv(), 1e-7);
        assertEquals(0.0, c.slopeSeEvPerValence(), 1e-6);
        assertEquals(3.5, c.valence(6550), 1e-9);
    }

    @Test
    void weightedFitMatchesTheTextbookFormulas() {
        // Three points, sigma given: cov = (X^T W X)^-1 exactly.
        double[] v = {2, 3, 4};
        double[] e = {6544.0, 6549.0, 6552.0};
        double[] s = {0.1, 0.2, 0.1};
        CalibrationLine c = CalibrationLine.fit(v, e, s);
        double[] w = {100, 25, 100};
        double sw = 225;
        double swx = 200 + 75 + 400;
        double swxx = 400 + 225 + 1600;
        double swy = 100 * 6544 + 25 * 6549 + 100 * 6552;
        double swxy = 100 * 2 * 6544 + 25 * 3 * 6549 + 100 * 4 * 6552;
        double det = sw * swxx - swx * swx;
        assertEquals((sw * swxy - swx * swy) / det, c.slopeEvPerValence(), 1e-9);
        assertEquals((swxx * swy - swx * swxy) / det, c.interceptEv(), 1e-6);
        assertEquals(Math.sqrt(sw / det), c.slopeSeEvPerValence(), 1e-12);
        assertEquals(Math.sqrt(swxx / det), c.interceptSeEv(), 1e-10);
        assertEquals(-swx / det, c.covarianceEv2(), 1e-12);
        assertEquals(w.length, c.standards());
    }

    @Test
    void unweightedErrorsScaleWithTheScatter() {
        double[] v = {1, 2, 3, 4};
        double[] e = {10.1, 11.9, 14.1, 15.9};
        CalibrationLine c = CalibrationLine.fit(v, e, null);
        // slope and residual scatter by hand
        double b = 9.8 / 5.0; // Sxy / Sxx about the means (2.5, 13.0)
        double a = 13.0 - b * 2.5;
        double rss = 0;
        for (int i = 0; i < 4; i++) {
            rss += Math.pow(e[i] - a - b * v[i], 2);
        }
        assertEquals(b, c.slopeEvPerValence(), 1e-12);
        assertEquals(Math.sqrt(rss / 2 / 5.0), c.slopeSeEvPerValence(), 1e-12);
    }

    @Test
    void tooFewStandardsOrOneValenceAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> CalibrationLine.fit(new double[] {2, 3},
                new double[] {1, 2}, null));
        assertThrows(IllegalArgumentException.class, () -> CalibrationLine.fit(new double[] {3, 3, 3},
                new double[] {1, 2, 3}, null));
        assertThrows(IllegalArgumentException.class, () -> CalibrationLine.fit(new double[] {2, 3},
                new double[] {1, 2}, new double[] {0.1, 0}));
    }
}
