package org.oxymap.core.agglomerate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the statistics: the weighted mean and SE of DESIGN.md, the Mann–Whitney U and its normal
 * p-value, bootstrap intervals (degenerate and binomial), the thickness-controlled difference, the fraction against
 * thickness, and the exact disc closing against brute force.
 */
class AgglomerateStatisticsTest {

    private static List<ParticleFraction> particles(AgglomerateClass c, double[] means, double[] weights,
            int firstLabel) {
        List<ParticleFraction> out = new ArrayList<>();
        for (int i = 0; i < means.length; i++) {
            out.add(new ParticleFraction(new ClassifiedParticle(firstLabel + i, 0, 0, 10, 1, c, 0), means[i],
                    weights[i], 100, 10));
        }
        return out;
    }

    @Test
    void weightedMeanAndStandardErrorAsDesignDefines() {
        WeightedMean m = WeightedMean.of(new double[] {1, 2, 3}, new double[] {1, 1, 2});
        assertEquals(2.25, m.mean(), 1e-15);
        // sqrt(Σw(x−x̄)²/Σw) / sqrt((Σw)²/Σw²) = sqrt(2.75/4) / sqrt(16/6)
        assertEquals(Math.sqrt(2.75 / 4) / Math.sqrt(16.0 / 6), m.se(), 1e-15);
        assertEquals(3, m.n());
        assertTrue(Double.isNaN(WeightedMean.of(new double[] {1}, new double[] {2}).se()), "one unit has no SE");
        assertTrue(WeightedMean.of(new double[0], new double[0]).isEmpty());
    }

    @Test
    void mannWhitneyOnHandMadeSamples() {
        List<ParticleFraction> all = new ArrayList<>(particles(AgglomerateClass.INTERIOR, new double[] {1, 2, 3},
                new double[] {1, 1, 1}, 1));
        all.addAll(particles(AgglomerateClass.EXTERIOR, new double[] {4, 5, 6}, new double[] {1, 1, 1}, 10));
        all.addAll(particles(AgglomerateClass.SMALL, new double[] {2.5, 4.5, 6.5}, new double[] {1, 1, 1}, 20));
        ClassComparison comparison = new ClassComparison(0, 1);
        ClassDifference d = comparison.compare(AgglomerateClass.INTERIOR, AgglomerateClass.EXTERIOR, all, List.of());
        assertEquals(0.0, d.u());
        assertEquals(-3.0, d.difference(), 1e-15);
        // z = (U_min − n1·n2/2) / sqrt(n1·n2·(n1+n2+1)/12) = −4.5 / sqrt(5.25); p = erfc(|z|/√2)
        assertEquals(Erf.erfc(4.5 / Math.sqrt(5.25) / Math.sqrt(2)), d.p(), 1e-9);
        assertEquals(0.0495, d.p(), 1e-4);
        // interior {1,2,3} over small {2.5,4.5,6.5}: only 3 > 2.5, so U = 1
        ClassDifference e = comparison.compare(AgglomerateClass.INTERIOR, AgglomerateClass.SMALL, all, List.of());
        assertEquals(1.0, e.u());
        assertEquals(Erf.erfc(3.5 / Math.sqrt(5.25) / Math.sqrt(2)), e.p(), 1e-9);
        assertEquals(0.5, ClassComparison.uOf(new double[] {1, 2}, new double[] {2, 3}), "a tie counts one half");
        assertTrue(Double.isNaN(d.ciLow()), "no bootstrap asked for");
    }

    @Test
    void bootstrapIntervalKnownAnswers() {
        // every particle of a class alike: the difference cannot vary
        List<ParticleFraction> all = new ArrayList<>(particles(AgglomerateClass.INTERIOR,
                new double[] {0.3, 0.3, 0.3, 0.3}, new double[] {1, 5, 2, 9}, 1));
        all.addAll(particles(AgglomerateClass.EXTERIOR, new double[] {0.5, 0.5, 0.5}, new double[] {3, 1, 4}, 10));
        ClassDifference d = new ClassComparison(500, 7).compare(AgglomerateClass.INTERIOR, AgglomerateClass.EXTERIOR,
                all, List.of());
        assertEquals(-0.2, d.ciLow(), 1e-12);
        assertEquals(-0.2, d.ciHigh(), 1e-12);

        // 400 particles 0 or 1 (equal weights) against 400 zeros: difference 0.5, SE sqrt(0.25/400) = 0.025,
        // so the 95% interval is 0.5 ± 1.96·0.025 = [0.451, 0.549]
        double[] bernoulli = new double[400];
        for (int i = 0; i < bernoulli.length; i++) {
            bernoulli[i] = i % 2;
        }
        double[] ones = new double[400];
        java.util.Arrays.fill(ones, 1);
        all = new ArrayList<>(particles(AgglomerateClass.SMALL, bernoulli, ones, 1));
        all.addAll(particles(AgglomerateClass.ISOLATED, new double[400], ones, 1000));
        ClassComparison c = new ClassComparison(4000, 3);
        d = c.compare(AgglomerateClass.SMALL, AgglomerateClass.ISOLATED, all, List.of());
        assertEquals(0.5, d.difference(), 1e-15);
        assertEquals(0.451, d.ciLow(), 0.006);
        assertEquals(0.549, d.ciHigh(), 0.006);
        ClassDifference again = c.compare(AgglomerateClass.SMALL, AgglomerateClass.ISOLATED, all, List.of());
        assertEquals(d.ciLow(), again.ciLow(), "fixed seed, same interval");
    }

