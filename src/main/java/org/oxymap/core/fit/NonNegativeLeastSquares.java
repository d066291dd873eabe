package org.oxymap.core.fit;

import java.util.Arrays;

/**
 * Least squares {@code min ||A x − b||²} with {@code x_j ≥ 0} for the constrained columns and {@code x_j} free
 * for the others (e.g. a constant background that may be negative), by the Lawson–Hanson active-set method
 * (C. L. Lawson and R. J. Hanson, <i>Solving Least Squares Problems</i>, 1974, ch. 23, algorithm NNLS; free
 * variables as in Bro and De Jong, J. Chemometrics 11 (1997) 393, "fast NNLS" on the normal equations).
 *
 * <p>The solver works on the normal equations: {@code G = AᵀA} is precomputed once, and per right-hand side only
 * {@code c = Aᵀb} is formed. With passive set P (free columns are always in P) the method repeatedly solves
 * {@code G_PP z_P = c_P} by Cholesky, moves x towards z as far as feasibility allows, drops constrained variables
 * that hit zero, and adds the constrained variable with the largest positive gradient
 * {@code w = Aᵀ(b − A x) = c − G x} until the Karush–Kuhn–Tucker conditions hold:
 * {@code w_j = 0} on P and {@code x_j = 0, w_j ≤ 0} off P.
 *
 * <p><b>Sum to one</b> (optional): the constrained coefficients are also required to add up to exactly 1,
 * {@code Σ_{j constrained} x_j = 1} (the free columns, e.g. background terms, are not part of the sum). This is
 * meaningful when the columns are normalised references (edge step 1), so that x_j are directly fractions of a
 * pixel whose own spectrum is normalised. It is imposed exactly, not by a heavily weighted extra row: each
 * passive-set subproblem {@code min ||A_P z − b||², eᵀz = 1} is solved from its KKT system by
 * {@code z = G⁻¹c − μ·G⁻¹e}, {@code μ = (eᵀG⁻¹c − 1)/(eᵀG⁻¹e)}, and the optimality test uses the Lagrangian
 * gradient {@code w = c − G x − μ e}. The iteration starts from the best single-reference vertex
 * (one x_j = 1), which is feasible. This is the primal active-set method for a strictly convex quadratic programme
 * (Nocedal and Wright, <i>Numerical Optimization</i>, 2nd ed., §16.5), of which Lawson–Hanson is the special case
 * without the equality.
 *
 * <p>An instance owns workspace arrays and is <b>not thread-safe</b>: use one instance per thread, obtained with
 * {@link #copy()}, which shares the immutable precomputed matrices.
 */
public final class NonNegativeLeastSquares {

    /**
     * A column is rejected as linearly dependent when its Cholesky pivot, i.e. the squared norm of its component
     * orthogonal to the preceding columns, is below this fraction of its squared norm (angle below about 1e−5 rad).
     */
    public static final double DEPENDENCE_THRESHOLD = 1e-10;

    private static final double GRADIENT_TOLERANCE = 1e-12;

    private final int m;
    private final int n;
    private final double[][] columns;
    private final boolean[] nonNegative;
    private final boolean sumToOne;
    private final double[][] gram;
    private final double[] columnNorms;
    private final double[] varianceFactors;
    private final int maxIterations;

    private final double[] atb;
    private final double[] x;
    private final double[] z;
    private final double[] gradient;
    private final boolean[] passive;
    private final boolean[] excluded;
    private final int[] passiveIndex;
    private final double[] cholesky;
    private final double[] rhs;
    private final double[] rhsE;
    private double[][] activeGram;
    private double multiplier;

    /**
     * @param columns     columns[j] is column j of A (length m, finite); columns must be linearly independent
     * @param nonNegative nonNegative[j] constrains x_j ≥ 0; false leaves x_j free
     */
    public NonNegativeLeastSquares(double[][] columns, boolean[] nonNegative) {
        this(columns, nonNegative, false);
    }

