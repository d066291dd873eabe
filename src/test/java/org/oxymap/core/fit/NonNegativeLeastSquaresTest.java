package org.oxymap.core.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class NonNegativeLeastSquaresTest {

    /** Three overlapping Gaussian "reference spectra" on 120 energies, plus a constant column. */
    private static double[][] spectraLikeColumns() {
        int m = 120;
        double[][] cols = new double[4][m];
        for (int i = 0; i < m; i++) {
            double e = i / (double) m;
            cols[0][i] = Math.exp(-Math.pow((e - 0.3) / 0.08, 2));
            cols[1][i] = Math.exp(-Math.pow((e - 0.5) / 0.10, 2));
            cols[2][i] = Math.exp(-Math.pow((e - 0.65) / 0.07, 2)) + 0.3 * e;
            cols[3][i] = 1.0;
        }
        return cols;
    }

    @Test
    void recoversPositiveCoefficientsFromNoiseFreeData() {
        double[][] cols = spectraLikeColumns();
        double[] xTrue = {0.7, 1.3, 0.25, 0.05};
        double[] b = multiply(cols, xTrue);
        NonNegativeLeastSquares nnls = new NonNegativeLeastSquares(cols, new boolean[] {true, true, true, true});
        double[] x = new double[4];
        double rss = nnls.solve(b, x);
        assertArrayEquals(xTrue, x, 1e-10);
        assertEquals(0.0, rss, 1e-20);
    }

    /**
     * A = [a1 a2 a3] with a1 = (1,0,0), a2 = (1,1,0), a3 = (0,0,1), b = (1,−1,2).
     * Unconstrained: x3 = 2 (a3 is orthogonal to the rest), x1 + x2 = 1, x2 = −1, so x = (2, −1, 2).
     * With x ≥ 0: x3 = 2 still; x2 = 0 gives min (x1 − 1)² + 1 → x1 = 1, RSS = 1; x1 = 0 gives
     * min (x2 − 1)² + (x2 + 1)² → x2 = 0, RSS = 2. Hence x = (1, 0, 2), RSS = 1, with gradient
     * Aᵀ(b − A x) = Aᵀ(0, −1, 0) = (0, −1, 0): zero on the passive set, negative on the active x2.
     */
    @Test
    void handExampleWithNegativeUnconstrainedCoefficient() {
        double[][] cols = {{1, 0, 0}, {1, 1, 0}, {0, 0, 1}};
        double[] b = {1, -1, 2};
        NonNegativeLeastSquares nnls = new NonNegativeLeastSquares(cols, new boolean[] {true, true, true});
        double[] x = new double[3];
        double rss = nnls.solve(b, x);
        assertArrayEquals(new double[] {1, 0, 2}, x, 1e-14);
        assertEquals(1.0, rss, 1e-14);
        assertKkt(cols, new boolean[] {true, true, true}, b, x);
        BruteForce best = bruteForce(cols, new boolean[] {true, true, true}, b);
        assertEquals(best.objective, rss, 1e-14);
        assertArrayEquals(best.x, x, 1e-14);
    }

    @Test
    void freeBackgroundMayBeNegative() {
        double[][] all = spectraLikeColumns();
        double[][] cols = {all[0], all[1], all[3]};
        double[] b = multiply(cols, new double[] {2.0, 0.4, -0.5});
        double[] x = new double[3];
        NonNegativeLeastSquares free = new NonNegativeLeastSquares(cols, new boolean[] {true, true, false});
        assertEquals(0.0, free.solve(b, x), 1e-20);
        assertArrayEquals(new double[] {2.0, 0.4, -0.5}, x, 1e-10);

        NonNegativeLeastSquares constrained = new NonNegativeLeastSquares(cols, new boolean[] {true, true, true});
        double rss = constrained.solve(b, x);
        assertEquals(0.0, x[2], 0.0);
        assertTrue(rss > 1.0);
        assertKkt(cols, new boolean[] {true, true, true}, b, x);
    }

    @Test
    void agreesWithBruteForceOnRandomProblems() {
        Random random = new Random(20240611L);
        for (int trial = 0; trial < 200; trial++) {
            int constrained = 1 + random.nextInt(5);
            int free = random.nextInt(3);
            int n = constrained + free;
            int m = n + 3 + random.nextInt(30);
            double[][] cols = new double[n][m];
            boolean[] nonNegative = new boolean[n];
            for (int j = 0; j < n; j++) {
                nonNegative[j] = j < constrained;
                for (int i = 0; i < m; i++) {
                    cols[j][i] = random.nextGaussian();
                }
            }
            double[] xTrue = new double[n];
            for (int j = 0; j < n; j++) {
                xTrue[j] = random.nextGaussian();
            }
            double[] b = multiply(cols, xTrue);
            for (int i = 0; i < m; i++) {
                b[i] += 0.5 * random.nextGaussian();
            }
            NonNegativeLeastSquares nnls = new NonNegativeLeastSquares(cols, nonNegative);
            double[] x = new double[n];
            double rss = nnls.solve(b, x);
            BruteForce best = bruteForce(cols, nonNegative, b);
            assertEquals(best.objective, rss, 1e-9 * Math.max(1.0, best.objective), "trial " + trial);
            assertArrayEquals(best.x, x, 1e-8, "trial " + trial);
            for (int j = 0; j < constrained; j++) {
                assertTrue(x[j] >= 0.0, "trial " + trial + " x[" + j + "] = " + x[j]);
            }
            assertKkt(cols, nonNegative, b, x);
        }
    }

    @Test
    void copySharesMatricesButNotWorkspace() {
        double[][] cols = spectraLikeColumns();
        boolean[] nonNegative = {true, true, true, false};
        NonNegativeLeastSquares first = new NonNegativeLeastSquares(cols, nonNegative);
        NonNegativeLeastSquares second = first.copy();
        double[] b1 = multiply(cols, new double[] {1.0, -0.5, 0.3, 0.2});
        double[] b2 = multiply(cols, new double[] {0.2, 0.8, 0.0, -0.1});
        double[] xa = new double[4];
        double[] xb = new double[4];
        double rss1 = first.solve(b1, xa);
        second.solve(b2, xb);
        double[] xc = new double[4];
        assertEquals(rss1, second.solve(b1, xc), 0.0);
        assertArrayEquals(xa, xc, 0.0);
        assertArrayEquals(new double[] {0.2, 0.8, 0.0, -0.1}, xb, 1e-10);
    }

    @Test
    void varianceFactorsAreDiagonalOfInverseGram() {
        double[][] cols = spectraLikeColumns();
        RealMatrix a = new Array2DRowRealMatrix(cols).transpose();
        RealMatrix inverse = new LUDecomposition(a.transpose().multiply(a)).getSolver().getInverse();
        double[] factors = new NonNegativeLeastSquares(cols, new boolean[] {true, true, true, false}).unconstrainedVarianceFactors();
        for (int j = 0; j < cols.length; j++) {
            assertEquals(inverse.getEntry(j, j), factors[j], 1e-9 * inverse.getEntry(j, j));
        }
    }

    @Test
    void rejectsRankDeficientColumns() {
        double[][] cols = spectraLikeColumns();
        double[] sum = new double[cols[0].length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = cols[0][i] + 2 * cols[1][i];
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NonNegativeLeastSquares(new double[][] {cols[0], cols[1], sum}, new boolean[3]));
        assertTrue(e.getMessage().contains("column 2"), e.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new NonNegativeLeastSquares(new double[][] {cols[0], new double[cols[0].length]}, new boolean[2]));
        assertTrue(zero.getMessage().contains("column 1"), zero.getMessage());
    }

    @Test
    void rejectsBadInput() {
        double[][] cols = spectraLikeColumns();
        assertThrows(IllegalArgumentException.class, () -> new NonNegativeLeastSquares(cols, new boolean[3]));
        assertThrows(IllegalArgumentException.class, () -> new NonNegativeLeastSquares(new double[][] {{1, 2}, {1, 2, 3}}, new boolean[2]));
        assertThrows(IllegalArgumentException.class, () -> new NonNegativeLeastSquares(new double[][] {{1, Double.NaN}}, new boolean[1]));
        NonNegativeLeastSquares nnls = new NonNegativeLeastSquares(cols, new boolean[4]);
        assertThrows(IllegalArgumentException.class, () -> nnls.solve(new double[5], new double[4]));
        assertThrows(IllegalArgumentException.class, () -> nnls.solve(new double[120], new double[3]));
        double[] b = new double[120];
        b[7] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> nnls.solve(b, new double[4]));
    }

    private static double[] multiply(double[][] cols, double[] x) {
        double[] b = new double[cols[0].length];
        for (int j = 0; j < cols.length; j++) {
            for (int i = 0; i < b.length; i++) {
                b[i] += cols[j][i] * x[j];
            }
        }
        return b;
    }

    private static double objective(double[][] cols, double[] b, double[] x) {
        double[] ax = multiply(cols, x);
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            s += (ax[i] - b[i]) * (ax[i] - b[i]);
        }
        return s;
    }

    /** KKT for min ||Ax − b||²: w = Aᵀ(b − Ax) is 0 where x_j is free or positive, and ≤ 0 where x_j = 0. */
    private static void assertKkt(double[][] cols, boolean[] nonNegative, double[] b, double[] x) {
        double[] ax = multiply(cols, x);
        double bNorm = 0;
        for (double v : b) {
            bNorm += v * v;
        }
        bNorm = Math.sqrt(bNorm);
        for (int j = 0; j < cols.length; j++) {
            double w = 0;
            double norm = 0;
            for (int i = 0; i < b.length; i++) {
                w += cols[j][i] * (b[i] - ax[i]);
                norm += cols[j][i] * cols[j][i];
            }
            double tol = 1e-9 * Math.sqrt(norm) * Math.max(bNorm, 1e-300);
            if (!nonNegative[j] || x[j] > 0) {
                assertEquals(0.0, w, tol, "gradient on passive column " + j);
            } else {
                assertEquals(0.0, x[j], 0.0);
                assertTrue(w <= tol, "positive gradient " + w + " on active column " + j);
            }
        }
    }

    private record BruteForce(double objective, double[] x) {
    }

    /**
     * Minimum over all 2^k passive subsets S of the constrained columns of the unconstrained least-squares fit on
     * S ∪ free columns (Householder QR on A itself), keeping only fits whose constrained coefficients are ≥ 0.
     * The constrained optimum is the unconstrained optimum on its own support, so it is among the candidates.
     */
    private static BruteForce bruteForce(double[][] cols, boolean[] nonNegative, double[] b) {
        int n = cols.length;
        int[] constrained = java.util.stream.IntStream.range(0, n).filter(j -> nonNegative[j]).toArray();
        double bestObjective = Double.POSITIVE_INFINITY;
        double[] bestX = null;
        for (int mask = 0; mask < (1 << constrained.length); mask++) {
            boolean[] use = new boolean[n];
            for (int j = 0; j < n; j++) {
                use[j] = !nonNegative[j];
            }
            for (int t = 0; t < constrained.length; t++) {
                if ((mask & (1 << t)) != 0) {
                    use[constrained[t]] = true;
                }
            }
            int[] idx = java.util.stream.IntStream.range(0, n).filter(j -> use[j]).toArray();
            double[] x = new double[n];
            if (idx.length > 0) {
                double[][] sub = new double[b.length][idx.length];
                for (int i = 0; i < b.length; i++) {
                    for (int c = 0; c < idx.length; c++) {
                        sub[i][c] = cols[idx[c]][i];
                    }
                }
                double[] coef = new QRDecomposition(new Array2DRowRealMatrix(sub)).getSolver()
                        .solve(new ArrayRealVector(b)).toArray();
                boolean feasible = true;
                for (int c = 0; c < idx.length; c++) {
                    x[idx[c]] = coef[c];
                    if (nonNegative[idx[c]] && coef[c] < 0) {
                        feasible = false;
                    }
                }
                if (!feasible) {
                    continue;
                }
            }
            double obj = objective(cols, b, x);
            if (obj < bestObjective) {
                bestObjective = obj;
                bestX = x;
            }
        }
        return new BruteForce(bestObjective, bestX);
    }
}
