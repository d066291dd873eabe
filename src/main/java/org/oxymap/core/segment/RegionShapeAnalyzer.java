package org.oxymap.core.segment;

import java.util.Arrays;

/**
 * Shape descriptors of every region of a label image, each computed on the region's bounding box.
 *
 * <p><b>Perimeter</b> by the Cauchy–Crofton formula discretised in four directions (horizontal, vertical and the
 * two pixel diagonals): P = ½ Σ_k w_k·s_k·N_k, with N_k the number of region-boundary crossings along the grid
 * lines of direction k, s_k the spacing of those lines and w_k the angle each direction stands for (π/4 each on
 * square pixels; for w × h pixels the diagonals lie at ±atan(h/w)). See D. Legland, K. Kiêu and M.-F. Devaux,
 * "Computation of Minkowski measures on 2D and 3D binary images", Image Anal. Stereol. 26 (2007) 83-92 (as in
 * MorphoLibJ). Unlike counting pixel edges, which overestimates a disc's perimeter by 4/π, it gives a digital disc
 * a circularity close to 1, so a circularity limit means the same for small and large particles.
 *
 * <p><b>Convex area</b> as the number of grid points (pixel centres) inside or on the convex hull of the region's
 * pixel centres (hull by Andrew's monotone chain, counting row by row in exact integer arithmetic), so solidity =
 * pixels / convex pixels is exactly 1 for a digitally convex region and the ratio does not depend on the pixel
 * aspect.
 */
public final class RegionShapeAnalyzer {

    private RegionShapeAnalyzer() {
    }

