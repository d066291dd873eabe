package org.oxymap.core.outlier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/**
 * Replaces isolated hot and dead pixels, plane by plane, by the median of their eight neighbours.
 *
 * <p>A pixel is an outlier when it lies more than {@code N·σ} beyond the median {@code m} of its eight neighbours and
 * also more than {@code N·σ} above the brightest or below the darkest of them. {@code σ} is the plane's noise,
 * 1.4826 × the median absolute deviation (MAD) of all residuals {@code v − m} (the MAD is not inflated by the outliers
 * themselves, and 1.4826 makes it the standard deviation of Gaussian noise; P. J. Rousseeuw and C. Croux, J. Am. Stat.
 * Assoc. 88, 1273, 1993). The second condition is what makes the test safe at particle rims: there the counts change
 * by a factor of two or three within a pixel, so a genuine rim pixel is far from its neighbours' median, but it lies
 * between its darker and brighter neighbours; a hot or dead pixel lies outside all of them. (A first version scaled
 * σ by the neighbours' own spread instead, and missed a dead pixel on a rim.) Border pixels use edge replication for
 * their missing neighbours.
 */
public final class OutlierPixelReplacer {

    /** Stage name reported to the {@link ProgressListener}. */
    public static final String STAGE = "Outlier pixels";

    private static final double MAD_TO_SIGMA = 1.4826;

    private final double nSigma;

    /**
     * @param nSigma threshold in robust standard deviations
     * @throws IllegalArgumentException if {@code nSigma} is not a finite number > 0
     */
    public OutlierPixelReplacer(double nSigma) {
        if (!(nSigma > 0) || Double.isInfinite(nSigma)) {
            throw new IllegalArgumentException("parameter outliers is " + nSigma + ", expected a positive number of σ");
        }
        this.nSigma = nSigma;
    }

    /**
     * The cleaned stack and how many pixels were replaced at each energy.
     *
     * @param cleaned       the stack with outliers replaced (new planes; the input is not modified)
     * @param replacedPerEnergy number of pixels replaced in each plane
     */
    public record Result(SpectralStack cleaned, int[] replacedPerEnergy) {

        /** Total number of replaced pixel values over all energies. */
        public int replacedTotal() {
            return Arrays.stream(replacedPerEnergy).sum();
        }
    }

    public Result replace(SpectralStack stack, ProgressListener listener) {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        int n = stack.energyCount();
        int[] counts = new int[n];
        List<float[]> planes = new ArrayList<>(IntStream.range(0, n).parallel().mapToObj(k -> {
            progress.checkCancelled(STAGE);
            float[] out = stack.plane(k).clone();
            counts[k] = replaceInPlane(stack.plane(k), out, stack.width(), stack.height());
            return out;
        }).toList());
        return new Result(stack.withPlanes(planes), counts);
    }

    /** Writes the cleaned plane into {@code out} (a copy of {@code in}) and returns the number of replaced pixels. */
    int replaceInPlane(float[] in, float[] out, int width, int height) {
        int n = width * height;
        float[] median = new float[n];
        float[] low = new float[n];
        float[] high = new float[n];
        float[] residual = new float[n];
        float[] neighbours = new float[8];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int c = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = Math.max(0, Math.min(height - 1, y + dy));
                    for (int dx = -1; dx <= 1; dx++) {
                        if (dx == 0 && dy == 0) {
                            continue;
                        }
                        int xx = Math.max(0, Math.min(width - 1, x + dx));
                        neighbours[c++] = in[yy * width + xx];
                    }
                }
                Arrays.sort(neighbours);
                int i = y * width + x;
                median[i] = 0.5f * (neighbours[3] + neighbours[4]);
                low[i] = neighbours[0];
                high[i] = neighbours[7];
                residual[i] = Math.abs(in[i] - median[i]);
            }
        }
        float[] sorted = residual.clone();
        Arrays.sort(sorted);
        double limit = nSigma * MAD_TO_SIGMA * sorted[n / 2];
        int replaced = 0;
        for (int i = 0; i < n; i++) {
            boolean beyondRange = in[i] > high[i] + limit || in[i] < low[i] - limit;
            if (residual[i] > limit && beyondRange) {
                out[i] = median[i];
                replaced++;
            }
        }
        return replaced;
    }
}
