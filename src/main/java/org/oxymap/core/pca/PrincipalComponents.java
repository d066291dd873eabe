package org.oxymap.core.pca;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/**
 * Principal components of the pixel spectra of an OD stack, as the singular value decomposition of the
 * pixels × energies matrix X computed through the small energies × energies matrix S = XᵀX / N (never the
 * pixels × pixels one): the eigenvectors of S are the right singular vectors of X, and its eigenvalues are the
 * squared singular values over N. The spectra are not mean-centred (as in MANTiS and xanespy's spectroscopic PCA), so
 * a stack of mixtures of r spectra has exactly r non-zero eigenvalues, and the first component is the mean spectral
 * shape. Spectra may be normalised first (each divided by its own Euclidean norm), so that thickness does not decide
 * the components.
 */
public final class PrincipalComponents {

    /**
     * @param eigenvalues  all eigenvalues of S, largest first
     * @param components   the matching unit eigenvectors (components[c][e]), sign fixed so that the sum is ≥ 0
     * @param pixels       pixels that entered S
     */
    public record Result(double[] eigenvalues, double[][] components, int pixels) {

        /** Fraction of the total (Σ eigenvalues) carried by component c. */
        public double varianceFraction(int c) {
            double total = 0;
            for (double v : eigenvalues) {
                total += Math.max(0, v);
            }
            return total > 0 ? Math.max(0, eigenvalues[c]) / total : 0;
        }

        /** Fraction carried by components 0..c. */
        public double cumulativeFraction(int c) {
            double s = 0;
            for (int k = 0; k <= c; k++) {
                s += varianceFraction(k);
            }
            return s;
        }
    }

    private PrincipalComponents() {
    }

    /**
     * @param od        the OD stack
     * @param include   pixels to use (null = all)
     * @param normalise divide each spectrum by its own Euclidean norm first (pixels with norm 0 are left out)
     */
    public static Result compute(SpectralStack od, boolean[] include, boolean normalise, ProgressListener listener) {
        int nE = od.energyCount();
        int n = od.width() * od.height();
        int chunk = 2048;
        int chunks = (n + chunk - 1) / chunk;
        List<float[]> planes = od.planes();
        double[][] partial = IntStream.range(0, chunks).parallel().mapToObj(c -> {
            listener.checkCancelled("PCA");
            int from = c * chunk;
            int to = Math.min(n, from + chunk);
            double[] s = new double[nE * nE + 1];
            double[] b = new double[nE];
            for (int i = from; i < to; i++) {
                if (include != null && !include[i]) {
                    continue;
                }
                double norm = spectrum(planes, i, b, normalise);
                if (norm == 0 && normalise) {
                    continue;
                }
                for (int e = 0; e < nE; e++) {
                    double be = b[e];
                    int row = e * nE;
                    for (int f = 0; f <= e; f++) {
                        s[row + f] += be * b[f];
                    }
                }
                s[nE * nE] += 1;
            }
            return s;
        }).toList().toArray(new double[0][]);
        double[][] m = new double[nE][nE];
        double count = 0;
        for (double[] s : partial) {
            for (int e = 0; e < nE; e++) {
                for (int f = 0; f <= e; f++) {
                    m[e][f] += s[e * nE + f];
                }
            }
            count += s[nE * nE];
        }
        if (count == 0) {
            throw new IllegalArgumentException("no pixel to analyse: every pixel is excluded or has an all-zero spectrum");
        }
        for (int e = 0; e < nE; e++) {
            for (int f = 0; f <= e; f++) {
                m[e][f] /= count;
                m[f][e] = m[e][f];
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(m, false));
        double[] values = eig.getRealEigenvalues();
        Integer[] order = new Integer[nE];
        for (int k = 0; k < nE; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, bb) -> Double.compare(values[bb], values[a]));
        double[] sorted = new double[nE];
        double[][] vectors = new double[nE][];
        for (int k = 0; k < nE; k++) {
            sorted[k] = values[order[k]];
            double[] v = eig.getEigenvector(order[k]).toArray();
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            if (sum < 0) {
                for (int e = 0; e < nE; e++) {
                    v[e] = -v[e];
                }
            }
            vectors[k] = v;
        }
        listener.progress("PCA", 1, 1);
        return new Result(sorted, vectors, (int) count);
    }

    /**
     * Score maps t_c(i) = v_c · b_i of the first {@code count} components for every pixel (0 where not included;
     * with {@code normalise}, of the normalised spectra).
     */
    public static List<float[]> scores(SpectralStack od, Result pca, int count, boolean[] include, boolean normalise) {
        int nE = od.energyCount();
        int n = od.width() * od.height();
        int k = Math.min(count, nE);
        List<float[]> maps = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            maps.add(new float[n]);
        }
        List<float[]> planes = od.planes();
        IntStream.range(0, (n + 2047) / 2048).parallel().forEach(chunk -> {
            double[] b = new double[nE];
            for (int i = chunk * 2048; i < Math.min(n, chunk * 2048 + 2048); i++) {
                if (include != null && !include[i]) {
                    continue;
                }
                double norm = spectrum(planes, i, b, normalise);
                if (norm == 0 && normalise) {
                    continue;
                }
                for (int c = 0; c < k; c++) {
                    double t = 0;
                    double[] v = pca.components()[c];
                    for (int e = 0; e < nE; e++) {
                        t += v[e] * b[e];
                    }
                    maps.get(c)[i] = (float) t;
                }
            }
        });
        return maps;
    }

    /** Reads pixel i's spectrum into b, normalised to unit norm if asked; returns its norm before normalising. */
    static double spectrum(List<float[]> planes, int i, double[] b, boolean normalise) {
        double ss = 0;
        for (int e = 0; e < b.length; e++) {
            b[e] = planes.get(e)[i];
            ss += b[e] * b[e];
        }
        double norm = Math.sqrt(ss);
        if (normalise && norm > 0) {
            for (int e = 0; e < b.length; e++) {
                b[e] /= norm;
            }
        }
        return norm;
    }
}