    /**
     * @param columns     columns[j] is column j of A (length m, finite); columns must be linearly independent
     * @param nonNegative nonNegative[j] constrains x_j ≥ 0; false leaves x_j free
     * @param sumToOne    also require the constrained x_j to add up to exactly 1 (at least one column constrained)
     */
    public NonNegativeLeastSquares(double[][] columns, boolean[] nonNegative, boolean sumToOne) {
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("columns must contain at least one column");
        }
        if (nonNegative == null || nonNegative.length != columns.length) {
            throw new IllegalArgumentException("nonNegative must have one entry per column (" + columns.length + "), got "
                    + (nonNegative == null ? "null" : nonNegative.length));
        }
        this.n = columns.length;
        if (columns[0] == null) {
            throw new IllegalArgumentException("columns[0] must not be null");
        }
        this.m = columns[0].length;
        if (m < n) {
            throw new IllegalArgumentException("columns must have at least as many rows as there are columns (" + n
                    + "), got length " + m);
        }
        this.columns = new double[n][];
        for (int j = 0; j < n; j++) {
            if (columns[j] == null || columns[j].length != m) {
                throw new IllegalArgumentException("columns[" + j + "] must have length " + m + ", got "
                        + (columns[j] == null ? "null" : columns[j].length));
            }
            for (int i = 0; i < m; i++) {
                if (!Double.isFinite(columns[j][i])) {
                    throw new IllegalArgumentException("columns[" + j + "][" + i + "] must be finite, got " + columns[j][i]);
                }
            }
            this.columns[j] = columns[j].clone();
        }
        this.nonNegative = nonNegative.clone();
        this.sumToOne = sumToOne;
        if (sumToOne) {
            boolean any = false;
            for (boolean c : nonNegative) {
                any |= c;
            }
            if (!any) {
                throw new IllegalArgumentException("sum-to-one needs at least one non-negative (reference) column");
            }
        }
        this.gram = new double[n][n];
        this.columnNorms = new double[n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k <= j; k++) {
                double s = dot(this.columns[j], this.columns[k]);
                gram[j][k] = s;
                gram[k][j] = s;
            }
            columnNorms[j] = Math.sqrt(gram[j][j]);
        }
        inverseDiagonalOrReject(gram);
        this.varianceFactors = covarianceDiagonal(gram, sumToOne ? this.nonNegative : null);
        this.maxIterations = 3 * n + 30;
        this.atb = new double[n];
        this.x = new double[n];
        this.z = new double[n];
        this.gradient = new double[n];
        this.passive = new boolean[n];
        this.excluded = new boolean[n];
        this.passiveIndex = new int[n];
        this.cholesky = new double[n * n];
        this.rhs = new double[n];
        this.rhsE = new double[n];
        this.activeGram = gram;
    }

    private NonNegativeLeastSquares(NonNegativeLeastSquares shared) {
        this.m = shared.m;
        this.n = shared.n;
        this.columns = shared.columns;
        this.nonNegative = shared.nonNegative;
        this.sumToOne = shared.sumToOne;
        this.gram = shared.gram;
        this.columnNorms = shared.columnNorms;
        this.varianceFactors = shared.varianceFactors;
        this.maxIterations = shared.maxIterations;
        this.atb = new double[n];
        this.x = new double[n];
        this.z = new double[n];
        this.gradient = new double[n];
        this.passive = new boolean[n];
        this.excluded = new boolean[n];
        this.passiveIndex = new int[n];
        this.cholesky = new double[n * n];
        this.rhs = new double[n];
        this.rhsE = new double[n];
        this.activeGram = gram;
    }

    /** A solver for the same A with its own workspace, for use on another thread. */
    public NonNegativeLeastSquares copy() {
        return new NonNegativeLeastSquares(this);
    }

    /** Number of rows m (energies). */
    public int rows() {
        return m;
    }

    /** Number of columns n (components). */
    public int columnCount() {
        return n;
    }

    /** Whether the constrained coefficients are required to sum to one. */
    public boolean sumToOne() {
        return sumToOne;
    }

    /** The Gram matrix AᵀA (a copy). */
    public double[][] gram() {
        double[][] g = new double[n][];
        for (int j = 0; j < n; j++) {
            g[j] = gram[j].clone();
        }
        return g;
    }

    /**
     * diag of the covariance factor for the full column set, so that σ(x_j) = √(diag_j · χ²_red) for the fit with
     * no bound active (χ²_red = RSS / (m − n), or RSS / (m − n + 1) with sum-to-one). Without sum-to-one this is
     * diag((AᵀA)⁻¹); with it, diag(G⁻¹ − G⁻¹e eᵀG⁻¹ / (eᵀG⁻¹e)), the covariance of the equality-constrained
     * estimator.
     */
    public double[] unconstrainedVarianceFactors() {
        return varianceFactors.clone();
    }

    /**
     * Solves the constrained problem for one right-hand side.
     *
     * @param b    measured vector, length m, finite
     * @param xOut receives the solution, length n
     * @return the residual sum of squares ||A x − b||²
     */
    public double solve(double[] b, double[] xOut) {
        if (b == null || b.length != m) {
            throw new IllegalArgumentException("b must have length " + m + ", got " + (b == null ? "null" : b.length));
        }
        if (xOut == null || xOut.length != n) {
            throw new IllegalArgumentException("xOut must have length " + n + ", got " + (xOut == null ? "null" : xOut.length));
        }
        double bNormSq = 0.0;
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(b[i])) {
                throw new IllegalArgumentException("b[" + i + "] must be finite, got " + b[i]);
            }
            bNormSq += b[i] * b[i];
        }
        for (int j = 0; j < n; j++) {
            atb[j] = dot(columns[j], b);
        }
        activeGram = gram;
        iterate(Math.sqrt(bNormSq));
        System.arraycopy(x, 0, xOut, 0, n);
        double rss = 0.0;
        for (int i = 0; i < m; i++) {
            double r = -b[i];
            for (int j = 0; j < n; j++) {
                r += x[j] * columns[j][i];
            }
            rss += r * r;
        }
        return rss;
    }

    /**
     * Solves the constrained problem from the normal equations of one right-hand side: {@code c = Aᵀb} and, for a
     * weighted fit, its own Gram matrix {@code AᵀWA} (null = this solver's AᵀA). The residual is left to the caller.
     *
     * @param atbIn   Aᵀb (or AᵀWb), length n
     * @param gramIn  n × n Gram matrix for this right-hand side, or null for the one of the constructor's columns
     * @param bNormSq ||b||² (or bᵀWb), sets the scale of the optimality tolerance
     * @param xOut    receives the solution, length n
     */
    public void solveNormal(double[] atbIn, double[][] gramIn, double bNormSq, double[] xOut) {
        System.arraycopy(atbIn, 0, atb, 0, n);
        activeGram = gramIn == null ? gram : gramIn;
        iterate(Math.sqrt(Math.max(0.0, bNormSq)));
        System.arraycopy(x, 0, xOut, 0, n);
        activeGram = gram;
    }

    /** The active-set iteration on {@link #atb} and {@link #activeGram}; leaves the solution in {@link #x}. */
    private void iterate(double bNorm) {
        for (int j = 0; j < n; j++) {
            x[j] = 0.0;
            passive[j] = !nonNegative[j];
            excluded[j] = false;
        }
        int iterations = 0;
        if (sumToOne) {
            startAtBestVertex();
        } else if (solvePassive()) {
            System.arraycopy(z, 0, x, 0, n);
        }
        while (true) {
            int entering = -1;
            double best = 0.0;
            for (int j = 0; j < n; j++) {
                double g = atb[j] - (sumToOne && nonNegative[j] ? multiplier : 0.0);
                for (int k = 0; k < n; k++) {
                    g -= activeGram[j][k] * x[k];
                }
                gradient[j] = g;
                if (passive[j] || excluded[j]) {
                    continue;
                }
                double scaled = g / columnNorms[j];
                if (scaled > GRADIENT_TOLERANCE * bNorm && scaled > best) {
                    best = scaled;
                    entering = j;
                }
            }
            if (entering < 0) {
                break;
            }
            passive[entering] = true;
            boolean first = true;
            while (true) {
                if (++iterations > maxIterations) {
                    throw new IllegalStateException("Lawson-Hanson NNLS did not converge within " + maxIterations
                            + " iterations for " + n + " columns; the columns are probably nearly dependent");
                }
                solvePassive();
                if (first && z[entering] <= 0.0) {
                    // Rounding made the entering variable non-positive although its gradient was positive.
                    passive[entering] = false;
                    excluded[entering] = true;
                    if (sumToOne) {
                        solvePassive(); // restores the multiplier of the current x
                    }
                    break;
                }
                first = false;
                double alpha = 1.0;
                int blocking = -1;
                for (int j = 0; j < n; j++) {
                    if (passive[j] && nonNegative[j] && z[j] <= 0.0) {
                        double step = x[j] / (x[j] - z[j]);
                        if (step < alpha) {
                            alpha = step;
                            blocking = j;
                        }
                    }
                }
                if (blocking < 0) {
                    System.arraycopy(z, 0, x, 0, n);
                    Arrays.fill(excluded, false);
                    break;
                }
                for (int j = 0; j < n; j++) {
                    x[j] += alpha * (z[j] - x[j]);
                }
                x[blocking] = 0.0;
                for (int j = 0; j < n; j++) {
                    if (passive[j] && nonNegative[j] && x[j] <= 0.0) {
                        x[j] = 0.0;
                        passive[j] = false;
                    }
                }
                Arrays.fill(excluded, false);
            }
        }
    }

    /**
     * Sum-to-one start: the feasible vertex (one constrained x_j = 1, the free columns fitted) with the lowest
     * objective ½xᵀGx − cᵀx.
     */
    private void startAtBestVertex() {
        double best = Double.POSITIVE_INFINITY;
        int bestJ = -1;
        for (int j = 0; j < n; j++) {
            if (!nonNegative[j]) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                passive[k] = !nonNegative[k] || k == j;
            }
            solvePassive();
            double obj = 0.0;
            for (int a = 0; a < n; a++) {
                double ga = 0.0;
                for (int k = 0; k < n; k++) {
                    ga += activeGram[a][k] * z[k];
                }
                obj += z[a] * (0.5 * ga - atb[a]);
            }
            if (obj < best) {
                best = obj;
                bestJ = j;
            }
        }
        for (int k = 0; k < n; k++) {
            passive[k] = !nonNegative[k] || k == bestJ;
        }
        solvePassive();
        System.arraycopy(z, 0, x, 0, n);
    }

    /** Solves G_PP z_P = c_P by Cholesky, z = 0 off P; false if P is empty. */
    private boolean solvePassive() {
        int p = 0;
        for (int j = 0; j < n; j++) {
            z[j] = 0.0;
            if (passive[j]) {
                passiveIndex[p++] = j;
            }
        }
        if (p == 0) {
            return false;
        }
        for (int a = 0; a < p; a++) {
            int ja = passiveIndex[a];
            for (int c = 0; c <= a; c++) {
                double s = activeGram[ja][passiveIndex[c]];
                for (int k = 0; k < c; k++) {
                    s -= cholesky[a * n + k] * cholesky[c * n + k];
                }
                if (c == a) {
                    if (!(s > 0.0)) {
                        throw new IllegalStateException("Gram matrix of the passive columns is not positive definite (column "
                                + ja + "); the columns are numerically dependent");
                    }
                    cholesky[a * n + a] = Math.sqrt(s);
                } else {
                    cholesky[a * n + c] = s / cholesky[c * n + c];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            rhs[a] = atb[passiveIndex[a]];
        }
        choleskySolve(p, rhs);
        multiplier = 0.0;
        if (sumToOne) {
            // z = G⁻¹c − μ G⁻¹e with μ chosen so that eᵀz = 1 (KKT system of the equality-constrained subproblem)
            double eTu = 0.0;
            double eTy = 0.0;
            for (int a = 0; a < p; a++) {
                rhsE[a] = nonNegative[passiveIndex[a]] ? 1.0 : 0.0;
            }
            choleskySolve(p, rhsE);
            for (int a = 0; a < p; a++) {
                if (nonNegative[passiveIndex[a]]) {
                    eTu += rhs[a];
                    eTy += rhsE[a];
                }
            }
            if (eTy > 0.0) {
                multiplier = (eTu - 1.0) / eTy;
                for (int a = 0; a < p; a++) {
                    rhs[a] -= multiplier * rhsE[a];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            z[passiveIndex[a]] = rhs[a];
        }
        return true;
    }

    /** Solves L Lᵀ v = v in place with the factor in {@link #cholesky} of size p. */
    private void choleskySolve(int p, double[] v) {
        for (int a = 0; a < p; a++) {
            double s = v[a];
            for (int k = 0; k < a; k++) {
                s -= cholesky[a * n + k] * v[k];
            }
            v[a] = s / cholesky[a * n + a];
        }
        for (int a = p - 1; a >= 0; a--) {
            double s = v[a];
            for (int k = a + 1; k < p; k++) {
                s -= cholesky[k * n + a] * v[k];
            }
            v[a] = s / cholesky[a * n + a];
        }
    }

    /**
     * The inverse of a symmetric positive-definite matrix (Gauss–Jordan with partial pivoting; the matrices here
     * are a handful of rows). Throws IllegalArgumentException when it is singular.
     */
    public static double[][] inverse(double[][] g) {
        int n = g.length;
        double[][] inv = new double[n][n];
        inverseInto(g, inv, new double[n][2 * n]);
        return inv;
    }

    /** As {@link #inverse(double[][])}, into {@code inv} (n × n) with the work array {@code aug} (n × 2n). */
    static void inverseInto(double[][] g, double[][] inv, double[][] aug) {
        int n = g.length;
        double[][] a = aug;
        for (int i = 0; i < n; i++) {
            System.arraycopy(g[i], 0, a[i], 0, n);
            Arrays.fill(a[i], n, 2 * n, 0.0);
            a[i][n + i] = 1.0;
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            if (a[piv][c] == 0.0) {
                throw new IllegalArgumentException("the Gram matrix is singular (column " + c + ")");
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            double d = a[c][c];
            for (int k = 0; k < 2 * n; k++) {
                a[c][k] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c && a[r][c] != 0.0) {
                    double f = a[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
    }

    /**
     * Diagonal of the covariance factor of the least-squares estimator with Gram matrix g: diag(g⁻¹), or with
     * the equality Σ_{j in sumMask} x_j = 1 (sumMask non-null), diag(g⁻¹ − y yᵀ / (eᵀy)) with y = g⁻¹e.
     */
    public static double[] covarianceDiagonal(double[][] g, boolean[] sumMask) {
        int n = g.length;
        double[] d = new double[n];
        covarianceDiagonalInto(g, sumMask, d, new double[n][n], new double[n][2 * n], new double[n]);
        return d;
    }

    /**
     * As {@link #covarianceDiagonal(double[][], boolean[])}, into {@code d} with work arrays {@code inv} (n × n),
     * {@code aug} (n × 2n) and {@code y} (n), so that a per-pixel caller allocates nothing.
     */
    static void covarianceDiagonalInto(double[][] g, boolean[] sumMask, double[] d, double[][] inv, double[][] aug,
            double[] y) {
        int n = g.length;
        inverseInto(g, inv, aug);
        for (int j = 0; j < n; j++) {
            d[j] = inv[j][j];
        }
        if (sumMask != null) {
            double eTy = 0.0;
            for (int j = 0; j < n; j++) {
                y[j] = 0.0;
                for (int k = 0; k < n; k++) {
                    if (sumMask[k]) {
                        y[j] += inv[j][k];
                    }
                }
                if (sumMask[j]) {
                    eTy += y[j];
                }
            }
            for (int j = 0; j < n; j++) {
                d[j] = Math.max(0.0, d[j] - y[j] * y[j] / eTy);
            }
        }
    }

    /** diag(G⁻¹) = column norms² of L⁻¹, from G = L Lᵀ; rejects a column whose pivot shows it depends on the earlier ones. */
    private static double[] inverseDiagonalOrReject(double[][] g) {
        int n = g.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            if (g[j][j] == 0.0) {
                throw new IllegalArgumentException("column " + j + " is all zeros; columns must be linearly independent");
            }
            for (int i = 0; i <= j; i++) {
                double s = g[j][i];
                for (int k = 0; k < i; k++) {
                    s -= l[j][k] * l[i][k];
                }
                if (i == j) {
                    if (!(s > DEPENDENCE_THRESHOLD * g[j][j])) {
                        throw new IllegalArgumentException("column " + j
                                + " is linearly dependent on the preceding columns (Gram matrix AᵀA is rank-deficient); "
                                + "expected linearly independent columns");
                    }
                    l[j][j] = Math.sqrt(s);
                } else {
                    l[j][i] = s / l[i][i];
                }
            }
        }
        double[] diag = new double[n];
        double[] col = new double[n];
        for (int c = 0; c < n; c++) {
            Arrays.fill(col, 0.0);
            for (int i = c; i < n; i++) {
                double s = i == c ? 1.0 : 0.0;
                for (int k = c; k < i; k++) {
                    s -= l[i][k] * col[k];
                }
                col[i] = s / l[i][i];
                diag[c] += col[i] * col[i];
            }
        }
        return diag;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
