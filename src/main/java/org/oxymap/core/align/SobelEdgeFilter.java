package org.oxymap.core.align;

/**
 * Gradient magnitude by the 3×3 Sobel operator (I. Sobel and G. Feldman, 1968; e.g. R. C. Gonzalez and R. E. Woods,
 * <i>Digital Image Processing</i>, 4th ed., §10.2). Correlating edge images rather than intensities makes the
 * alignment follow particle outlines, which stay put across an absorption edge, instead of the contrast inside the
 * particles, which changes (and can invert) from below to above the edge. Border pixels use edge replication.
 */
public final class SobelEdgeFilter {

    private SobelEdgeFilter() {
    }

    /** {@code sqrt(Gx² + Gy²)} of a row-major plane. */
    public static float[] magnitude(float[] plane, int width, int height) {
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            int ym = Math.max(0, y - 1) * width;
            int y0 = y * width;
            int yp = Math.min(height - 1, y + 1) * width;
            for (int x = 0; x < width; x++) {
                int xm = Math.max(0, x - 1);
                int xp = Math.min(width - 1, x + 1);
                double gx = (plane[ym + xp] + 2.0 * plane[y0 + xp] + plane[yp + xp])
                        - (plane[ym + xm] + 2.0 * plane[y0 + xm] + plane[yp + xm]);
                double gy = (plane[yp + xm] + 2.0 * plane[yp + x] + plane[yp + xp])
                        - (plane[ym + xm] + 2.0 * plane[ym + x] + plane[ym + xp]);
                out[y0 + x] = (float) Math.hypot(gx, gy);
            }
        }
        return out;
    }
}
