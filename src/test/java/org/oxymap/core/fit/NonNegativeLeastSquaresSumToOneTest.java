package org.oxymap.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

/** The exact equality-constrained (Σ x_j = 1 over the constrained columns) active-set solver and solveNormal. */
class NonNegativeLeastSquaresSumToOneTest {

    /** Noise-free b = A x with x ≥ 0, Σ x = 1 and a free background: recovered to 1e-10. */
    @Test
    void recoversSimplexCoefficientsExactly() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] cols = randomColumns(r, 4, 30);
        double[] truth = {0.2, 0.0, 0.7, 0.1};
        double[][] withBg = {cols[0], cols[1], cols[2], cols[3], ones(30)};
        double[] b = multiply(withBg, new double[] {0.2, 0.0, 0.7, 0.1, -0.05});
        double[] x = new double[5];
        new NonNegativeLeastSquares(withBg, new boolean[] {true, true, true, true, false}, true).solve(b, x);
        for (int k = 0; k < 4; k++) {
            assertEquals(truth[k], x[k], 1e-10, "x" + k);
        }
        assertEquals(-0.05, x[4], 1e-10);
    }

    /**
     * Random problems, some with free columns, whose unconstrained optimum violates the bounds: the solver's answer
     * is the best over all supports S (non-empty subsets of the constrained columns) of the equality-constrained
     * least squares on S ∪ free, keeping only supports with non-negative coefficients.
     */
    @Test
    void agreesWithBruteForceOverActiveSets() {
        SplittableRandom r = new SplittableRandom(42);
        int active = 0;
        for (int trial = 0; trial < 300; trial++) {
            int nRef = 2 + r.nextInt(4);
            int nFree = r.nextInt(3);
            int m = nRef + nFree + 3 + r.nextInt(20);
            double[][] refs = randomColumns(r, nRef, m);
            double[][] cols = new double[nRef + nFree][];
            boolean[] nonNegative = new boolean[nRef + nFree];
            for (int k = 0; k < nRef; k++) {
                cols[k] = refs[k];
                nonNegative[k] = true;
            }
            for (int k = 0; k < nFree; k++) {
                cols[nRef + k] = new double[m];
                for (int i = 0; i < m; i++) {
                    cols[nRef + k][i] = k == 0 ? 1.0 : i / (double) m;
                }
            }
            double[] b = new double[m];
            for (int i = 0; i < m; i++) {
                b[i] = r.nextGaussian();
            }
            double[] x = new double[cols.length];
            NonNegativeLeastSquares nnls = new NonNegativeLeastSquares(cols, nonNegative, true);
            double rss = nnls.solve(b, x);
            double[] best = bruteForce(cols, nonNegative, b);
            double bestRss = objective(cols, b, best);
            assertEquals(bestRss, rss, 1e-9 * Math.max(1, bestRss), "objective, trial " + trial);
            double sum = 0;
            for (int k = 0; k < cols.length; k++) {
                assertEquals(best[k], x[k], 1e-7, "x" + k + ", trial " + trial);
                if (nonNegative[k]) {
                    assertTrue(x[k] >= 0);
                    sum += x[k];
                    active += x[k] == 0 ? 1 : 0;
                }
            }
            assertEquals(1.0, sum, 1e-12, "sum, trial " + trial);
        }
        assertTrue(active > 100, "the random problems should hit the bounds often, hit " + active);
    }

    /** solveNormal from Aᵀb gives the same answer as solve from b, with and without sum-to-one. */
    @Test
    void solveNormalMatchesSolve() {
        SplittableRandom r = new SplittableRandom(3);
        for (boolean sumToOne : new boolean[] {false, true}) {
            for (int trial = 0; trial < 50; trial++) {
                double[][] cols = randomColumns(r, 4, 25);
                boolean[] nonNegative = {true, true, true, false};
                double[] b = new double[25];
                for (int i = 0; i < b.length; i++) {
                    b[i] = r.nextGaussian();
                }
                NonNegativeLeastSquares nnls = new NonNegativeLeastSquares(cols, nonNegative, sumToOne);
                double[] x1 = new double[4];
                double[] x2 = new double[4];
                nnls.solve(b, x1);
                double[] atb = new double[4];
                double btb = 0;
                for (int i = 0; i < b.length; i++) {
                    btb += b[i] * b[i];
                    for (int k = 0; k < 4; k++) {
                        atb[k] += cols[k][i] * b[i];
                    }
                }
                nnls.copy().solveNormal(atb, null, btb, x2);
                for (int k = 0; k < 4; k++) {
                    assertEquals(x1[k], x2[k], 1e-12);
                }
            }
        }
    }

    /** The equality-constrained covariance: diag(G⁻¹ − yyᵀ/(eᵀy)), checked on a 2-column problem by hand. */
    @Test
    void sumToOneCovarianceOfTwoColumns() {
        // G = I: then y = (1,1), eᵀy = 2, C = I − [[.5,.5],[.5,.5]] → diag = 0.5 each
        double[] d = NonNegativeLeastSquares.covarianceDiagonal(new double[][] {{1, 0}, {0, 1}},
                new boolean[] {true, true});
        assertEquals(0.5, d[0], 1e-15);
        assertEquals(0.5, d[1], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new NonNegativeLeastSquares(new double[][] {{1, 2, 3}},
                new boolean[] {false}, true));
    }

    /** Best feasible equality-constrained least-squares fit over all non-empty supports (KKT system by LU). */
    static double[] bruteForce(double[][] cols, boolean[] nonNegative, double[] b) {
        int n = cols.length;
        int[] constrained = IntStream.range(0, n).filter(j -> nonNegative[j]).toArray();
        double bestObj = Double.POSITIVE_INFINITY;
        double[] best = null;
        for (int mask = 1; mask < (1 << constrained.length); mask++) {
            boolean[] use = new boolean[n];
            for (int j = 0; j < n; j++) {
                use[j] = !nonNegative[j];
            }
            for (int t = 0; t < constrained.length; t++) {
                if ((mask & (1 << t)) != 0) {
                    use[constrained[t]] = true;
                }
            }
            int[] idx = IntStream.range(0, n).filter(j -> use[j]).toArray();
            int p = idx.length;
            double[][] kkt = new double[p + 1][p + 1];
            double[] rhs = new double[p + 1];
            for (int a = 0; a < p; a++) {
                for (int c = 0; c < p; c++) {
                    kkt[a][c] = dot(cols[idx[a]], cols[idx[c]]);
                }
                double e = nonNegative[idx[a]] ? 1 : 0;
                kkt[a][p] = e;
                kkt[p][a] = e;
                rhs[a] = dot(cols[idx[a]], b);
            }
            rhs[p] = 1;
            double[] sol = new LUDecomposition(new Array2DRowRealMatrix(kkt)).getSolver()
                    .solve(new ArrayRealVector(rhs)).toArray();
            double[] x = new double[n];
            boolean feasible = true;
            for (int a = 0; a < p; a++) {
                x[idx[a]] = sol[a];
                feasible &= !nonNegative[idx[a]] || sol[a] >= 0;
            }
            if (!feasible) {
                continue;
            }
            double obj = objective(cols, b, x);
            if (obj < bestObj) {
                bestObj = obj;
                best = x;
            }
        }
        return best;
    }

    static double[][] randomColumns(SplittableRandom r, int count, int m) {
        double[][] c = new double[count][m];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < m; i++) {
                c[k][i] = r.nextDouble();
            }
        }
        return c;
    }

    static double[] ones(int m) {
        double[] o = new double[m];
        java.util.Arrays.fill(o, 1.0);
        return o;
    }

    static double[] multiply(double[][] cols, double[] x) {
        double[] b = new double[cols[0].length];
        for (int j = 0; j < cols.length; j++) {
            for (int i = 0; i < b.length; i++) {
                b[i] += cols[j][i] * x[j];
            }
        }
        return b;
    }

    static double objective(double[][] cols, double[] b, double[] x) {
        double[] ax = multiply(cols, x);
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            s += (ax[i] - b[i]) * (ax[i] - b[i]);
        }
        return s;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
