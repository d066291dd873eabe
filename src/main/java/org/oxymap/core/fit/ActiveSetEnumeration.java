package org.oxymap.core.fit;

/**
 * Exact non-negative (optionally sum-to-one) least squares for a few references by testing the optimality
 * conditions of every support, with all the small inverses precomputed once for the fixed Gram matrix
 * {@code G = AᵀA}.
 *
 * <p>The problem is strictly convex, so its solution is the unique x that satisfies the Karush–Kuhn–Tucker
 * conditions. For a support P (the constrained columns allowed to be non-zero, plus every free column), the
 * candidate is {@code z_P = G_PP⁻¹ c_P} (with sum-to-one, {@code z_P = G_PP⁻¹(c_P − μ e_P)} with μ such that
 * {@code eᵀz = 1}); it is the solution when {@code z_j ≥ 0} on the constrained columns of P and the gradient
 * {@code w_j = c_j − (G z)_j − μ} is ≤ 0 on every constrained column outside P. With k references there are 2^k
 * supports (2^k − 1 with sum-to-one), each tested in O(n²) operations without allocation, so a pixel costs at most
 * a few hundred multiplications: much less than the Lawson–Hanson iteration, which refactorises G_PP at each step.
 * When rounding lets no support pass the test (nearly dependent references), {@link #solve} returns false and the
 * caller uses {@link NonNegativeLeastSquares}. Used for up to {@value #MAX_CONSTRAINED} constrained columns.
 *
 * <p>Immutable after construction and thread-safe; {@link #solve} takes its workspace from the caller.
 */
public final class ActiveSetEnumeration {

    /** Largest number of constrained columns for which the supports are enumerated (2^6 = 64 supports). */
    public static final int MAX_CONSTRAINED = 6;

    /** Relative tolerance of the gradient test, scaled by ‖b‖ and the column norm. */
    private static final double GRADIENT_TOLERANCE = 1e-10;

    private final int n;
    private final double[][] gram;
    private final boolean[] nonNegative;
    private final boolean sumToOne;
    private final double[] columnNorms;
    /** Per support: its columns, the inverse of G_PP (row-major p × p), G_PP⁻¹e_P and eᵀG_PP⁻¹e_P. */
    private final int[][] supports;
    private final double[][] inverses;
    private final double[][] ys;
    private final double[] eTys;
    /** Index of the support for each mask of constrained columns (bit t = t-th constrained column), −1 if none. */
    private final int[] supportOfMask;
    private final int[] constrained;
    /** Per support: the constrained columns outside it (where the gradient is tested). */
    private final int[][] outside;
    /** Per guess mask: the order in which supports are tested (the guess, then its subsets, then the rest). */
    private final int[][] orderOfGuess;

