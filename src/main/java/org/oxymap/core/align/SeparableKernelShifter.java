package org.oxymap.core.align;

/**
 * Translates an image by a sub-pixel amount with a separable interpolation kernel, exploiting that a drift shift is
 * the same for every pixel of a plane: each output row is a fixed-weight FIR filter of the input rows (the same
 * {@code 2r} weights for every pixel, computed once per plane), applied along x and then along y. The horizontal
 * pass is done once per source row and kept in a ring of {@code 2r} rows, so the plane is read once and written once
 * and the inner loops are plain multiply-adds over a row (which the JIT vectorises); this is what makes it
 * memory-bound rather than arithmetic-bound.
 *
 * <p>Optionally the plane is interpolated in ln(counts): the logarithm is taken as each source row enters the ring
 * and the exponential as each output row leaves it ({@link FastLogExp}), so the log-space resampling costs no extra
 * pass over the plane. Interpolating ln(counts) (optical density up to a per-energy constant) rather than counts is
 * what Beer–Lambert asks for: OD, not transmission, is linear in the amount of each species, so a weighted mean of
 * neighbouring ODs is the OD of a mixture of the neighbours (see {@link StackAligner}).
 *
 * <p>Sample positions outside the image are clamped to the nearest edge pixel (edge replication), as in
 * {@link ImageShifter}; the output is {@code out(x, y) = plane(x + dx, y + dy)}. The weights are normalised to sum to
 * one, so a uniform plane stays uniform and integer shifts are exact translations away from the borders.
 */
public final class SeparableKernelShifter {

    /** The interpolation kernel. */
    public enum Kernel {
        /** Keys' cubic convolution, a = −1/2 (Keys 1981, IEEE Trans. ASSP 29, 1153): 4 taps. */
        KEYS_CUBIC(2),
        /** Lanczos-windowed sinc of radius 3, {@code sinc(x)·sinc(x/3)} for |x| < 3: 6 taps. */
        LANCZOS3(3),
        /** Lanczos-windowed sinc of radius 4: 8 taps. */
        LANCZOS4(4),
        /** Lanczos-windowed sinc of radius 6: 12 taps; what {@link ShiftMethod#LANCZOS} uses. */
        LANCZOS6(6);

        private final int radius;

        Kernel(int radius) {
            this.radius = radius;
        }

        /** Half the number of taps. */
        public int radius() {
            return radius;
        }

        double value(double d) {
            double a = Math.abs(d);
            if (this == KEYS_CUBIC) {
                if (a <= 1) {
                    return (1.5 * a - 2.5) * a * a + 1;
                }
                return a < 2 ? ((-0.5 * a + 2.5) * a - 4) * a + 2 : 0;
            }
            if (a < 1e-12) {
                return 1;
            }
            if (a >= radius) {
                return 0;
            }
            double px = Math.PI * a;
            return radius * Math.sin(px) * Math.sin(px / radius) / (px * px);
        }
    }

    private SeparableKernelShifter() {
    }

    /**
     * Resamples {@code plane} so that {@code out(x, y) = plane(x + dx, y + dy)}.
     *
     * @param inLog interpolate ln(plane) and return its exponential; every value read must then be positive and
     *              finite ({@link #shiftInLogWherePositive} falls back to counts instead)
     * @throws IllegalArgumentException if the sizes do not match, the shift is not finite, or {@code inLog} and a
     *                                  value read is not positive and finite
     */
    public static float[] shift(float[] plane, int width, int height, double dx, double dy, Kernel kernel,
                                boolean inLog) {
        IntegerShifter.check(plane, width, height, dx, dy);
        return shiftRows(plane, 0, width, height, 0, height, dx, dy, kernel, inLog);
    }

    /**
     * {@link #shift} in ln(counts) when every value of the plane is positive and finite, in counts otherwise. The
     * check costs no pass of its own: it is made as each row is logged, and on the few rows the shift does not read.
     */
    public static float[] shiftInLogWherePositive(float[] plane, int width, int height, double dx, double dy,
                                                  Kernel kernel) {
        IntegerShifter.check(plane, width, height, dx, dy);
        float[] out = resample(plane, 0, width, height, 0, height, dx, dy, kernel, true);
        if (out != null) {
            int[] read = sourceRows(0, height, height, dy, kernel);
            if (positive(plane, 0, read[0] * width) && positive(plane, read[1] * width, plane.length)) {
                return out;
            }
        }
        return resample(plane, 0, width, height, 0, height, dx, dy, kernel, false);
    }

