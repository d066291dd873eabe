package org.oxymap.core.align;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Translates an image by a sub-pixel amount with the Fourier shift theorem: the spectrum is multiplied by the phase
 * ramp {@code exp(2πi (kx·dx/W + ky·dy/H))}, which is exact interpolation for a band-limited image (Whittaker–Shannon;
 * e.g. R. N. Bracewell, <i>The Fourier Transform and its Applications</i>, 3rd ed., ch. 6). A scanning X-ray
 * microscope's image is the sample convolved with its probe and sampled at about the probe's width, so it is close to
 * band-limited, and unlike a local kernel the phase ramp applies the same (unit) transfer function at every
 * sub-pixel shift: the resampled energy planes keep identical resolution whatever their drift, which a spectrum
 * fitted per pixel needs.
 *
 * <p>The FFT treats each line as periodic. To keep the jump between its two ends from ringing into the image, the
 * line is first padded at both ends by mirror reflection, and the outer half of the padding fades to the mean of the
 * line's two end values, so that the periodic continuation is continuous; the result is cropped back. The output follows
 * {@link ImageShifter}'s convention, {@code out(x, y) = plane(x + dx, y + dy)}.
 */
public final class FourierShifter {

    /** Padding beyond the shift itself, pixels per side. */
    private static final int EXTRA_PADDING = 16;

    /** Rows or columns transposed at a time, for cache-friendly transposition. */
    private static final int BLOCK = 32;

    private FourierShifter() {
    }

    /**
     * Resamples {@code plane} so that {@code out(x, y) = plane(x + dx, y + dy)}.
     *
     * <p>The 2-D phase ramp is the product of a ramp along x and one along y, so the shift is done as two passes of
     * 1-D real FFTs: every row by {@code dx}, then every column by {@code dy} (through a blocked transposition).
     * That is the same translation as one 2-D transform, at half the arithmetic (real instead of complex data) and
     * with working buffers of one line; lines are padded as described above, to an even length whose only prime
     * factors are 2, 3 and 5, which the FFT handles fastest.
     *
     * @throws IllegalArgumentException if a dimension is not positive, the array length is not
     *                                  {@code width * height}, or {@code dx}, {@code dy} is not finite
     */
    public static float[] shift(float[] plane, int width, int height, double dx, double dy) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be positive, got " + width + " x " + height);
        }
        if (plane == null || plane.length != width * height) {
            throw new IllegalArgumentException("plane: expected length width*height = " + (width * height) + ", got "
                    + (plane == null ? "null" : plane.length));
        }
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) {
            throw new IllegalArgumentException("shift (dx, dy) must be finite, got (" + dx + ", " + dy + ")");
        }
        float[] rows = new float[width * height];
        shiftLines(plane, rows, width, height, dx);
        float[] columns = transpose(rows, width, height);
        shiftLines(columns, rows, height, width, dy);
        return transpose(rows, height, width);
    }

    /** Shifts each of the {@code count} lines of length {@code length} by {@code d}: {@code out(x) = in(x + d)}. */
    private static void shiftLines(float[] in, float[] out, int length, int count, double d) {
        int pad = Math.min(2 * length, (int) Math.ceil(Math.abs(d)) + EXTRA_PADDING);
        int size = fastEvenSize(length + 2 * pad);
        int right = size - length - pad;
        FloatFFT_1D fft = new FloatFFT_1D(size);
        int half = size / 2;
        float[] rampRe = new float[half + 1];
        float[] rampIm = new float[half + 1];
        for (int k = 0; k <= half; k++) {
            double a = 2 * Math.PI * k * d / size;
            rampRe[k] = (float) Math.cos(a);
            rampIm[k] = (float) Math.sin(a);
        }
        float[] line = new float[size];
        for (int r = 0; r < count; r++) {
            int base = r * length;
            float border = 0.5f * (in[base] + in[base + length - 1]);
            for (int i = 0; i < size; i++) {
                int x = i - pad;
                if (x >= 0 && x < length) {
                    line[i] = in[base + x];
                } else {
                    float f = (float) (x < 0 ? fade(x, length, pad) : fade(x, length, right));
                    line[i] = border + f * (in[base + reflect(x, length)] - border);
                }
            }
            fft.realForward(line);
            line[1] *= rampRe[half]; // Nyquist term, kept real: the real part of its ramp
            for (int k = 1; k < half; k++) {
                float re = line[2 * k];
                float im = line[2 * k + 1];
                line[2 * k] = re * rampRe[k] - im * rampIm[k];
                line[2 * k + 1] = re * rampIm[k] + im * rampRe[k];
            }
            fft.realInverse(line, true);
            System.arraycopy(line, pad, out, base, length);
        }
    }

    /** The {@code height × width} transpose of a {@code width × height} image, in cache-sized blocks. */
    private static float[] transpose(float[] in, int width, int height) {
        float[] out = new float[in.length];
        for (int y0 = 0; y0 < height; y0 += BLOCK) {
            int y1 = Math.min(height, y0 + BLOCK);
            for (int x0 = 0; x0 < width; x0 += BLOCK) {
                int x1 = Math.min(width, x0 + BLOCK);
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        out[x * height + y] = in[y * width + x];
                    }
                }
            }
        }
        return out;
    }

    /** The smallest even number ≥ {@code n} with no prime factor other than 2, 3 and 5. */
    static int fastEvenSize(int n) {
        for (int m = Math.max(2, n + (n & 1)); ; m += 2) {
            int r = m;
            for (int f : new int[] {2, 3, 5}) {
                while (r % f == 0) {
                    r /= f;
                }
            }
            if (r == 1) {
                return m;
            }
        }
    }

    /** Mirror index (…, 1, 0, 0, 1, …, n−1, n−1, n−2, …) of a position outside {@code 0..n−1}. */
    private static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    /** 1 inside the image and the inner half of the padding, then a cosine fade to 0 at the padding's outer end. */
    private static double fade(int i, int n, int pad) {
        int outside = i < 0 ? -i : i >= n ? i - n + 1 : 0;
        int half = pad / 2;
        if (outside <= half || pad - half <= 0) {
            return 1;
        }
        double t = (double) (outside - half) / (pad - half);
        return 0.5 + 0.5 * Math.cos(Math.PI * Math.min(1, t));
    }
}