    /**
     * @param gram        G = AᵀA, n × n, positive definite
     * @param nonNegative which coefficients are constrained (the others are free and always in the support)
     * @param sumToOne    whether the constrained coefficients must add up to 1
     */
    public ActiveSetEnumeration(double[][] gram, boolean[] nonNegative, boolean sumToOne) {
        this.n = gram.length;
        this.gram = new double[n][];
        for (int j = 0; j < n; j++) {
            this.gram[j] = gram[j].clone();
        }
        this.nonNegative = nonNegative.clone();
        this.sumToOne = sumToOne;
        this.columnNorms = new double[n];
        for (int j = 0; j < n; j++) {
            columnNorms[j] = Math.sqrt(gram[j][j]);
        }
        this.constrained = java.util.stream.IntStream.range(0, n).filter(j -> nonNegative[j]).toArray();
        if (constrained.length > MAX_CONSTRAINED) {
            throw new IllegalArgumentException("active-set enumeration handles at most " + MAX_CONSTRAINED
                    + " constrained columns, got " + constrained.length);
        }
        int count = 1 << constrained.length;
        java.util.List<Integer> masks = new java.util.ArrayList<>();
        for (int mask = count - 1; mask >= (sumToOne ? 1 : 0); mask--) {
            masks.add(mask);
        }
        // larger supports first: the usual answer in thick pixels keeps most references
        masks.sort((a, b) -> Integer.bitCount(b) - Integer.bitCount(a));
        supports = new int[masks.size()][];
        inverses = new double[masks.size()][];
        ys = new double[masks.size()][];
        eTys = new double[masks.size()];
        supportOfMask = new int[count];
        java.util.Arrays.fill(supportOfMask, -1);
        for (int s = 0; s < masks.size(); s++) {
            int mask = masks.get(s);
            supportOfMask[mask] = s;
            boolean[] in = new boolean[n];
            for (int j = 0; j < n; j++) {
                in[j] = !nonNegative[j];
            }
            for (int t = 0; t < constrained.length; t++) {
                if ((mask & (1 << t)) != 0) {
                    in[constrained[t]] = true;
                }
            }
            int[] p = java.util.stream.IntStream.range(0, n).filter(j -> in[j]).toArray();
            supports[s] = p;
            double[] inv = new double[p.length * p.length];
            double[] y = new double[p.length];
            double eTy = 0;
            if (p.length > 0) {
                double[][] sub = new double[p.length][p.length];
                for (int a = 0; a < p.length; a++) {
                    for (int b = 0; b < p.length; b++) {
                        sub[a][b] = gram[p[a]][p[b]];
                    }
                }
                double[][] subInv = NonNegativeLeastSquares.inverse(sub);
                for (int a = 0; a < p.length; a++) {
                    for (int b = 0; b < p.length; b++) {
                        inv[a * p.length + b] = subInv[a][b];
                        if (nonNegative[p[b]]) {
                            y[a] += subInv[a][b];
                        }
                    }
                    if (nonNegative[p[a]]) {
                        eTy += y[a];
                    }
                }
            }
            inverses[s] = inv;
            ys[s] = y;
            eTys[s] = eTy;
        }
        outside = new int[supports.length][];
        for (int s = 0; s < supports.length; s++) {
            int[] p = supports[s];
            outside[s] = java.util.Arrays.stream(constrained).filter(j -> !contains(p, j)).toArray();
        }
        orderOfGuess = new int[count][];
        for (int guess = 0; guess < count; guess++) {
            final int g = guess;
            java.util.List<Integer> order = new java.util.ArrayList<>();
            for (int s = 0; s < masks.size(); s++) {
                int m = masks.get(s);
                if ((m & ~g) == 0) {
                    order.add(s); // the guess and its subsets, larger first (masks are sorted so)
                }
            }
            for (int s = 0; s < masks.size(); s++) {
                if (!order.contains(s)) {
                    order.add(s);
                }
            }
            orderOfGuess[guess] = order.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Finds the constrained least-squares solution for {@code c = Aᵀb}.
     *
     * @param c     Aᵀb, length n
     * @param bNorm ‖b‖ (scale of the gradient tolerance)
     * @param x     receives the solution, length n
     * @param z     workspace, length n
     * @return false when no support passed the optimality test (x is then undefined)
     */
    public boolean solve(double[] c, double bNorm, double[] x, double[] z) {
        return solve(c, bNorm, -1, x, z);
    }

    /**
     * As {@link #solve(double[], double, double[], double[])}, trying first the support of the given guess (e.g. the
     * constrained columns whose unconstrained coefficient is positive), which is usually the answer.
     *
     * @param guess mask over the constrained columns in their order (bit t = t-th constrained column), or −1
     */
    public boolean solve(double[] c, double bNorm, int guess, double[] x, double[] z) {
        int[] order = guess >= 0 && guess < orderOfGuess.length ? orderOfGuess[guess] : orderOfGuess[0];
        for (int s : order) {
            if (test(s, c, bNorm, x, z)) {
                return true;
            }
        }
        return false;
    }

    /** Number of constrained columns (the bits of a guess mask). */
    public int constrainedCount() {
        return constrained.length;
    }

    /** Whether support s holds the solution; if so it is in x. */
    private boolean test(int s, double[] c, double bNorm, double[] x, double[] z) {
        int[] p = supports[s];
        int np = p.length;
        double[] inv = inverses[s];
        double sum = 0;
        for (int a = 0; a < np; a++) {
            double v = 0;
            int row = a * np;
            for (int b = 0; b < np; b++) {
                v += inv[row + b] * c[p[b]];
            }
            z[a] = v;
            if (nonNegative[p[a]]) {
                if (!sumToOne && v < 0) {
                    return false;
                }
                sum += v;
            }
        }
        double mu = 0;
        if (sumToOne) {
            mu = (sum - 1.0) / eTys[s];
            double[] y = ys[s];
            for (int a = 0; a < np; a++) {
                z[a] -= mu * y[a];
                if (nonNegative[p[a]] && z[a] < 0) {
                    return false;
                }
            }
        }
        for (int j : outside[s]) {
            double w = c[j] - mu;
            double[] gj = gram[j];
            for (int a = 0; a < np; a++) {
                w -= gj[p[a]] * z[a];
            }
            if (w > GRADIENT_TOLERANCE * bNorm * columnNorms[j]) {
                return false;
            }
        }
        java.util.Arrays.fill(x, 0.0);
        for (int a = 0; a < np; a++) {
            x[p[a]] = z[a];
        }
        return true;
    }

    private static boolean contains(int[] p, int j) {
        for (int v : p) {
            if (v == j) {
                return true;
            }
        }
        return false;
    }
}
