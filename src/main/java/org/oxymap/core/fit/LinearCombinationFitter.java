package org.oxymap.core.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

/**
 * Per-pixel linear-combination fit of an optical-density stack against reference spectra (DESIGN.md §2):
 * OD(E) ≈ Σ_k c_k·R_k(E) + a0 + a1·(E − E0), with c_k ≥ 0 by exact non-negative least squares and the
 * background terms free in sign. E0 is the first energy. Rows of the image are fitted in parallel, each worker
 * with its own copy of the solver.
 */
public final class LinearCombinationFitter {

    private final List<ReferenceSpectrum> references;
    private final BackgroundModel background;

    public LinearCombinationFitter(List<ReferenceSpectrum> references, BackgroundModel background) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("at least one reference spectrum is needed");
        }
        this.references = List.copyOf(references);
        this.background = background;
    }

    /**
     * Fits every pixel of {@code od} not marked in {@code skip} (may be null).
     *
     * @throws IllegalArgumentException when the stack has no more energies than fit parameters, or the references
     *         are linearly dependent on the stack's energies
     */
    public FitMaps fit(SpectralStack od, boolean[] skip, ProgressListener listener) {
        double[] energies = od.energiesEv();
        int nE = energies.length;
        int nRef = references.size();
        int nPar = nRef + background.terms();
        if (nE <= nPar) {
            throw new IllegalArgumentException("the stack has " + nE + " energies but the fit has " + nPar
                    + " parameters: at least " + (nPar + 1) + " energies are needed");
        }
        double[][] columns = new double[nPar][];
        boolean[] nonNegative = new boolean[nPar];
        for (int k = 0; k < nRef; k++) {
            columns[k] = references.get(k).interpolate(energies);
            nonNegative[k] = true;
        }
        if (background.terms() >= 1) {
            columns[nRef] = new double[nE];
            java.util.Arrays.fill(columns[nRef], 1.0);
        }
        if (background.terms() >= 2) {
            columns[nRef + 1] = new double[nE];
            for (int e = 0; e < nE; e++) {
                columns[nRef + 1][e] = energies[e] - energies[0];
            }
        }
        NonNegativeLeastSquares prototype = new NonNegativeLeastSquares(columns, nonNegative);
        double[] varianceFactors = prototype.unconstrainedVarianceFactors();

        int w = od.width();
        int h = od.height();
        int n = w * h;
        List<float[]> coefficients = maps(nRef, n);
        List<float[]> fractions = maps(nRef, n);
        List<float[]> sigmas = maps(nRef, n);
        float[] thickness = new float[n];
        float[] valence = new float[n];
        float[] chi2 = new float[n];
        float[] offset = new float[n];
        boolean[] fitted = new boolean[n];
        double[] valences = new double[nRef];
        boolean haveValences = true;
        for (int k = 0; k < nRef; k++) {
            valences[k] = references.get(k).valence();
            haveValences &= Double.isFinite(valences[k]);
        }
        boolean withValence = haveValences;
        List<float[]> planes = od.planes();
        int dof = nE - nPar;
        AtomicInteger rowsDone = new AtomicInteger();
        IntStream.range(0, h).parallel().forEach(y -> {
            listener.checkCancelled("fit");
            NonNegativeLeastSquares solver = prototype.copy();
            double[] b = new double[nE];
            double[] x = new double[nPar];
            for (int xPx = 0; xPx < w; xPx++) {
                int i = y * w + xPx;
                if (skip != null && skip[i]) {
                    continue;
                }
                for (int e = 0; e < nE; e++) {
                    b[e] = planes.get(e)[i];
                }
                double rss = solver.solve(b, x);
                double chi2Red = rss / dof;
                double sum = 0;
                for (int k = 0; k < nRef; k++) {
                    sum += x[k];
                }
                for (int k = 0; k < nRef; k++) {
                    coefficients.get(k)[i] = (float) x[k];
                    sigmas.get(k)[i] = (float) Math.sqrt(varianceFactors[k] * chi2Red);
                }
                if (sum > 0) {
                    double v = 0;
                    for (int k = 0; k < nRef; k++) {
                        double f = x[k] / sum;
                        fractions.get(k)[i] = (float) f;
                        v += f * valences[k];
                    }
                    valence[i] = withValence ? (float) v : 0f;
                }
                thickness[i] = (float) sum;
                chi2[i] = (float) chi2Red;
                offset[i] = background.terms() >= 1 ? (float) x[nRef] : 0f;
                fitted[i] = true;
            }
            listener.progress("fit", rowsDone.incrementAndGet(), h);
        });
        List<String> names = new ArrayList<>();
        for (ReferenceSpectrum r : references) {
            names.add(r.name());
        }
        return new FitMaps(w, h, names, coefficients, fractions, sigmas, thickness, valence, chi2, offset, fitted);
    }

    private static List<float[]> maps(int count, int n) {
        List<float[]> list = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            list.add(new float[n]);
        }
        return list;
    }
}
