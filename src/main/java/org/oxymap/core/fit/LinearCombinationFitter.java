package org.oxymap.core.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

/**
 * Per-pixel linear-combination fit of an optical-density stack against reference spectra (DESIGN.md §2):
 * OD(E) ≈ Σ_k c_k·R_k(E) + a0 + a1·(E − E0), with c_k ≥ 0 by exact non-negative least squares
 * ({@link NonNegativeLeastSquares}), the background terms free in sign, optionally Σ c_k = 1 exactly and Poisson
 * weights. E0 is the first energy.
 *
 * <p><b>How it is fast.</b> The stack is planar (one image per energy), so the fit walks it in chunks of
 * {@value #CHUNK} consecutive pixels: for each energy plane (outer loop) it adds that plane's values into Aᵀb, ‖b‖²
 * and the edge jump of every pixel of the chunk (inner loop, contiguous, vectorisable). Each value of the stack is
 * read once. Per pixel, the unconstrained solution (AᵀA)⁻¹Aᵀb (or its equality-constrained form with sum-to-one)
 * comes from a precomputed inverse; when every reference coefficient is ≥ 0 it is also the constrained optimum
 * (the problem is convex). Pixels with a negative coefficient are solved exactly by testing the optimality
 * conditions of every support with precomputed inverses ({@link ActiveSetEnumeration}, up to six references), and
 * only if rounding defeats that by the Lawson–Hanson solver ({@link NonNegativeLeastSquares}). The
 * residual sum of squares is ‖b‖² − 2xᵀAᵀb + xᵀGx, accumulated in double from float data (its rounding,
 * ~1e-16·‖b‖², is far below any residual of measured data; negative rounding is clamped to 0). Chunks are fitted
 * in parallel; workspaces are per thread, nothing is allocated per pixel. With Poisson weights every pixel has its
 * own Gram matrix AᵀWA, accumulated in the same energy-outer loop, and is solved by the exact solver (slower).
 */
public final class LinearCombinationFitter {

    /** Pixels per chunk of the energy-outer accumulation. */
    static final int CHUNK = 1024;

    private final List<ReferenceSpectrum> references;
    private final FitOptions options;

    public LinearCombinationFitter(List<ReferenceSpectrum> references, BackgroundModel background) {
        this(references, FitOptions.of(background));
    }

