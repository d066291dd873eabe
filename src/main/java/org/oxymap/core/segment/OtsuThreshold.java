package org.oxymap.core.segment;

/**
 * Global threshold by Otsu's method: N. Otsu, "A Threshold Selection Method from Gray-Level Histograms",
 * IEEE Trans. Systems, Man, and Cybernetics 9 (1979) 62-66.
 *
 * <p>The finite values (optionally only under a mask) are binned into 256 equal bins spanning [min, max]; the
 * split of the histogram into a lower and an upper class that maximises the between-class variance
 * {@code n0 * n1 * (mean0 - mean1)^2} is chosen in one sweep over cumulative counts and sums. Consecutive
 * splits through empty bins score exactly the same; for such a plateau of maxima the middle split is taken (as
 * MATLAB's graythresh averages tied maxima), so two separated populations are cut in the middle of the gap
 * rather than just above the lower one. The threshold is the upper edge of the last lower-class bin, so
 * foreground is {@code value > threshold}.
 */
public final class OtsuThreshold {

    /** Number of histogram bins. */
    public static final int BINS = 256;

    private OtsuThreshold() {
    }

    /**
     * Otsu threshold, in data units, of the finite values where {@code mask} is true (all values if null).
     *
     * @throws IllegalArgumentException if there are no finite values or they are all equal
     */
    public static double threshold(float[] values, boolean[] mask) {
        ThresholdHistogram h = ThresholdHistogram.of(values, mask);
        return h.upperEdge(lastLowerBin(h.counts()));
    }

    /**
     * Index k of the last bin of the lower class (bins 0..k) that maximises the between-class variance,
     * bins weighted by their index; for a run of consecutive equal maxima the middle k (rounded down) of the first
     * run.
     *
     * @param histogram non-negative counts with at least two non-empty bins
     */
    public static int lastLowerBin(long[] histogram) {
        if (histogram == null || histogram.length < 2) {
            throw new IllegalArgumentException("histogram must have at least 2 bins");
        }
        long total = 0;
        double totalSum = 0;
        int nonEmpty = 0;
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] < 0) {
                throw new IllegalArgumentException("histogram counts must be >= 0, found " + histogram[i]
                        + " in bin " + i);
            }
            if (histogram[i] > 0) {
                nonEmpty++;
            }
            total += histogram[i];
            totalSum += (double) i * histogram[i];
        }
        if (nonEmpty < 2) {
            throw new IllegalArgumentException("histogram must have at least 2 non-empty bins, found " + nonEmpty);
        }
        long lowCount = 0;
        double lowSum = 0;
        double bestVariance = -1;
        int best = -1;
        int bestRunEnd = -1;
        for (int k = 0; k < histogram.length - 1; k++) {
            lowCount += histogram[k];
            lowSum += (double) k * histogram[k];
            long highCount = total - lowCount;
            if (lowCount == 0 || highCount == 0) {
                continue;
            }
            double meanDifference = lowSum / lowCount - (totalSum - lowSum) / highCount;
            double variance = (double) lowCount * highCount * meanDifference * meanDifference;
            if (variance > bestVariance) {
                bestVariance = variance;
                best = k;
                bestRunEnd = k;
            } else if (variance == bestVariance && bestRunEnd == k - 1) {
                bestRunEnd = k;
            }
        }
        return (best + bestRunEnd) >>> 1;
    }
}
