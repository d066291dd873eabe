package org.oxymap.core.segment;

/**
 * ImageJ's "Default" threshold: the iterative intermeans (IsoData) rule of T. W. Ridler and S. Calvard, "Picture
 * thresholding using an iterative selection method", IEEE Trans. Systems, Man, and Cybernetics 8 (1978) 630-632,
 * in the variant of ImageJ's threshold dialog (AutoThresholder "Default", i.e. IJ_IsoData on a clipped histogram),
 * whose bin this reproduces.
 *
 * <p>The variant differs from the textbook rule in three ways, kept so that a particle mask matches the one a Fiji
 * user gets with the Default method: the two end bins are ignored (they collect saturated or clipped pixels);
 * a dominant mode more than twice as high as the next highest bin is lowered to 1.5 times that bin, so a large
 * empty background cannot pull the threshold to itself; and the moving split k advances from the first non-empty
 * bin while k + 1 ≤ (mean below + mean above) / 2, the threshold being that average rounded.
 */
public final class IsoDataThreshold {

    private IsoDataThreshold() {
    }

    /** Last background bin by ImageJ's Default method; see the class notes. */
    public static int lastLowerBin(long[] histogram) {
        ThresholdHistogram.check(histogram);
        int n = histogram.length;
        long[] h = histogram.clone();
        int mode = 0;
        for (int i = 1; i < n; i++) {
            if (h[i] > h[mode]) {
                mode = i;
            }
        }
        long second = 0;
        for (int i = 0; i < n; i++) {
            if (i != mode && h[i] > second) {
                second = h[i];
            }
        }
        if (h[mode] > 2 * second && second != 0) {
            h[mode] = (long) (second * 1.5);
        }
        h[0] = 0;
        h[n - 1] = 0;
        int low = 0;
        while (h[low] == 0 && low < n - 1) {
            low++;
        }
        int high = n - 1;
        while (h[high] == 0 && high > 0) {
            high--;
        }
        if (low >= high) {
            return n / 2;
        }
        int split = low;
        double average;
        do {
            double sumBelow = 0;
            double countBelow = 0;
            for (int i = low; i <= split; i++) {
                sumBelow += (double) i * h[i];
                countBelow += h[i];
            }
            double sumAbove = 0;
            double countAbove = 0;
            for (int i = split + 1; i <= high; i++) {
                sumAbove += (double) i * h[i];
                countAbove += h[i];
            }
            average = (sumBelow / countBelow + sumAbove / countAbove) / 2.0;
            split++;
        } while (split + 1 <= average && split < high - 1);
        return (int) Math.round(average);
    }
}