    public LinearCombinationFitter(List<ReferenceSpectrum> references, FitOptions options) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("at least one reference spectrum is needed");
        }
        this.references = List.copyOf(references);
        this.options = options;
    }

    public FitOptions options() {
        return options;
    }

    /**
     * Fits every pixel of {@code od} not marked in {@code skip} (may be null), unweighted.
     *
     * @throws IllegalArgumentException when the stack has no more energies than fit parameters, the references
     *         are linearly dependent on the stack's energies, or Poisson weights were asked for (use the overload
     *         with counts)
     */
    public FitMaps fit(SpectralStack od, boolean[] skip, ProgressListener listener) {
        if (options.weights() == FitWeights.POISSON) {
            throw new IllegalArgumentException("Poisson weights need the transmitted counts and I0");
        }
        return fit(od, null, null, skip, listener);
    }

    /**
     * Fits every pixel of {@code od} not marked in {@code skip}; {@code counts} (the transmission stack the OD came
     * from, same size) and {@code i0} are used for Poisson weights and may be null otherwise.
     */
    public FitMaps fit(SpectralStack od, SpectralStack counts, double[] i0, boolean[] skip, ProgressListener listener) {
        return fit(od, counts, i0, 1.0, skip, listener);
    }

    /**
     * As {@link #fit(SpectralStack, SpectralStack, double[], boolean[], ProgressListener)}, with the Poisson
     * variance var(OD) = 1/I + 1/(N·I0), where N is the number of pixel readings averaged into I0 (1 when I0 was
     * counted like one pixel; the size of the empty region when I0 is its mean; infinity when I0 is known exactly).
     */
    public FitMaps fit(SpectralStack od, SpectralStack counts, double[] i0, double i0Pixels, boolean[] skip,
            ProgressListener listener) {
        if (!(i0Pixels >= 1)) {
            throw new IllegalArgumentException("the number of pixels averaged into I0 is " + i0Pixels
                    + ", expected at least 1");
        }
        double[] energies = od.energiesEv();
        int nE = energies.length;
        int nRef = references.size();
        int nBg = options.background().terms();
        int nPar = nRef + nBg;
        boolean weighted = options.weights() == FitWeights.POISSON;
        if (nE <= nPar) {
            throw new IllegalArgumentException("the stack has " + nE + " energies but the fit has " + nPar
                    + " parameters: at least " + (nPar + 1) + " energies are needed");
        }
        if (weighted) {
            if (counts == null || i0 == null) {
                throw new IllegalArgumentException("Poisson weights need the transmitted counts and I0");
            }
            if (counts.width() != od.width() || counts.height() != od.height() || counts.energyCount() != nE
                    || i0.length != nE) {
                throw new IllegalArgumentException("the counts stack (" + counts.width() + " x " + counts.height()
                        + " x " + counts.energyCount() + ") and I0 (" + i0.length + " values) must match the OD stack ("
                        + od.width() + " x " + od.height() + " x " + nE + ")");
            }
        }
        double[][] columns = new double[nPar][];
        boolean[] nonNegative = new boolean[nPar];
        for (int k = 0; k < nRef; k++) {
            columns[k] = references.get(k).interpolate(energies);
            nonNegative[k] = true;
        }
        if (nBg >= 1) {
            columns[nRef] = new double[nE];
            Arrays.fill(columns[nRef], 1.0);
        }
        if (nBg >= 2) {
            columns[nRef + 1] = new double[nE];
            for (int e = 0; e < nE; e++) {
                columns[nRef + 1][e] = energies[e] - energies[0];
            }
        }
        NonNegativeLeastSquares prototype = new NonNegativeLeastSquares(columns, nonNegative, options.sumToOne());
        Setup s = new Setup(prototype, columns, nonNegative, options.sumToOne(), nE, nRef, nPar);

        int w = od.width();
        int h = od.height();
        int n = w * h;
        List<float[]> coefficients = maps(nRef, n);
        List<float[]> fractions = maps(nRef, n);
        List<float[]> sigmas = maps(nRef, n);
        Out out = new Out(coefficients, fractions, sigmas, new float[n], new float[n], new float[n], new float[n],
                new boolean[n], new float[n], new float[n], new boolean[n]);
        double[] valences = new double[nRef];
        boolean haveValences = true;
        for (int k = 0; k < nRef; k++) {
            valences[k] = references.get(k).valence();
            haveValences &= Double.isFinite(valences[k]);
        }
        boolean withValence = haveValences;
        List<float[]> planes = od.planes();
        List<float[]> countPlanes = weighted ? counts.planes() : null;
        int chunks = (n + CHUNK - 1) / CHUNK;
        int reportEvery = Math.max(1, chunks / 100);
        AtomicInteger chunksDone = new AtomicInteger();
        ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(() -> new Workspace(s, weighted));
        IntStream.range(0, chunks).parallel().forEach(c -> {
            listener.checkCancelled("fit");
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            Workspace ws = workspaces.get();
            if (weighted) {
                fitChunkWeighted(s, planes, countPlanes, i0, i0Pixels, from, to, skip, ws, out, valences,
                        withValence);
            } else {
                fitChunk(s, planes, from, to, skip, ws, out, valences, withValence);
            }
            int done = chunksDone.incrementAndGet();
            if (done % reportEvery == 0 || done == chunks) {
                listener.progress("fit", done, chunks);
            }
        });
        List<String> names = new ArrayList<>();
        for (ReferenceSpectrum r : references) {
            names.add(r.name());
        }
        return new FitMaps(w, h, names, coefficients, fractions, sigmas, out.thickness, out.valence, out.chi2,
                out.offset, out.fitted, out.rFactor, out.jump, out.smallJump);
    }

    /** The unweighted fast path over pixels [from, to). */
    private void fitChunk(Setup s, List<float[]> planes, int from, int to, boolean[] skip, Workspace ws, Out out,
            double[] valences, boolean withValence) {
        int len = to - from;
        int nPar = s.nPar;
        int nE = s.nE;
        double[][] acc = ws.acc;
        double[] btb = ws.btb;
        double[] jump = ws.jump;
        for (double[] a : acc) {
            Arrays.fill(a, 0, len, 0.0);
        }
        Arrays.fill(btb, 0, len, 0.0);
        Arrays.fill(jump, 0, len, 0.0);
        int band = EdgeJump.bandEnergies(nE);
        double[] v = ws.values;
        for (int e = 0; e < nE; e++) {
            float[] p = planes.get(e);
            // the plane's values in double first: the loops below then vectorise, which they do not on float data
            for (int i = 0; i < len; i++) {
                v[i] = p[from + i];
            }
            // one array per parameter: the JIT vectorises these loops, not those over one array at k·CHUNK offsets
            for (int k = 0; k < nPar; k++) {
                double a = s.a[e * nPar + k];
                double[] ak = acc[k];
                for (int i = 0; i < len; i++) {
                    ak[i] += a * v[i];
                }
            }
            for (int i = 0; i < len; i++) {
                btb[i] += v[i] * v[i];
            }
            double jw = EdgeJump.weight(e, nE, band);
            if (jw != 0.0) {
                for (int i = 0; i < len; i++) {
                    jump[i] += jw * v[i];
                }
            }
        }
        double[] c = ws.c;
        double[] x = ws.x;
        for (int i = 0; i < len; i++) {
            int px = from + i;
            if (skip != null && skip[px]) {
                continue;
            }
            for (int k = 0; k < nPar; k++) {
                c[k] = acc[k][i];
            }
            s.unconstrained(c, x);
            if (!s.feasible(x) && (s.enumeration == null
                    || !s.enumeration.solve(c, Math.sqrt(btb[i]), s.positiveMask(x), x, ws.z))) {
                ws.solver.solveNormal(c, null, btb[i], x);
            }
            double rss = Math.max(0.0, btb[i] - 2 * dot(x, c, nPar) + s.quadratic(x));
            store(s, px, x, rss, rss, btb[i], jump[i], s.varianceFactors, true, out, valences, withValence);
        }
    }

    /** The Poisson-weighted path over pixels [from, to): per pixel AᵀWA and AᵀWb, solved exactly. */
    private void fitChunkWeighted(Setup s, List<float[]> planes, List<float[]> countPlanes, double[] i0,
            double i0Pixels, int from, int to, boolean[] skip, Workspace ws, Out out, double[] valences,
            boolean withValence) {
        int len = to - from;
        int nPar = s.nPar;
        int nE = s.nE;
        double[][] acc = ws.acc;
        double[][] accW = ws.accW;
        double[][] gW = ws.gW;
        double[] btb = ws.btb;
        double[] bwb = ws.bwb;
        double[] jump = ws.jump;
        for (int k = 0; k < nPar; k++) {
            Arrays.fill(acc[k], 0, len, 0.0);
            Arrays.fill(accW[k], 0, len, 0.0);
        }
        for (double[] gk : gW) {
            Arrays.fill(gk, 0, len, 0.0);
        }
        Arrays.fill(btb, 0, len, 0.0);
        Arrays.fill(bwb, 0, len, 0.0);
        Arrays.fill(jump, 0, len, 0.0);
        int band = EdgeJump.bandEnergies(nE);
        double[] wt = ws.weight;
        double[] v = ws.values;
        for (int e = 0; e < nE; e++) {
            float[] p = planes.get(e);
            float[] q = countPlanes.get(e);
            double invI0 = 1.0 / (i0[e] * i0Pixels);
            for (int i = 0; i < len; i++) {
                double counts = q[from + i];
                wt[i] = counts > 0 ? 1.0 / (1.0 / counts + invI0) : 0.0;
                v[i] = p[from + i];
            }
            for (int k = 0; k < nPar; k++) {
                double a = s.a[e * nPar + k];
                double[] ak = acc[k];
                double[] awk = accW[k];
                for (int i = 0; i < len; i++) {
                    ak[i] += a * v[i];
                    awk[i] += a * wt[i] * v[i];
                }
                for (int l = 0; l <= k; l++) {
                    double al = a * s.a[e * nPar + l];
                    double[] gkl = gW[k * nPar + l];
                    for (int i = 0; i < len; i++) {
                        gkl[i] += al * wt[i];
                    }
                }
            }
            double jw = EdgeJump.weight(e, nE, band);
            for (int i = 0; i < len; i++) {
                btb[i] += v[i] * v[i];
                bwb[i] += wt[i] * v[i] * v[i];
                jump[i] += jw * v[i];
            }
        }
        double[] c = ws.c;
        double[] cw = ws.cw;
        double[] x = ws.x;
        double[][] g = ws.g;
        for (int i = 0; i < len; i++) {
            int px = from + i;
            if (skip != null && skip[px]) {
                continue;
            }
            for (int k = 0; k < nPar; k++) {
                c[k] = acc[k][i];
                cw[k] = accW[k][i];
                for (int l = 0; l <= k; l++) {
                    double gkl = gW[k * nPar + l][i];
                    g[k][l] = gkl;
                    g[l][k] = gkl;
                }
            }
            ws.solver.solveNormal(cw, g, bwb[i], x);
            double chi2 = bwb[i] - 2 * dot(x, cw, nPar);
            for (int k = 0; k < nPar; k++) {
                double gx = 0;
                for (int l = 0; l < nPar; l++) {
                    gx += g[k][l] * x[l];
                }
                chi2 += x[k] * gx;
            }
            chi2 = Math.max(0.0, chi2);
            double rss = Math.max(0.0, btb[i] - 2 * dot(x, c, nPar) + s.quadratic(x));
            double[] var = ws.variance;
            NonNegativeLeastSquares.covarianceDiagonalInto(g, s.sumToOne ? s.nonNegative : null, var, ws.inv, ws.aug,
                    ws.y);
            store(s, px, x, chi2, rss, btb[i], jump[i], var, false, out, valences, withValence);
        }
    }

    private void store(Setup s, int px, double[] x, double chi2, double rss, double btb, double jump,
            double[] varianceFactors, boolean scaleByChi2, Out out, double[] valences, boolean withValence) {
        int nRef = s.nRef;
        double chi2Red = chi2 / s.dof;
        double sum = 0;
        for (int k = 0; k < nRef; k++) {
            sum += x[k];
        }
        for (int k = 0; k < nRef; k++) {
            out.coefficients.get(k)[px] = (float) x[k];
            double var = varianceFactors[k] * (scaleByChi2 ? chi2Red : 1.0);
            out.sigmas.get(k)[px] = (float) Math.sqrt(Math.max(0.0, var));
        }
        if (sum > 0) {
            double v = 0;
            for (int k = 0; k < nRef; k++) {
                double f = x[k] / sum;
                out.fractions.get(k)[px] = (float) f;
                v += f * valences[k];
            }
            out.valence[px] = withValence ? (float) v : 0f;
        }
        out.thickness[px] = (float) sum;
        out.chi2[px] = (float) chi2Red;
        out.offset[px] = s.nPar > nRef ? (float) x[nRef] : 0f;
        out.fitted[px] = true;
        out.rFactor[px] = btb > 0 ? (float) (rss / btb) : 0f;
        out.jump[px] = (float) jump;
        out.smallJump[px] = jump < options.jumpThresholdOd();
    }

    private static double dot(double[] a, double[] b, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static List<float[]> maps(int count, int n) {
        List<float[]> list = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            list.add(new float[n]);
        }
        return list;
    }

    /** The output maps, written by all workers at disjoint pixels. */
    private record Out(List<float[]> coefficients, List<float[]> fractions, List<float[]> sigmas, float[] thickness,
            float[] valence, float[] chi2, float[] offset, boolean[] fitted, float[] rFactor, float[] jump,
            boolean[] smallJump) {
    }

    /** Everything fixed for one fit: the design matrix, its Gram matrix and inverse, the sum-to-one direction. */
    private static final class Setup {
        final NonNegativeLeastSquares prototype;
        final boolean[] nonNegative;
        final boolean sumToOne;
        final int nE;
        final int nRef;
        final int nPar;
        final int dof;
        /** A[e][k] at a[e·nPar + k]. */
        final double[] a;
        final double[][] gram;
        final double[][] gramInverse;
        /** G⁻¹e and eᵀG⁻¹e for sum-to-one. */
        final double[] y;
        final double eTy;
        final double[] varianceFactors;
        /** Exact solver by testing every support, for a few references (null for many). */
        final ActiveSetEnumeration enumeration;

        Setup(NonNegativeLeastSquares prototype, double[][] columns, boolean[] nonNegative, boolean sumToOne, int nE,
                int nRef, int nPar) {
            this.prototype = prototype;
            this.nonNegative = nonNegative;
            this.sumToOne = sumToOne;
            this.nE = nE;
            this.nRef = nRef;
            this.nPar = nPar;
            this.dof = nE - nPar + (sumToOne ? 1 : 0);
            this.a = new double[nE * nPar];
            for (int e = 0; e < nE; e++) {
                for (int k = 0; k < nPar; k++) {
                    a[e * nPar + k] = columns[k][e];
                }
            }
            this.gram = prototype.gram();
            this.gramInverse = NonNegativeLeastSquares.inverse(gram);
            this.y = new double[nPar];
            double ey = 0;
            for (int j = 0; j < nPar; j++) {
                for (int k = 0; k < nPar; k++) {
                    if (nonNegative[k]) {
                        y[j] += gramInverse[j][k];
                    }
                }
                if (nonNegative[j]) {
                    ey += y[j];
                }
            }
            this.eTy = ey;
            this.varianceFactors = prototype.unconstrainedVarianceFactors();
            this.enumeration = nRef <= ActiveSetEnumeration.MAX_CONSTRAINED
                    ? new ActiveSetEnumeration(gram, nonNegative, sumToOne) : null;
        }

        /** x = G⁻¹c, or with sum-to-one x = G⁻¹c − μ G⁻¹e with eᵀx = 1. */
        void unconstrained(double[] c, double[] x) {
            for (int j = 0; j < nPar; j++) {
                double v = 0;
                double[] row = gramInverse[j];
                for (int k = 0; k < nPar; k++) {
                    v += row[k] * c[k];
                }
                x[j] = v;
            }
            if (sumToOne) {
                double sum = 0;
                for (int j = 0; j < nRef; j++) {
                    sum += x[j];
                }
                double mu = (sum - 1.0) / eTy;
                for (int j = 0; j < nPar; j++) {
                    x[j] -= mu * y[j];
                }
            }
        }

        /** Bit k set where reference k's coefficient is positive (references are the first, constrained columns). */
        int positiveMask(double[] x) {
            int mask = 0;
            for (int k = 0; k < nRef; k++) {
                if (x[k] > 0) {
                    mask |= 1 << k;
                }
            }
            return mask;
        }

        boolean feasible(double[] x) {
            for (int k = 0; k < nRef; k++) {
                if (!(x[k] >= 0.0)) {
                    return false;
                }
            }
            return true;
        }

        /** xᵀGx. */
        double quadratic(double[] x) {
            double q = 0;
            for (int j = 0; j < nPar; j++) {
                double gx = 0;
                for (int k = 0; k < nPar; k++) {
                    gx += gram[j][k] * x[k];
                }
                q += x[j] * gx;
            }
            return q;
        }
    }

    /** Per-thread scratch arrays. */
    private static final class Workspace {
        final NonNegativeLeastSquares solver;
        final double[][] acc;
        final double[] btb = new double[CHUNK];
        final double[] jump = new double[CHUNK];
        /** One plane's values of the chunk, in double. */
        final double[] values = new double[CHUNK];
        final double[] c;
        final double[] x;
        final double[] z;
        final double[][] accW;
        final double[][] gW;
        final double[] bwb;
        final double[] weight;
        final double[] cw;
        final double[][] g;
        final double[] variance;
        final double[][] inv;
        final double[][] aug;
        final double[] y;

        Workspace(Setup s, boolean weighted) {
            solver = s.prototype.copy();
            acc = new double[s.nPar][CHUNK];
            c = new double[s.nPar];
            x = new double[s.nPar];
            z = new double[s.nPar];
            accW = weighted ? new double[s.nPar][CHUNK] : null;
            gW = weighted ? new double[s.nPar * s.nPar][CHUNK] : null;
            bwb = weighted ? new double[CHUNK] : null;
            weight = weighted ? new double[CHUNK] : null;
            cw = weighted ? new double[s.nPar] : null;
            g = weighted ? new double[s.nPar][s.nPar] : null;
            variance = new double[s.nPar];
            inv = new double[s.nPar][s.nPar];
            aug = new double[s.nPar][2 * s.nPar];
            y = new double[s.nPar];
        }
    }
}
