package org.oxymap.core.agglomerate;

/**
 * A weighted mean with the weighted standard error of DESIGN.md §2 ("Profiles"):
 * {@code SE = sqrt(Σw(x−x̄)²/Σw) / sqrt(n_eff)}, {@code n_eff = (Σw)²/Σw²}. Here the units are particles: x is a
 * particle's thickness-weighted mean and w its summed thickness, so x̄ equals the thickness-weighted mean over all
 * the pixels while the SE counts particles, not the correlated pixels within them.
 *
 * @param mean   x̄; NaN when n = 0 (written as an empty cell)
 * @param se     the SE; NaN when n &lt; 2 (a single particle has no spread to judge by)
 * @param weight Σw
 * @param n      number of units with positive weight
 */
public record WeightedMean(double mean, double se, double weight, int n) {

    public static final WeightedMean EMPTY = new WeightedMean(Double.NaN, Double.NaN, 0, 0);

    /** Units with non-positive or non-finite weight or a non-finite value are left out. */
    public static WeightedMean of(double[] x, double[] w) {
        double sw = 0;
        double swx = 0;
        double sww = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (w[i] > 0 && Double.isFinite(w[i]) && Double.isFinite(x[i])) {
                sw += w[i];
                swx += w[i] * x[i];
                sww += w[i] * w[i];
                n++;
            }
        }
        if (n == 0) {
            return EMPTY;
        }
        double mean = swx / sw;
        if (n < 2) {
            return new WeightedMean(mean, Double.NaN, sw, n);
        }
        double ss = 0;
        for (int i = 0; i < x.length; i++) {
            if (w[i] > 0 && Double.isFinite(w[i]) && Double.isFinite(x[i])) {
                ss += w[i] * (x[i] - mean) * (x[i] - mean);
            }
        }
        double nEff = sw * sw / sww;
        return new WeightedMean(mean, Math.sqrt(ss / sw) / Math.sqrt(nEff), sw, n);
    }

    public boolean isEmpty() {
        return n == 0;
    }
}
