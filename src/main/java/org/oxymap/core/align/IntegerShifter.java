package org.oxymap.core.align;

/**
 * Translates an image by the shift rounded to whole pixels: every output value is a measured value, untouched by
 * interpolation, at the cost of up to half a pixel of residual misregistration. Positions outside the image are
 * clamped to the edge; the output is {@code out(x, y) = plane(x + round(dx), y + round(dy))}.
 */
public final class IntegerShifter {

    private IntegerShifter() {
    }

    /** @throws IllegalArgumentException if the sizes do not match or the shift is not finite */
    public static float[] shift(float[] plane, int width, int height, double dx, double dy) {
        check(plane, width, height, dx, dy);
        long sx = Math.round(dx);
        long sy = Math.round(dy);
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            int row = (int) Math.max(0, Math.min(height - 1, y + sy)) * width;
            for (int x = 0; x < width; x++) {
                out[y * width + x] = plane[row + (int) Math.max(0, Math.min(width - 1, x + sx))];
            }
        }
        return out;
    }

    static void check(float[] plane, int width, int height, double dx, double dy) {
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
    }
}
