package org.oxymap.core.edge;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.EdgeEnergy;
import org.oxymap.core.stack.SpectralStack;

/**
 * Per-pixel edge energy of an optical-density stack. For each pixel a line (or the mean, with one point) is fitted
 * to the pre-edge energies and to the post-edge energies; the edge jump is post − pre at the middle of the edge
 * region between them; pixels with a jump below the threshold are masked. Then, over the edge region (from the last
 * pre-edge energy to the first post-edge energy):
 * <ul>
 *   <li>half-height: the spectrum flattened as {@code (OD − pre(E)) / (post(E) − pre(E))} is searched for its last
 *       upward crossing of 0.5, linearly interpolated between the two energies around it;</li>
 *   <li>largest derivative: the derivative of {@code OD − pre(E)} between neighbouring energies, refined by the
 *       vertex of a parabola through the largest one and its neighbours ({@link EdgeEnergy#maxDerivativeEv}).</li>
 * </ul>
 * Rows are processed in parallel.
 */
public final class EdgeEnergyMapper {

    private final EdgeMapSettings settings;

    public EdgeEnergyMapper(EdgeMapSettings settings) {
        this.settings = settings;
    }

    /**
     * @throws IllegalArgumentException when the pre- or post-edge range holds no energy of the stack, or no
     *                                  energy lies between them
     */
    public EdgeEnergyMap map(SpectralStack od, ProgressListener listener) {
        double[] e = od.energiesEv();
        int nE = e.length;
        int quarter = Math.max(1, nE / 4);
        int preLast = -1;
        int postFirst = nE;
        if (Double.isNaN(settings.preEdgeMaxEv())) {
            preLast = quarter - 1;
        } else {
            while (preLast + 1 < nE && e[preLast + 1] <= settings.preEdgeMaxEv()) {
                preLast++;
            }
        }
        if (Double.isNaN(settings.postEdgeMinEv())) {
            postFirst = nE - quarter;
        } else {
            while (postFirst - 1 >= 0 && e[postFirst - 1] >= settings.postEdgeMinEv()) {
                postFirst--;
            }
        }
        if (preLast < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no stack energy at or below the pre-edge end %.3f eV (stack starts at %.3f eV)",
                    settings.preEdgeMaxEv(), e[0]));
        }
        if (postFirst >= nE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no stack energy at or above the post-edge start %.3f eV (stack ends at %.3f eV)",
                    settings.postEdgeMinEv(), e[nE - 1]));
        }
        if (postFirst - preLast < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no stack energy between the pre-edge (up to %.3f eV) and the post-edge (from %.3f eV): "
                            + "the edge region is empty", e[preLast], e[postFirst]));
        }
        LineWeights pre = new LineWeights(e, 0, preLast + 1);
        LineWeights post = new LineWeights(e, postFirst, nE);
        double eMid = 0.5 * (e[preLast] + e[postFirst]);
        int w = od.width();
        int h = od.height();
        int n = w * h;
        float[] edge = new float[n];
        float[] jump = new float[n];
        boolean[] valid = new boolean[n];
        java.util.List<float[]> planes = od.planes();
        boolean halfHeight = settings.method() == EdgeEnergyMethod.HALF_HEIGHT;
        int from = preLast;
        int to = postFirst + 1;
        AtomicInteger rows = new AtomicInteger();
        AtomicInteger validCount = new AtomicInteger();
        IntStream.range(0, h).parallel().forEach(y -> {
            listener.checkCancelled("edge energy");
            double[] s = new double[nE];
            double[] flat = new double[nE];
            int count = 0;
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                for (int k = 0; k < nE; k++) {
                    s[k] = planes.get(k)[i];
                }
                double p0 = pre.intercept(s);
                double p1 = pre.slope(s);
                double q0 = post.intercept(s);
                double q1 = post.slope(s);
                double j = (q0 + q1 * eMid) - (p0 + p1 * eMid);
                jump[i] = Double.isFinite(j) ? (float) j : 0f;
                edge[i] = EdgeMapSettings.FILL_VALUE;
                if (!(j >= settings.minJump()) || !(j > 0)) {
                    continue;
                }
                double ev;
                if (halfHeight) {
                    boolean ok = true;
                    for (int k = from; k < to; k++) {
                        double step = (q0 + q1 * e[k]) - (p0 + p1 * e[k]);
                        if (!(step > 0)) {
                            ok = false;
                            break;
                        }
                        flat[k] = (s[k] - (p0 + p1 * e[k])) / step;
                    }
                    if (!ok) {
                        continue;
                    }
                    ev = lastCrossing(e, flat, from, to);
                } else {
                    for (int k = from; k < to; k++) {
                        flat[k] = s[k] - (p0 + p1 * e[k]);
                    }
                    ev = EdgeEnergy.maxDerivativeEv(e, flat, from, to);
                }
                if (Double.isFinite(ev)) {
                    edge[i] = (float) ev;
                    valid[i] = true;
                    count++;
                }
            }
            validCount.addAndGet(count);
            listener.progress("edge energy", rows.incrementAndGet(), h);
        });
        return new EdgeEnergyMap(w, h, edge, jump, valid, validCount.get());
    }

    private static double lastCrossing(double[] e, double[] y, int from, int to) {
        for (int j = to - 2; j >= from; j--) {
            if (y[j] < 0.5 && y[j + 1] >= 0.5) {
                return e[j] + (0.5 - y[j]) / (y[j + 1] - y[j]) * (e[j + 1] - e[j]);
            }
        }
        return Double.NaN;
    }

    /** Least-squares line through points {@code from..to−1} as fixed weights on the values (mean for one point). */
    private static final class LineWeights {
        private final double[] wIntercept;
        private final double[] wSlope;
        private final int from;

        LineWeights(double[] e, int from, int to) {
            this.from = from;
            int m = to - from;
            wIntercept = new double[m];
            wSlope = new double[m];
            double mean = 0;
            for (int k = from; k < to; k++) {
                mean += e[k];
            }
            mean /= m;
            double sxx = 0;
            for (int k = from; k < to; k++) {
                sxx += (e[k] - mean) * (e[k] - mean);
            }
            for (int k = 0; k < m; k++) {
                double slopeW = m > 1 && sxx > 0 ? (e[from + k] - mean) / sxx : 0;
                wSlope[k] = slopeW;
                wIntercept[k] = 1.0 / m - mean * slopeW;
            }
        }

        double intercept(double[] s) {
            double v = 0;
            for (int k = 0; k < wIntercept.length; k++) {
                v += wIntercept[k] * s[from + k];
            }
            return v;
        }

        double slope(double[] s) {
            double v = 0;
            for (int k = 0; k < wSlope.length; k++) {
                v += wSlope[k] * s[from + k];
            }
            return v;
        }
    }
}
