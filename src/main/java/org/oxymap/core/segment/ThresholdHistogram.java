package org.oxymap.core.segment;

/**
 * The 256-bin histogram that every automatic threshold of OxyMap works on: finite values (optionally only under a
 * mask) binned into equal bins spanning [min, max], the same binning ImageJ uses for a 32-bit image, so a bin found
 * here is the bin ImageJ's AutoThresholder finds on that image.
 *
 * @param counts   pixel count per bin (256 bins)
 * @param min      lower edge of bin 0, in data units
 * @param binWidth width of one bin, in data units
 */
public record ThresholdHistogram(long[] counts, double min, double binWidth) {

    /** Number of bins. */
    public static final int BINS = 256;

    /**
     * Histogram of the finite values where {@code mask} is true (all values if null).
     *
     * @throws IllegalArgumentException if there are no finite values or they are all equal
     */
    public static ThresholdHistogram of(float[] values, boolean[] mask) {
        if (values == null) {
            throw new IllegalArgumentException("values must not be null");
        }
        if (mask != null && mask.length != values.length) {
            throw new IllegalArgumentException("mask length must equal values length " + values.length
                    + ", got " + mask.length);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if ((mask == null || mask[i]) && Float.isFinite(values[i])) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        if (!(max > min)) {
            throw new IllegalArgumentException("image is empty/constant: nothing to threshold (values"
                    + (mask == null ? "" : " under mask") + " have no finite spread)");
        }
        double range = max - min;
        long[] histogram = new long[BINS];
        for (int i = 0; i < values.length; i++) {
            if ((mask == null || mask[i]) && Float.isFinite(values[i])) {
                int bin = (int) ((values[i] - min) / range * BINS);
                histogram[Math.min(BINS - 1, bin)]++;
            }
        }
        return new ThresholdHistogram(histogram, min, range / BINS);
    }

    /** The threshold in data units when bins 0..{@code lastLowerBin} are background: the upper edge of that bin. */
    public double upperEdge(int lastLowerBin) {
        return min + (lastLowerBin + 1) * binWidth;
    }

    /** Checks a histogram given to a threshold rule: 256 non-negative counts, at least one of them non-zero. */
    static void check(long[] histogram) {
        if (histogram == null || histogram.length != BINS) {
            throw new IllegalArgumentException("histogram must have " + BINS + " bins, got "
                    + (histogram == null ? "null" : histogram.length));
        }
        long total = 0;
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] < 0) {
                throw new IllegalArgumentException("histogram counts must be >= 0, found " + histogram[i]
                        + " in bin " + i);
            }
            total += histogram[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException("histogram is empty: nothing to threshold");
        }
    }
}
