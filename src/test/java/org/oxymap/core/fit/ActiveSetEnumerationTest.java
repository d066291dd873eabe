package org.oxymap.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Enumerating supports gives the Lawson–Hanson answer (itself checked against brute force elsewhere). */
class ActiveSetEnumerationTest {

    @Test
    void agreesWithLawsonHansonOnRandomProblems() {
        SplittableRandom r = new SplittableRandom(17);
        int bound = 0;
        for (boolean sumToOne : new boolean[] {false, true}) {
            for (int trial = 0; trial < 400; trial++) {
                int nRef = 1 + r.nextInt(5);
                int nFree = r.nextInt(3);
                int n = nRef + nFree;
                int m = n + 2 + r.nextInt(30);
                double[][] cols = NonNegativeLeastSquaresSumToOneTest.randomColumns(r, n, m);
                boolean[] nonNegative = new boolean[n];
                for (int k = 0; k < nRef; k++) {
                    nonNegative[k] = true;
                }
                double[] b = new double[m];
                double bb = 0;
                for (int i = 0; i < m; i++) {
                    b[i] = r.nextGaussian() + (r.nextBoolean() ? 1 : 0);
                    bb += b[i] * b[i];
                }
                NonNegativeLeastSquares nnls = new NonNegativeLeastSquares(cols, nonNegative, sumToOne);
                double[] expected = new double[n];
                nnls.solve(b, expected);
                double[] c = new double[n];
                for (int k = 0; k < n; k++) {
                    c[k] = NonNegativeLeastSquaresSumToOneTest.dot(cols[k], b);
                }
                double[] x = new double[n];
                assertTrue(new ActiveSetEnumeration(nnls.gram(), nonNegative, sumToOne).solve(c, Math.sqrt(bb), x,
                        new double[n]), "trial " + trial);
                for (int k = 0; k < n; k++) {
                    assertEquals(expected[k], x[k], 1e-8 * (1 + Math.abs(expected[k])), "x" + k + " trial " + trial);
                    bound += nonNegative[k] && x[k] == 0 ? 1 : 0;
                }
            }
        }
        assertTrue(bound > 200, "bounds hit " + bound);
    }
}
