package org.oxymap.core.agglomerate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Differences between two classes, with particles as the units of replication (pixels of one particle are not
 * independent): the difference of the thickness-weighted class means; a percentile bootstrap 95% interval that
 * resamples particles with replacement within each class (weights travel with their particle; fixed seed, so the
 * interval is reproducible); the Mann–Whitney U test over the particle means (commons-math3
 * {@link MannWhitneyUTest}: mid-ranks for ties, normal approximation without continuity correction, two-sided);
 * and the thickness-controlled difference from {@link ThicknessControlledComparison}'s bins.
 */
public final class ClassComparison {

    private final int replicates;
    private final long seed;

    /**
     * @param replicates bootstrap resamples (0 = no interval)
     * @param seed       bootstrap seed
     */
    public ClassComparison(int replicates, long seed) {
        if (replicates < 0) {
            throw new IllegalArgumentException("parameter agglomerate-bootstrap is " + replicates + ", expected >= 0");
        }
        this.replicates = replicates;
        this.seed = seed;
    }

    /** The pairs interior–exterior, interior–small, interior–isolated, exterior–small, exterior–isolated, small–isolated. */
    public List<ClassDifference> compareAll(List<ParticleFraction> particles, List<ThicknessClassBin> bins) {
        List<ClassDifference> out = new ArrayList<>();
        AgglomerateClass[] all = AgglomerateClass.values();
        for (int i = 0; i < all.length; i++) {
            for (int j = i + 1; j < all.length; j++) {
                out.add(compare(all[i], all[j], particles, bins));
            }
        }
        return out;
    }

    public ClassDifference compare(AgglomerateClass a, AgglomerateClass b, List<ParticleFraction> particles,
            List<ThicknessClassBin> bins) {
        double[][] pa = means(particles, a);
        double[][] pb = means(particles, b);
        double[] controlled = controlled(a, b, bins);
        int nA = pa[0].length;
        int nB = pb[0].length;
        if (nA == 0 || nB == 0) {
            return new ClassDifference(a, b, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    controlled[0], controlled[1], (int) controlled[2], nA, nB);
        }
        double difference = weighted(pa[0], pa[1]) - weighted(pb[0], pb[1]);
        double[] ci = bootstrap(pa, pb);
        return new ClassDifference(a, b, difference, ci[0], ci[1], uOf(pa[0], pb[0]),
                new MannWhitneyUTest().mannWhitneyUTest(pa[0], pb[0]), controlled[0], controlled[1],
                (int) controlled[2], nA, nB);
    }

    /** U of x over y: the number of pairs with x &gt; y, ties counting one half. */
    public static double uOf(double[] x, double[] y) {
        double u = 0;
        for (double xi : x) {
            for (double yj : y) {
                u += xi > yj ? 1 : xi == yj ? 0.5 : 0;
            }
        }
        return u;
    }

    /** Percentile interval {2.5%, 97.5%} of the bootstrap distribution of the difference of weighted means. */
    double[] bootstrap(double[][] a, double[][] b) {
        if (replicates == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] d = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            d[r] = resampledMean(a, random) - resampledMean(b, random);
        }
        Arrays.sort(d);
        return new double[] {quantile(d, 0.025), quantile(d, 0.975)};
    }

    private static double resampledMean(double[][] v, SplittableRandom random) {
        int n = v[0].length;
        double sw = 0;
        double swx = 0;
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(n);
            sw += v[1][k];
            swx += v[1][k] * v[0][k];
        }
        return swx / sw;
    }

    /** Linear interpolation between order statistics (type 7, as R's default). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double weighted(double[] x, double[] w) {
        double sw = 0;
        double swx = 0;
        for (int i = 0; i < x.length; i++) {
            sw += w[i];
            swx += w[i] * x[i];
        }
        return swx / sw;
    }

    /** {means, weights} of the class's particles with valid pixels. */
    private static double[][] means(List<ParticleFraction> particles, AgglomerateClass c) {
        List<ParticleFraction> of = particles.stream()
                .filter(p -> p.particle().agglomerateClass() == c && p.pixels() > 0 && p.weightNm() > 0).toList();
        double[][] out = new double[2][of.size()];
        for (int i = 0; i < of.size(); i++) {
            out[0][i] = of.get(i).meanFraction();
            out[1][i] = of.get(i).weightNm();
        }
        return out;
    }

    /** {difference, se, bins used}; NaN when no bin holds both classes. */
    static double[] controlled(AgglomerateClass a, AgglomerateClass b, List<ThicknessClassBin> bins) {
        double sv = 0;
        double svd = 0;
        double svvVar = 0;
        boolean seKnown = true;
        int used = 0;
        int maxBin = bins.stream().mapToInt(ThicknessClassBin::bin).max().orElse(-1);
        for (int k = 0; k <= maxBin; k++) {
            ClassSummary sa = null;
            ClassSummary sb = null;
            for (ThicknessClassBin t : bins) {
                if (t.bin() == k && t.summary().agglomerateClass() == a) {
                    sa = t.summary();
                }
                if (t.bin() == k && t.summary().agglomerateClass() == b) {
                    sb = t.summary();
                }
            }
            if (sa == null || sb == null || sa.mean().isEmpty() || sb.mean().isEmpty()) {
                continue;
            }
            double v = (double) sa.pixels() * sb.pixels() / (sa.pixels() + sb.pixels());
            sv += v;
            svd += v * (sa.mean().mean() - sb.mean().mean());
            double var = sq(sa.mean().se()) + sq(sb.mean().se());
            seKnown &= Double.isFinite(var);
            svvVar += v * v * var;
            used++;
        }
        if (used == 0) {
            return new double[] {Double.NaN, Double.NaN, 0};
        }
        return new double[] {svd / sv, seKnown ? Math.sqrt(svvVar) / sv : Double.NaN, used};
    }

    private static double sq(double v) {
        return v * v;
    }
}
