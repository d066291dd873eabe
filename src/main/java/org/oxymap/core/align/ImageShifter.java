package org.oxymap.core.align;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Translates images by sub-pixel amounts with bilinear interpolation, to undo the drift measured by
 * {@link PhaseCorrelationAligner}.
 *
 * <p>The output is {@code out(x, y) = plane(x + dx, y + dy)}, so shifting a plane by its {@link Shift} brings its
 * content back onto the reference frame. Sample positions outside the image are clamped to the nearest edge pixel
 * (edge replication) rather than filled with zero or NaN: the shifted image then stays finite and, for count data,
 * positive, so later logarithms (optical density) remain defined.
 */
public final class ImageShifter {

    private ImageShifter() {
    }

    /**
     * Resamples {@code plane} so that {@code out(x, y) = plane(x + dx, y + dy)} by bilinear interpolation, with
     * coordinates clamped to the image. Integer shifts reproduce an exact translation away from the edges.
     *
     * @throws IllegalArgumentException if the array length is not {@code width * height}, a dimension is not
     *                                  positive, or a pixel, {@code dx} or {@code dy} is not finite
     */
    public static float[] shift(float[] plane, int width, int height, double dx, double dy) {
        checkDimensions(width, height);
        checkPlane(plane, width, height, "plane");
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) {
            throw new IllegalArgumentException("shift (dx, dy) must be finite, got (" + dx + ", " + dy + ")");
        }
        float[] out = new float[width * height];
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        double[] fx = new double[width];
        for (int x = 0; x < width; x++) {
            double sx = clamp(x + dx, width - 1);
            x0[x] = (int) Math.floor(sx);
            x1[x] = Math.min(x0[x] + 1, width - 1);
            fx[x] = sx - x0[x];
        }
        for (int y = 0; y < height; y++) {
            double sy = clamp(y + dy, height - 1);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, height - 1);
            double fy = sy - y0;
            int row0 = y0 * width;
            int row1 = y1 * width;
            int outRow = y * width;
            for (int x = 0; x < width; x++) {
                double top = plane[row0 + x0[x]] + fx[x] * (plane[row0 + x1[x]] - plane[row0 + x0[x]]);
                double bottom = plane[row1 + x0[x]] + fx[x] * (plane[row1 + x1[x]] - plane[row1 + x0[x]]);
                out[outRow + x] = (float) (top + fy * (bottom - top));
            }
        }
        return out;
    }

    /**
     * Applies {@link #shift} to every plane with its own shift, so that all planes line up with the frame the shifts
     * were measured against. Planes are processed in parallel; the returned list is in input order.
     *
     * @throws IllegalArgumentException if {@code shifts.length != planes.size()}, a shift is null or not finite, or a
     *                                  plane has the wrong length or non-finite pixels
     */
    public static List<float[]> alignAll(List<float[]> planes, int width, int height, Shift[] shifts) {
        checkDimensions(width, height);
        if (planes == null || shifts == null) {
            throw new IllegalArgumentException("planes and shifts must not be null");
        }
        if (shifts.length != planes.size()) {
            throw new IllegalArgumentException("shifts: expected one per plane (" + planes.size() + "), got "
                    + shifts.length);
        }
        for (int k = 0; k < shifts.length; k++) {
            checkPlane(planes.get(k), width, height, "plane " + k);
            if (shifts[k] == null || !Double.isFinite(shifts[k].dxPx()) || !Double.isFinite(shifts[k].dyPx())) {
                throw new IllegalArgumentException("shift " + k + " must be finite, got " + shifts[k]);
            }
        }
        return IntStream.range(0, shifts.length).parallel()
                .mapToObj(k -> shift(planes.get(k), width, height, shifts[k].dxPx(), shifts[k].dyPx()))
                .toList();
    }

    private static double clamp(double v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }

    private static void checkDimensions(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be positive, got " + width + " x " + height);
        }
    }

    private static void checkPlane(float[] plane, int width, int height, String name) {
        if (plane == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (plane.length != width * height) {
            throw new IllegalArgumentException(name + ": expected length width*height = " + width + "*" + height
                    + " = " + (width * height) + ", got " + plane.length);
        }
        for (int i = 0; i < plane.length; i++) {
            if (!Float.isFinite(plane[i])) {
                throw new IllegalArgumentException(name + ": expected finite pixel values, got " + plane[i]
                        + " at x=" + (i % width) + ", y=" + (i / width));
            }
        }
    }
}
