package org.oxymap.core.od;

import java.util.stream.IntStream;

import org.oxymap.core.stack.SpectralStack;

/**
 * Finds the empty (sample-free) region of a transmission stack and takes its mean spectrum as I0.
 *
 * <p>The mean transmission over all energies is histogrammed; empty pixels transmit the most, so they form the
 * brightest mode that holds at least {@value #MIN_MODE_SHARE} of the pixels. The mode's width σ is measured
 * on its bright side (which no sample pixel reaches), and every pixel within 3σ of the mode is taken as empty.
 */
public final class EmptyRegionI0Estimator {

    static final double MIN_MODE_SHARE = 0.02;
    private static final int BINS = 256;
    private static final int MIN_PIXELS = 16;
    /** Pixels per band of the mean's parallel accumulation (a band of every plane stays in cache). */
    private static final int BAND = 1 << 14;

    /** I0 per energy and the pixels it was averaged over. */
    public record Result(double[] i0, boolean[] emptyMask, int pixelCount) {
    }

    public Result estimate(SpectralStack stack) {
        int n = stack.width() * stack.height();
        int nE = stack.energyCount();
        float[] mean = new float[n];
        // bands of pixels in parallel; each pixel still sums its energies in order, so the mean is the same to the bit
        int bands = (n + BAND - 1) / BAND;
        IntStream.range(0, bands).parallel().forEach(b -> {
            int from = b * BAND;
            int to = Math.min(n, from + BAND);
            for (int k = 0; k < nE; k++) {
                float[] p = stack.plane(k);
                for (int i = from; i < to; i++) {
                    mean[i] += p[i] / nE;
                }
            }
        });
        boolean[] empty = emptyMask(mean);
        int[] emptyPixels = IntStream.range(0, n).filter(i -> empty[i]).toArray();
        int pixels = emptyPixels.length;
        double[] i0 = new double[nE];
        IntStream.range(0, nE).parallel().forEach(k -> {
            float[] p = stack.plane(k);
            double s = 0;
            for (int i : emptyPixels) {
                s += p[i];
            }
            i0[k] = s / pixels;
        });
        for (int k = 0; k < nE; k++) {
            if (!(i0[k] > 0)) {
                throw new IllegalArgumentException("the empty region's mean count at " + stack.energyEv(k) + " eV is "
                        + i0[k] + ", expected > 0");
            }
        }
        return new Result(i0, empty, pixels);
    }

    /**
     * The empty pixels of a mean-transmission image (the mean over energies, accumulated as
     * {@code mean[i] += plane_k[i] / energies} in energy order): the brightest histogram mode that holds enough pixels,
     * ± 3σ. Exposed so that a stack read band by band can build the same mean and get the same mask.
     *
     * @throws IllegalArgumentException when there is no such mode or it has too few pixels
     */
    public static boolean[] emptyMask(float[] mean) {
        int n = mean.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : mean) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            throw new IllegalArgumentException("the stack's mean transmission is constant (" + lo
                    + "): there is no empty region to take I0 from; give an I0 spectrum instead");
        }
        int[] histogram = new int[BINS];
        double binWidth = (hi - lo) / BINS;
        for (float v : mean) {
            histogram[Math.min(BINS - 1, (int) ((v - lo) / binWidth))]++;
        }
        int[] smooth = new int[BINS];
        for (int b = 0; b < BINS; b++) {
            for (int d = -2; d <= 2; d++) {
                int j = b + d;
                if (j >= 0 && j < BINS) {
                    smooth[b] += histogram[j];
                }
            }
        }
        int modeBin = -1;
        int minCount = (int) Math.ceil(MIN_MODE_SHARE * n);
        for (int b = BINS - 1; b >= 0 && modeBin < 0; b--) {
            boolean peak = (b == BINS - 1 || smooth[b] >= smooth[b + 1]) && (b == 0 || smooth[b] >= smooth[b - 1]);
            if (peak && windowCount(histogram, b, 6) >= minCount) {
                modeBin = b;
            }
        }
        if (modeBin < 0) {
            throw new IllegalArgumentException("no empty region found: no bright mode of the mean transmission holds "
                    + (int) (MIN_MODE_SHARE * 100) + "% of the pixels; give an I0 spectrum instead");
        }
        double mode = lo + (modeBin + 0.5) * binWidth;
        double sum2 = 0;
        int count = 0;
        for (float v : mean) {
            if (v >= mode) {
                sum2 += (v - mode) * (v - mode);
                count++;
            }
        }
        double sigma = Math.max(binWidth, count > 0 ? Math.sqrt(sum2 / count) : binWidth);
        boolean[] empty = new boolean[n];
        int pixels = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(mean[i] - mode) <= 3 * sigma) {
                empty[i] = true;
                pixels++;
            }
        }
        if (pixels < MIN_PIXELS) {
            throw new IllegalArgumentException("the empty region has only " + pixels + " pixels, expected at least "
                    + MIN_PIXELS + "; give an I0 spectrum instead");
        }
        return empty;
    }

    private static int windowCount(int[] histogram, int centre, int halfWidth) {
        int s = 0;
        for (int j = Math.max(0, centre - halfWidth); j <= Math.min(histogram.length - 1, centre + halfWidth); j++) {
            s += histogram[j];
        }
        return s;
    }
}