    /**
     * Shapes of regions 1..count (index = label − 1) of a label image with labels 0..count; a label without pixels
     * gets a shape of 0 pixels.
     */
    public static RegionShape[] analyze(int[] labels, int count, int width, int height, double pixelWidthNm,
            double pixelHeightNm) {
        if (labels == null || width <= 0 || height <= 0 || (long) width * height != labels.length) {
            throw new IllegalArgumentException("label image must have width*height = " + (long) width * height
                    + " pixels");
        }
        int[] minX = new int[count + 1];
        int[] maxX = new int[count + 1];
        int[] minY = new int[count + 1];
        int[] maxY = new int[count + 1];
        int[] pixels = new int[count + 1];
        Arrays.fill(minX, Integer.MAX_VALUE);
        Arrays.fill(minY, Integer.MAX_VALUE);
        boolean[] touches = new boolean[count + 1];
        boolean[] interior = new boolean[count + 1];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int l = labels[y * width + x];
                if (l == 0) {
                    continue;
                }
                if (l < 0 || l > count) {
                    throw new IllegalArgumentException("label " + l + " at (" + x + ", " + y + ") is outside 0.."
                            + count);
                }
                pixels[l]++;
                minX[l] = Math.min(minX[l], x);
                maxX[l] = Math.max(maxX[l], x);
                minY[l] = Math.min(minY[l], y);
                maxY[l] = Math.max(maxY[l], y);
                boolean allOwn = true;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if (dx == 0 && dy == 0) {
                            continue;
                        }
                        int q = labelAt(labels, width, height, x + dx, y + dy);
                        if (q != 0 && q != l) {
                            touches[l] = true;
                        }
                        if ((dx == 0 || dy == 0) && q != l) {
                            allOwn = false;
                        }
                    }
                }
                interior[l] |= allOwn;
            }
        }
        double diagonalAngle = Math.atan2(pixelHeightNm, pixelWidthNm);
        double diagonalSpacing = pixelWidthNm * pixelHeightNm / Math.hypot(pixelWidthNm, pixelHeightNm);
        RegionShape[] out = new RegionShape[count];
        for (int l = 1; l <= count; l++) {
            if (pixels[l] == 0) {
                out[l - 1] = new RegionShape(0, 0, 0, false, false);
                continue;
            }
            long[] crossings = crossings(labels, width, height, l, minX[l], maxX[l], minY[l], maxY[l]);
            double perimeter = 0.5 * (diagonalAngle * pixelHeightNm * crossings[0]
                    + (Math.PI / 2 - diagonalAngle) * pixelWidthNm * crossings[1]
                    + Math.PI / 4 * diagonalSpacing * (crossings[2] + crossings[3]));
            long convex = convexPixels(labels, width, l, minX[l], maxX[l], minY[l], maxY[l]);
            out[l - 1] = new RegionShape(pixels[l], perimeter, convex, interior[l], touches[l]);
        }
        return out;
    }

    private static int labelAt(int[] labels, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : labels[y * width + x];
    }

    /**
     * Boundary crossings of region l along rows, columns, diagonals (+1, +1) and anti-diagonals (+1, −1): pairs of
     * consecutive grid points, one in the region and one not (outside the image counts as not).
     */
    private static long[] crossings(int[] labels, int width, int height, int l, int x0, int x1, int y0, int y1) {
        long[] n = new long[4];
        for (int y = y0 - 1; y <= y1 + 1; y++) {
            for (int x = x0 - 1; x <= x1 + 1; x++) {
                boolean in = labelAt(labels, width, height, x, y) == l;
                if (in != (labelAt(labels, width, height, x + 1, y) == l)) {
                    n[0]++;
                }
                if (in != (labelAt(labels, width, height, x, y + 1) == l)) {
                    n[1]++;
                }
                if (in != (labelAt(labels, width, height, x + 1, y + 1) == l)) {
                    n[2]++;
                }
                if (in != (labelAt(labels, width, height, x + 1, y - 1) == l)) {
                    n[3]++;
                }
            }
        }
        return n;
    }

    /** Grid points inside or on the convex hull of the region's pixel centres. */
    private static long convexPixels(int[] labels, int width, int l, int x0, int x1, int y0, int y1) {
        // the leftmost and rightmost pixel of each row span the hull
        int rows = y1 - y0 + 1;
        long[] points = new long[2 * rows];
        int m = 0;
        for (int y = y0; y <= y1; y++) {
            int left = -1;
            int right = -1;
            for (int x = x0; x <= x1; x++) {
                if (labels[y * width + x] == l) {
                    if (left < 0) {
                        left = x;
                    }
                    right = x;
                }
            }
            if (left >= 0) {
                points[m++] = pack(left, y);
                if (right != left) {
                    points[m++] = pack(right, y);
                }
            }
        }
        int[][] hull = hull(Arrays.copyOf(points, m));
        long total = 0;
        for (int y = y0; y <= y1; y++) {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (int i = 0; i < hull.length; i++) {
                int[] a = hull[i];
                int[] b = hull[(i + 1) % hull.length];
                if (a[1] == y && b[1] == y) {
                    lo = Math.min(lo, Math.min(a[0], b[0]));
                    hi = Math.max(hi, Math.max(a[0], b[0]));
                } else if ((a[1] - y) * (long) (b[1] - y) <= 0 && a[1] != b[1]) {
                    // x = a.x + (y − a.y)(b.x − a.x)/(b.y − a.y) as num/den with den > 0
                    long num = (long) a[0] * (b[1] - a[1]) + (long) (y - a[1]) * (b[0] - a[0]);
                    long den = b[1] - a[1];
                    if (den < 0) {
                        num = -num;
                        den = -den;
                    }
                    lo = Math.min(lo, -Math.floorDiv(-num, den));
                    hi = Math.max(hi, Math.floorDiv(num, den));
                }
            }
            if (hull.length == 1) {
                lo = hull[0][0];
                hi = hull[0][0];
            }
            if (hi >= lo) {
                total += hi - lo + 1;
            }
        }
        return total;
    }

    private static long pack(int x, int y) {
        return (long) x << 32 | (y & 0xffffffffL);
    }

    /** Convex hull (counter-clockwise, no collinear points) of packed points; one point for a single pixel. */
    private static int[][] hull(long[] packed) {
        Arrays.sort(packed); // by x, then y
        int n = packed.length;
        int[][] p = new int[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new int[] {(int) (packed[i] >> 32), (int) packed[i]};
        }
        if (n <= 2) {
            return n == 2 && p[0][0] == p[1][0] && p[0][1] == p[1][1] ? new int[][] {p[0]} : p;
        }
        int[][] h = new int[2 * n][];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0) {
                k--;
            }
            h[k++] = p[i];
        }
        for (int i = n - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(h[k - 2], h[k - 1], p[i]) <= 0) {
                k--;
            }
            h[k++] = p[i];
        }
        return Arrays.copyOf(h, Math.max(1, k - 1));
    }

    private static long cross(int[] o, int[] a, int[] b) {
        return (long) (a[0] - o[0]) * (b[1] - o[1]) - (long) (a[1] - o[1]) * (b[0] - o[0]);
    }
}
