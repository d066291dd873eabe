package org.oxymap.core.segment;

/**
 * The triangle threshold: G. W. Zack, W. E. Rogers and S. A. Latt, "Automatic measurement of sister chromatid
 * exchange frequency", J. Histochem. Cytochem. 25 (1977) 741-753.
 *
 * <p>A line joins the histogram's peak to the empty bin just beyond the far end of its longer tail; the threshold
 * is the bin whose top lies farthest from that line. As in ImageJ's AutoThresholder ("Triangle"), whose bin this
 * reproduces, the tail side is chosen automatically and the bin returned is the one just before the farthest bin
 * (on the tail side), i.e. the last bin of the class that holds the peak when the tail is on the left.
 */
public final class TriangleThreshold {

    private TriangleThreshold() {
    }

    /** Last background bin by the triangle method; see the class notes. */
    public static int lastLowerBin(long[] histogram) {
        ThresholdHistogram.check(histogram);
        int n = histogram.length;
        int low = 0;
        while (histogram[low] == 0) {
            low++;
        }
        if (low > 0) {
            low--;
        }
        int high = 0;
        for (int i = n - 1; i > 0; i--) {
            if (histogram[i] > 0) {
                high = i;
                break;
            }
        }
        if (high < n - 1) {
            high++;
        }
        int peak = 0;
        for (int i = 1; i < n; i++) {
            if (histogram[i] > histogram[peak]) {
                peak = i;
            }
        }
        // Work on the histogram mirrored when the longer tail is on the right, so the tail is always on the left.
        boolean mirrored = peak - low < high - peak;
        int start = mirrored ? n - 1 - high : low;
        int top = mirrored ? n - 1 - peak : peak;
        if (start == top) {
            return start;
        }
        double nx = at(histogram, top, mirrored);
        double ny = start - top;
        double length = Math.hypot(nx, ny);
        nx /= length;
        ny /= length;
        double offset = nx * start + ny * at(histogram, start, mirrored);
        int split = start;
        double farthest = 0;
        for (int i = start + 1; i <= top; i++) {
            double distance = nx * i + ny * at(histogram, i, mirrored) - offset;
            if (distance > farthest) {
                split = i;
                farthest = distance;
            }
        }
        split--;
        return mirrored ? n - 1 - split : split;
    }

    private static double at(long[] histogram, int i, boolean mirrored) {
        return histogram[mirrored ? histogram.length - 1 - i : i];
    }
}
