package org.oxymap.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ij.process.AutoThresholder;

import org.junit.jupiter.api.Test;

/**
 * OxyMap's thresholds are computed in core/ without ImageJ; on the same 256-bin histograms they give exactly the
 * bin of ImageJ's own AutoThresholder (ij 1.54p), so a particle mask matches what a Fiji user gets.
 */
class HistogramThresholdsTest {

    private static final AutoThresholder IJ = new AutoThresholder();

    private static final List<long[]> HISTOGRAMS = makeHistograms();

    static List<long[]> histograms() {
        return HISTOGRAMS;
    }

    /** Bimodal, unimodal, skewed and sparse histograms like those of thickness maps, plus noise. */
    private static List<long[]> makeHistograms() {
        Random random = new Random(20211);
        List<long[]> out = new ArrayList<>();
        for (int trial = 0; trial < 300; trial++) {
            long[] h = new long[256];
            int kind = trial % 5;
            double m1 = 20 + random.nextDouble() * 80;
            double m2 = 120 + random.nextDouble() * 110;
            double s1 = 3 + random.nextDouble() * 25;
            double s2 = 3 + random.nextDouble() * 25;
            double w = 0.05 + random.nextDouble() * 0.9;
            int n = 2000 + random.nextInt(20000);
            for (int i = 0; i < n; i++) {
                double v = switch (kind) {
                    case 0, 1 -> random.nextDouble() < w ? m1 + s1 * random.nextGaussian() : m2 + s2 * random.nextGaussian();
                    case 2 -> m1 + s1 * random.nextGaussian();
                    case 3 -> random.nextDouble() < w ? m1 - 15 * Math.log(1 - random.nextDouble())
                            : m2 + s2 * random.nextGaussian();
                    default -> random.nextDouble() < 0.8 ? 2 + Math.abs(3 * random.nextGaussian())
                            : 60 + 190 * random.nextDouble();
                };
                h[(int) Math.max(0, Math.min(255, Math.round(v)))]++;
            }
            if (kind == 1) {
                for (int i = 0; i < 256; i++) {
                    if (random.nextInt(6) == 0) {
                        h[i] = 0; // sparse histograms, as from few pixels
                    }
                }
            }
            if (java.util.Arrays.stream(h).filter(c -> c > 0).count() >= 2) {
                out.add(h);
            }
        }
        return out;
    }

    private static int ij(AutoThresholder.Method method, long[] h) {
        int[] data = new int[256];
        for (int i = 0; i < 256; i++) {
            data[i] = (int) h[i];
        }
        return IJ.getThreshold(method, data);
    }

    private static void assertSameBins(AutoThresholder.Method method, HistogramThreshold rule) {
        List<long[]> all = histograms();
        int compared = 0;
        for (long[] h : all) {
            assertEquals(ij(method, h), rule.lastLowerBin(h.clone()), method + " on histogram #" + compared);
            compared++;
        }
        assertTrue(compared >= 250, "compared " + compared + " histograms");
    }

    @Test
    void liMatchesImageJ() {
        assertSameBins(AutoThresholder.Method.Li, LiThreshold::lastLowerBin);
    }

    @Test
    void triangleMatchesImageJ() {
        assertSameBins(AutoThresholder.Method.Triangle, TriangleThreshold::lastLowerBin);
    }

    @Test
    void huangMatchesImageJ() {
        assertSameBins(AutoThresholder.Method.Huang, HuangThreshold::lastLowerBin);
    }

    @Test
    void defaultMatchesImageJ() {
        assertSameBins(AutoThresholder.Method.Default, IsoDataThreshold::lastLowerBin);
    }

    /**
     * Otsu matches wherever the best split is unique. On a plateau of equal between-class variance (a run of
     * empty bins) OxyMap takes the middle split and ImageJ the last one (see {@link OtsuThreshold}).
     */
    @Test
    void otsuMatchesImageJWhereTheBestSplitIsUnique() {
        int compared = 0;
        for (long[] h : histograms()) {
            int ours = OtsuThreshold.lastLowerBin(h);
            int theirs = ij(AutoThresholder.Method.Otsu, h);
            boolean plateau = h[ours + 1] == 0 || h[ours] == 0;
            if (!plateau) {
                assertEquals(theirs, ours, "Otsu on histogram #" + compared);
                compared++;
            }
        }
        assertTrue(compared >= 200, "compared " + compared + " histograms");
    }

    @Test
    void methodsSeparateTwoPopulationsOfAThicknessMap() {
        Random random = new Random(3);
        float[] thickness = new float[40000];
        for (int i = 0; i < thickness.length; i++) {
            thickness[i] = (float) (i % 3 == 0 ? 60 + 5 * random.nextGaussian() : 0.5 * random.nextGaussian());
        }
        for (ThresholdMethod m : ThresholdMethod.values()) {
            if (m.rule() == null) {
                continue;
            }
            ThresholdHistogram h = ThresholdHistogram.of(thickness, null);
            double t = h.upperEdge(m.rule().lastLowerBin(h.counts()));
            assertTrue(t > 2 && t < 50, m + " threshold " + t + " nm should lie between the populations");
        }
    }

    @Test
    void labelsRoundTripAndUnknownLabelsAreNamed() {
        for (ThresholdMethod m : ThresholdMethod.values()) {
            assertEquals(m, ThresholdMethod.fromLabel(m.label().toUpperCase()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThresholdMethod.fromLabel("mean"));
        assertTrue(e.getMessage().contains("huang") && e.getMessage().contains("'mean'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LiThreshold.lastLowerBin(new long[256]));
    }
}
