package org.oxymap.core.align;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Translates an image by a sub-pixel amount with the Fourier shift theorem: the spectrum is multiplied by the phase
 * ramp {@code exp(2πi (kx·dx/W + ky·dy/H))}, which is exact interpolation for a band-limited image (Whittaker–Shannon;
 * e.g. R. N. Bracewell, <i>The Fourier Transform and its Applications</i>, 3rd ed., ch. 6). A scanning X-ray
 * microscope's image is the sample convolved with its probe and sampled at about the probe's width, so it is close to
 * band-limited, and unlike a local kernel the phase ramp applies the same (unit) transfer function at every
 * sub-pixel shift: the resampled energy planes keep identical resolution whatever their drift, which a spectrum
 * fitted per pixel needs.
 *
 * <p>The FFT treats the image as periodic. To keep the jump between opposite edges from ringing into the image, the
 * plane is first padded on every side by mirror reflection, and the outer half of the padding fades to the mean of
 * the image border, so that the periodic continuation is continuous; the result is cropped back. The output follows
 * {@link ImageShifter}'s convention, {@code out(x, y) = plane(x + dx, y + dy)}.
 */
public final class FourierShifter {

    /** Padding beyond the shift itself, pixels per side. */
    private static final int EXTRA_PADDING = 16;

    private FourierShifter() {
    }

    /**
     * Resamples {@code plane} so that {@code out(x, y) = plane(x + dx, y + dy)}.
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
        int padX = Math.min(2 * width, (int) Math.ceil(Math.abs(dx)) + EXTRA_PADDING);
        int padY = Math.min(2 * height, (int) Math.ceil(Math.abs(dy)) + EXTRA_PADDING);
        int pw = width + 2 * padX;
        int ph = height + 2 * padY;
        double border = borderMean(plane, width, height);
        double[] data = new double[2 * pw * ph];
        for (int y = 0; y < ph; y++) {
            int sy = reflect(y - padY, height);
            double fy = fade(y - padY, height, padY);
            for (int x = 0; x < pw; x++) {
                int sx = reflect(x - padX, width);
                double f = fy * fade(x - padX, width, padX);
                data[2 * (y * pw + x)] = border + f * (plane[sy * width + sx] - border);
            }
        }
        DoubleFFT_2D fft = new DoubleFFT_2D(ph, pw);
        fft.complexForward(data);
        double[] rampXRe = new double[pw];
        double[] rampXIm = new double[pw];
        for (int kx = 0; kx < pw; kx++) {
            double a = 2 * Math.PI * signedFrequency(kx, pw) * dx / pw;
            rampXRe[kx] = Math.cos(a);
            rampXIm[kx] = Math.sin(a);
        }
        for (int ky = 0; ky < ph; ky++) {
            double a = 2 * Math.PI * signedFrequency(ky, ph) * dy / ph;
            double cy = Math.cos(a);
            double sy = Math.sin(a);
            for (int kx = 0; kx < pw; kx++) {
                double c = cy * rampXRe[kx] - sy * rampXIm[kx];
                double s = cy * rampXIm[kx] + sy * rampXRe[kx];
                int i = 2 * (ky * pw + kx);
                double re = data[i];
                double im = data[i + 1];
                data[i] = re * c - im * s;
                data[i + 1] = re * s + im * c;
            }
        }
        fft.complexInverse(data, true);
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            int row = (y + padY) * pw + padX;
            for (int x = 0; x < width; x++) {
                out[y * width + x] = (float) data[2 * (row + x)];
            }
        }
        return out;
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

    private static double borderMean(float[] plane, int width, int height) {
        double s = 0;
        int n = 0;
        for (int x = 0; x < width; x++) {
            s += plane[x] + plane[(height - 1) * width + x];
            n += 2;
        }
        for (int y = 0; y < height; y++) {
            s += plane[y * width] + plane[y * width + width - 1];
            n += 2;
        }
        return s / n;
    }

    private static int signedFrequency(int k, int n) {
        return k <= n / 2 ? k : k - n;
    }
}
