package org.oxymap.core.segment;

/**
 * Li's minimum cross-entropy threshold, iterative form: C. H. Li and P. K. S. Tam, "An iterative algorithm for
 * minimum cross entropy thresholding", Pattern Recognition Letters 18 (1998) 771-776 (eq. 7); the method is
 * C. H. Li and C. K. Lee, Pattern Recognition 26 (1993) 617-625.
 *
 * <p>Starting from the mean grey level, the threshold t is replaced by (μ_b − μ_o) / (ln μ_b − ln μ_o), the
 * logarithmic mean of the background mean μ_b (bins ≤ t) and object mean μ_o (bins &gt; t), rounded half away from
 * zero, until it moves by no more than half a bin. Grey levels are bin indices, as in ImageJ's AutoThresholder
 * ("Li"), whose bin this reproduces: the bin used in the last iteration.
 */
public final class LiThreshold {

    private static final double TOLERANCE = 0.5;

    private LiThreshold() {
    }

    /** Last background bin by Li's method; see the class notes. */
    public static int lastLowerBin(long[] histogram) {
        ThresholdHistogram.check(histogram);
        double total = 0;
        double sum = 0;
        for (int i = 0; i < histogram.length; i++) {
            total += histogram[i];
            sum += (double) i * histogram[i];
        }
        double next = sum / total;
        double previous;
        int threshold;
        do {
            previous = next;
            threshold = (int) (previous + 0.5);
            double backSum = 0;
            double backCount = 0;
            for (int i = 0; i <= threshold && i < histogram.length; i++) {
                backSum += (double) i * histogram[i];
                backCount += histogram[i];
            }
            double objectSum = sum - backSum;
            double objectCount = total - backCount;
            double backMean = backCount == 0 ? 0.0 : backSum / backCount;
            double objectMean = objectCount == 0 ? 0.0 : objectSum / objectCount;
            double logMean = (backMean - objectMean) / (Math.log(backMean) - Math.log(objectMean));
            next = logMean < -Math.ulp(1.0) ? (int) (logMean - 0.5) : (int) (logMean + 0.5);
        } while (Math.abs(next - previous) > TOLERANCE);
        return threshold;
    }
}