    @Test
    void thicknessControlledDifferenceWeightsBinsByPixelCounts() {
        List<ThicknessClassBin> bins = List.of(
                new ThicknessClassBin(0, 0, 50, new ClassSummary(AgglomerateClass.INTERIOR,
                        new WeightedMean(0.2, 0.01, 1, 3), 3, 10)),
                new ThicknessClassBin(0, 0, 50, new ClassSummary(AgglomerateClass.EXTERIOR,
                        new WeightedMean(0.3, 0.02, 1, 3), 3, 30)),
                new ThicknessClassBin(1, 50, 90, new ClassSummary(AgglomerateClass.INTERIOR,
                        new WeightedMean(0.4, 0.01, 1, 3), 3, 30)),
                new ThicknessClassBin(1, 50, 90, new ClassSummary(AgglomerateClass.EXTERIOR,
                        new WeightedMean(0.45, 0.02, 1, 3), 3, 10)));
        double[] d = ClassComparison.controlled(AgglomerateClass.INTERIOR, AgglomerateClass.EXTERIOR, bins);
        // weights 10·30/40 = 7.5 in both bins: (−0.1 − 0.05) / 2
        assertEquals(-0.075, d[0], 1e-12);
        assertEquals(Math.sqrt(2 * 7.5 * 7.5 * (0.01 * 0.01 + 0.02 * 0.02)) / 15, d[1], 1e-12);
        assertEquals(2, d[2]);
    }

    @Test
    void fractionAgainstThicknessBinsAnyMap() {
        float[] f = {0.5f, 0.3f, 0.7f, 0.1f, 0.2f, 0f};
        float[] t = {5f, 15f, 15f, 25f, 25f, 0f};
        List<ThicknessBin> bins = FractionVsThickness.profile(f, t, null, 10);
        assertEquals(3, bins.size());
        assertEquals(0.5, bins.get(0).mean().mean(), 1e-7);
        assertEquals(0.5, bins.get(1).mean().mean(), 1e-7);
        assertEquals(0.15, bins.get(2).mean().mean(), 1e-7);
        // equal weights: SE = sd_pop / sqrt(n) = 0.2 / sqrt(2)
        assertEquals(0.2 / Math.sqrt(2), bins.get(1).mean().se(), 1e-7);
        assertEquals(10.0, bins.get(1).loNm());
    }

    @Test
    void discClosingIsExactAgainstBruteForce() {
        int w = 40;
        int h = 36;
        SplittableRandom random = new SplittableRandom(5);
        boolean[] mask = new boolean[w * h];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < 0.08;
        }
        double pw = 10;
        double ph = 12;
        double r = 31;
        boolean[] dilated = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int i = 0; i < mask.length && !dilated[y * w + x]; i++) {
                    dilated[y * w + x] = mask[i] && Math.hypot((i % w - x) * pw, (i / w - y) * ph) <= r;
                }
            }
        }
        boolean[] closed = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean keep = dilated[y * w + x];
                for (int i = 0; i < mask.length && keep; i++) {
                    keep = dilated[i] || Math.hypot((i % w - x) * pw, (i / w - y) * ph) > r;
                }
                closed[y * w + x] = keep;
            }
        }
        assertArrayEquals(closed, DiskClosing.close(mask, w, h, pw, ph, r));
        for (int i = 0; i < mask.length; i++) {
            assertTrue(!mask[i] || closed[i], "closing contains the mask");
        }
    }

    @Test
    void gapNarrowerThanTwiceTheRadiusIsBridged() {
        int w = 30;
        int h = 10;
        boolean[] mask = new boolean[w * h];
        for (int y = 2; y < 8; y++) {
            for (int x = 0; x < w; x++) {
                mask[y * w + x] = x < 12 || x >= 16; // a 4-pixel gap
            }
        }
        int[] bridged = AgglomerateDetector.detect(toLabels(mask), w, h, 1, 1, 2.5);
        int[] apart = AgglomerateDetector.detect(toLabels(mask), w, h, 1, 1, 1.5);
        assertEquals(1, max(bridged));
        assertEquals(2, max(apart));
    }

    private static int[] toLabels(boolean[] mask) {
        int[] l = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            l[i] = mask[i] ? 1 : 0;
        }
        return l;
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
