package org.oxymap.core.align;

/**
 * Translates an image by a sub-pixel amount with bilinear interpolation between the four nearest pixels. It never
 * overshoots, but it low-pass filters by an amount that depends on the fractional shift (a half-pixel shift averages
 * neighbours, a whole-pixel shift does not), so planes with different drift end up with different resolution; kept
 * for comparison with other software and for images where speed matters more than rim spectra. Positions outside the
 * image are clamped to the edge, as in {@link ImageShifter}; the output is {@code out(x, y) = plane(x + dx, y + dy)}.
 */
public final class BilinearShifter {

    private BilinearShifter() {
    }

    /** @throws IllegalArgumentException if the sizes do not match or the shift is not finite */
    public static float[] shift(float[] plane, int width, int height, double dx, double dy) {
        IntegerShifter.check(plane, width, height, dx, dy);
        float[] out = new float[width * height];
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        double[] tx = new double[width];
        for (int x = 0; x < width; x++) {
            double p = Math.max(0, Math.min(width - 1, x + dx));
            x0[x] = (int) Math.floor(p);
            x1[x] = Math.min(width - 1, x0[x] + 1);
            tx[x] = p - x0[x];
        }
        for (int y = 0; y < height; y++) {
            double p = Math.max(0, Math.min(height - 1, y + dy));
            int y0 = (int) Math.floor(p);
            int y1 = Math.min(height - 1, y0 + 1);
            double ty = p - y0;
            for (int x = 0; x < width; x++) {
                double top = plane[y0 * width + x0[x]] * (1 - tx[x]) + plane[y0 * width + x1[x]] * tx[x];
                double bottom = plane[y1 * width + x0[x]] * (1 - tx[x]) + plane[y1 * width + x1[x]] * tx[x];
                out[y * width + x] = (float) (top * (1 - ty) + bottom * ty);
            }
        }
        return out;
    }
}