    /** True when every value in [from, to) is positive and finite (what resampling in ln(counts) needs). */
    static boolean positive(float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = values[i];
            if (!(v > 0) || !Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rows {@code outY0 .. outY0 + outRows − 1} of {@link #shift}'s result, computed from a band of full rows of the
     * plane starting at row {@code bandY0}, which must hold every row the output rows read
     * ({@link #sourceRows}); bit-identical to the same rows of the whole-plane result.
     *
     * @throws IllegalArgumentException if the band does not hold a row the output needs, or {@code inLog} and a
     *                                  value it reads is not positive and finite
     */
    public static float[] shiftRows(float[] band, int bandY0, int width, int height, int outY0, int outRows,
                                    double dx, double dy, Kernel kernel, boolean inLog) {
        float[] out = resample(band, bandY0, width, height, outY0, outRows, dx, dy, kernel, inLog);
        if (out == null) {
            throw new IllegalArgumentException("resampling in ln(counts) needs positive, finite counts; rows "
                    + outY0 + ".." + (outY0 + outRows - 1) + " read one that is not");
        }
        return out;
    }

    /** {@link #shiftRows}, or null when {@code inLog} and a value read is not positive and finite. */
    private static float[] resample(float[] band, int bandY0, int width, int height, int outY0, int outRows,
                                    double dx, double dy, Kernel kernel, boolean inLog) {
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) {
            throw new IllegalArgumentException("shift (dx, dy) must be finite, got (" + dx + ", " + dy + ")");
        }
        int taps = 2 * kernel.radius();
        int bandRows = band.length / width;
        int[] need = sourceRows(outY0, outY0 + outRows, height, dy, kernel);
        if (need[0] < bandY0 || need[1] > bandY0 + bandRows) {
            throw new IllegalArgumentException("rows " + outY0 + ".." + (outY0 + outRows - 1) + " shifted by " + dy
                    + " read rows " + need[0] + ".." + (need[1] - 1) + ", outside the band of rows " + bandY0 + ".."
                    + (bandY0 + bandRows - 1));
        }
        // x: out(x) = sum_i wx[i] * in(x + ox + i), clamped to the row
        int ox = (int) Math.floor(dx) - kernel.radius() + 1;
        float[] wx = weights(kernel, dx - Math.floor(dx));
        int oy = (int) Math.floor(dy) - kernel.radius() + 1;
        float[] wy = weights(kernel, dy - Math.floor(dy));
        // interior columns: every tap inside the row
        int xLo = Math.max(0, Math.min(width, -ox));
        int xHi = Math.max(xLo, Math.min(width, width - ox - taps + 1));

        float[] out = new float[width * outRows];
        float[][] ring = new float[taps][width];
        int[] ringRow = new int[taps];
        java.util.Arrays.fill(ringRow, -1);
        float[] line = new float[width];
        float[] tap = new float[width];
        float[] acc = new float[width];
        float[][] rows = new float[taps][];
        for (int y = outY0; y < outY0 + outRows; y++) {
            for (int j = 0; j < taps; j++) {
                int sy = Math.max(0, Math.min(height - 1, y + oy + j));
                int slot = sy % taps;
                if (ringRow[slot] != sy) {
                    if (!horizontal(band, (sy - bandY0) * width, width, ox, wx, xLo, xHi, inLog, line, tap,
                            ring[slot])) {
                        return null;
                    }
                    ringRow[slot] = sy;
                }
                rows[j] = ring[slot];
            }
            java.util.Arrays.fill(acc, 0f);
            for (int j = 0; j < taps; j++) {
                float w = wy[j];
                float[] h = rows[j];
                for (int x = 0; x < width; x++) {
                    acc[x] += w * h[x];
                }
            }
            int o = (y - outY0) * width;
            if (inLog) {
                for (int x = 0; x < width; x++) {
                    out[o + x] = FastLogExp.exp(acc[x]);
                }
            } else {
                System.arraycopy(acc, 0, out, o, width);
            }
        }
        return out;
    }

    /** Source rows {@code {first, end}} that output rows {@code y0 .. y1 − 1} read, clamped to the image. */
    public static int[] sourceRows(int y0, int y1, int height, double dy, Kernel kernel) {
        int oy = (int) Math.floor(dy) - kernel.radius() + 1;
        int first = Math.max(0, Math.min(height - 1, y0 + oy));
        int last = Math.max(0, Math.min(height - 1, y1 - 1 + oy + 2 * kernel.radius() - 1));
        return new int[] {first, last + 1};
    }

    /**
     * One source row filtered along x into {@code h}, in ln(counts) when asked; false (and {@code h} undefined) when
     * {@code inLog} and a value of the row is not positive and finite.
     */
    private static boolean horizontal(float[] band, int base, int width, int ox, float[] wx, int xLo, int xHi,
                                      boolean inLog, float[] line, float[] tap, float[] h) {
        if (inLog) {
            boolean positive = true;
            for (int x = 0; x < width; x++) {
                float v = band[base + x];
                positive &= v > 0 && v < Float.POSITIVE_INFINITY;
                line[x] = FastLogExp.log(v);
            }
            if (!positive) {
                return false;
            }
        } else {
            System.arraycopy(band, base, line, 0, width);
        }
        int taps = wx.length;
        for (int x = 0; x < xLo; x++) {
            h[x] = clamped(line, width, x + ox, wx);
        }
        for (int x = xHi; x < width; x++) {
            h[x] = clamped(line, width, x + ox, wx);
        }
        int n = xHi - xLo;
        if (n <= 0) {
            return true;
        }
        // Each tap's shifted row is copied first: the JIT vectorises h[x] += w * tap[x] but not h[x] += w * line[x + o]
        // (it cannot rule out that h and line are one array), and the copy costs less than the scalar loop.
        System.arraycopy(line, xLo + ox, tap, xLo, n);
        float w0 = wx[0];
        for (int x = xLo; x < xHi; x++) {
            h[x] = w0 * tap[x];
        }
        for (int i = 1; i < taps; i++) {
            float w = wx[i];
            System.arraycopy(line, xLo + ox + i, tap, xLo, n);
            for (int x = xLo; x < xHi; x++) {
                h[x] += w * tap[x];
            }
        }
        return true;
    }

    private static float clamped(float[] line, int width, int first, float[] wx) {
        float v = 0;
        for (int i = 0; i < wx.length; i++) {
            v += wx[i] * line[Math.max(0, Math.min(width - 1, first + i))];
        }
        return v;
    }

    /** The {@code 2r} weights for fractional position {@code t} in [0, 1), normalised to sum 1. */
    static float[] weights(Kernel kernel, double t) {
        int r = kernel.radius();
        double[] w = new double[2 * r];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = kernel.value(t - (i - r + 1));
            sum += w[i];
        }
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (float) (w[i] / sum);
        }
        return out;
    }
}
