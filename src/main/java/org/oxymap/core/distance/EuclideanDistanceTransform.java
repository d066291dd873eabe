package org.oxymap.core.distance;

import java.util.Arrays;

import org.oxymap.core.progress.ProgressListener;

/**
 * Exact Euclidean distance transform in linear time, after P. F. Felzenszwalb and D. P. Huttenlocher,
 * "Distance Transforms of Sampled Functions", Theory of Computing 8 (2012) 415-428.
 *
 * <p>The squared distance is separable: a 1-D transform along every row (sites are the background pixels),
 * then a 1-D transform along every column of the row result. Each 1-D transform takes the lower envelope of
 * the parabolas {@code f(q) + ((p - q) * spacing)^2}, built in one left-to-right sweep, and reads it off in a
 * second sweep. Pixel sizes may differ along x and y; distances are in nm between pixel centres.
 *
 * <p>Squared distances are accumulated in double exactly as {@code (dx*pw)*(dx*pw) + (dy*ph)*(dy*ph)}, and
 * each output sample re-evaluates its envelope parabola and both envelope neighbours with that formula and
 * keeps the smallest, so a breakpoint rounded to the wrong side of a grid point cannot pick a worse site.
 * When every squared term is exactly representable (e.g. integer or half-integer pixel sizes) results are
 * bitwise equal to brute force; otherwise they can differ from it only by double rounding, far below float
 * resolution.
 *
 * <p>Pixels outside the image are not background. A pixel that has no qualifying pixel anywhere in the
 * image (e.g. an image without background) gets {@link Float#POSITIVE_INFINITY}.
 */
public final class EuclideanDistanceTransform {

    private static final String STAGE = "distance transform";

    private EuclideanDistanceTransform() {
    }

    /** {@link #distanceToBackground(boolean[], int, int, double, double, ProgressListener)} without progress. */
    public static float[] distanceToBackground(boolean[] foreground, int width, int height,
            double pixelWidthNm, double pixelHeightNm) {
        return distanceToBackground(foreground, width, height, pixelWidthNm, pixelHeightNm, ProgressListener.NONE);
    }

    /**
     * Distance in nm from each foreground pixel centre to the nearest background pixel centre; 0 on background.
     * Every pixel is {@link Float#POSITIVE_INFINITY} if the image has no background pixel.
     *
     * @param listener may be null; polled once per row and per column
     */
    public static float[] distanceToBackground(boolean[] foreground, int width, int height,
            double pixelWidthNm, double pixelHeightNm, ProgressListener listener) {
        if (foreground == null) {
            throw new IllegalArgumentException("foreground must not be null");
        }
        checkGeometry(foreground.length, "foreground", width, height, pixelWidthNm, pixelHeightNm);
        float[] out = new float[foreground.length];
        distances(foreground, width, height, pixelWidthNm, pixelHeightNm, orNone(listener), true, new Scratch(),
                new double[foreground.length], out, 0, width);
        return out;
    }

    /** {@link #distanceToOwnBoundary(int[], int, int, double, double, boolean, ProgressListener)} without progress. */
    public static float[] distanceToOwnBoundary(int[] labels, int width, int height,
            double pixelWidthNm, double pixelHeightNm, boolean touchingCountsAsEdge) {
        return distanceToOwnBoundary(labels, width, height, pixelWidthNm, pixelHeightNm, touchingCountsAsEdge,
                ProgressListener.NONE);
    }

    /**
     * Distance in nm from each labelled pixel to the nearest background pixel (label 0) or, if
     * {@code touchingCountsAsEdge}, to the nearest pixel not carrying its own label; 0 on background.
     * A pixel with no such pixel in the image gets {@link Float#POSITIVE_INFINITY}.
     *
     * <p>Without touching edges one global transform of {@code label != 0} is exact. With them, each label is
     * transformed on its bounding box grown by one pixel (clipped to the image), so the cost is the sum of the
     * box areas. This is exact because clamping any non-own pixel q coordinate-wise into that grown box gives
     * a pixel that is still in the image, is no farther from the own pixel along either axis, and is non-own
     * (it is q itself, or it lies on the ring outside the bounding box).
     *
     * @param labels   0 = background, &gt;0 = particle id (ids need not be consecutive)
     * @param listener may be null; polled once per row and per column of each transform
     */
    public static float[] distanceToOwnBoundary(int[] labels, int width, int height,
            double pixelWidthNm, double pixelHeightNm, boolean touchingCountsAsEdge, ProgressListener listener) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        checkGeometry(labels.length, "labels", width, height, pixelWidthNm, pixelHeightNm);
        int[] range = labelRange(labels);
        int minLabel = range[0];
        int maxLabel = range[1];
        if (minLabel < 0) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0) {
                    throw new IllegalArgumentException("labels must be >= 0, found " + labels[i] + " at index " + i);
                }
            }
        }
        ProgressListener progress = orNone(listener);
        if (!touchingCountsAsEdge) {
            boolean[] foreground = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                foreground[i] = labels[i] != 0;
            }
            return distanceToBackground(foreground, width, height, pixelWidthNm, pixelHeightNm, progress);
        }
        return distanceToOtherLabels(labels, maxLabel, width, height, pixelWidthNm, pixelHeightNm, progress);
    }

    /**
     * {min, max} of the labels (with 0 included), from bands of the image in parallel: at 4096² this pass is as long
     * as the per-label transforms of a few thousand particles, so done serially it alone would cap the speed-up.
     */
    private static int[] labelRange(int[] labels) {
        int bands = Math.max(1, Math.min(labels.length >> 16, 4 * Runtime.getRuntime().availableProcessors()));
        int per = (labels.length + bands - 1) / bands;
        int[][] partial = new int[bands][];
        java.util.stream.IntStream.range(0, bands).parallel().forEach(band -> {
            int lo = 0;
            int hi = 0;
            int end = Math.min(labels.length, (band + 1) * per);
            for (int i = band * per; i < end; i++) {
                int v = labels[i];
                hi = v > hi ? v : hi;
                lo = v < lo ? v : lo;
            }
            partial[band] = new int[] {lo, hi};
        });
        int lo = 0;
        int hi = 0;
        for (int[] r : partial) {
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        return new int[] {lo, hi};
    }

    private static float[] distanceToOtherLabels(int[] labels, int maxLabel, int width, int height,
            double pw, double ph, ProgressListener listener) {
        int[] ids;
        int idCount;
        if (maxLabel <= labels.length) {
            ids = labels;
            idCount = maxLabel;
        } else {
            int[] distinct = Arrays.stream(labels).filter(l -> l != 0).distinct().sorted().toArray();
            ids = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                ids[i] = labels[i] == 0 ? 0 : Arrays.binarySearch(distinct, labels[i]) + 1;
            }
            idCount = distinct.length;
        }
        int[][] box = boundingBoxes(ids, idCount, width, height);
        int[] minX = box[0];
        int[] maxX = box[1];
        int[] minY = box[2];
        int[] maxY = box[3];
        long totalArea = 0;
        for (int id = 1; id <= idCount; id++) {
            if (maxX[id] >= 0) {
                totalArea += (long) grownSpan(minX[id], maxX[id], width) * grownSpan(minY[id], maxY[id], height);
            }
        }
        float[] out = new float[labels.length];
        java.util.concurrent.atomic.AtomicLong doneArea = new java.util.concurrent.atomic.AtomicLong();
        long area = totalArea;
        // Each label writes only its own pixels, so labels are transformed in parallel.
        java.util.stream.IntStream.rangeClosed(1, idCount).parallel().forEach(id -> {
            if (maxX[id] < 0) {
                return;
            }
            listener.checkCancelled(STAGE);
            int x0 = Math.max(0, minX[id] - 1);
            int y0 = Math.max(0, minY[id] - 1);
            int boxWidth = grownSpan(minX[id], maxX[id], width);
            int boxHeight = grownSpan(minY[id], maxY[id], height);
            Scratch scratch = SCRATCH.get();
            int boxArea = boxWidth * boxHeight;
            boolean[] own = scratch.own(boxArea);
            for (int by = 0; by < boxHeight; by++) {
                int from = (y0 + by) * width + x0;
                int to = by * boxWidth;
                for (int bx = 0; bx < boxWidth; bx++) {
                    own[to + bx] = ids[from + bx] == id;
                }
            }
            distances(own, boxWidth, boxHeight, pw, ph, listener, false, scratch, scratch.squared(boxArea), out,
                    y0 * width + x0, width);
            listener.progress(STAGE, doneArea.addAndGet((long) boxWidth * boxHeight), area);
        });
        return out;
    }

    /** Length of the span [min-1, max+1] clipped to [0, size-1]. */
    private static int grownSpan(int min, int max, int size) {
        return Math.min(size - 1, max + 1) - Math.max(0, min - 1) + 1;
    }

    /**
     * {minX, maxX, minY, maxY} of every id 1..idCount (index = id; max −1 for an absent id), from bands of rows in
     * parallel when there are few enough ids for each band to keep its own boxes.
     */
    private static int[][] boundingBoxes(int[] ids, int idCount, int width, int height) {
        int bands = idCount <= (1 << 16) ? Math.min(height, 4 * Runtime.getRuntime().availableProcessors()) : 1;
        int rowsPerBand = (height + bands - 1) / bands;
        int[][][] partial = new int[bands][][];
        java.util.stream.IntStream.range(0, bands).parallel().forEach(band -> {
            int[][] b = emptyBoxes(idCount);
            int y1 = Math.min(height, (band + 1) * rowsPerBand);
            for (int y = band * rowsPerBand; y < y1; y++) {
                int row = y * width;
                int x = 0;
                while (x < width) {
                    int id = ids[row + x];
                    if (id == 0) {
                        x++;
                        continue;
                    }
                    int start = x;
                    while (x + 1 < width && ids[row + x + 1] == id) {
                        x++;
                    }
                    if (start < b[0][id]) {
                        b[0][id] = start;
                    }
                    if (x > b[1][id]) {
                        b[1][id] = x;
                    }
                    if (y < b[2][id]) {
                        b[2][id] = y;
                    }
                    b[3][id] = y;
                    x++;
                }
            }
            partial[band] = b;
        });
        int[][] box = partial[0];
        for (int band = 1; band < bands; band++) {
            int[][] b = partial[band];
            for (int id = 1; id <= idCount; id++) {
                box[0][id] = Math.min(box[0][id], b[0][id]);
                box[1][id] = Math.max(box[1][id], b[1][id]);
                box[2][id] = Math.min(box[2][id], b[2][id]);
                box[3][id] = Math.max(box[3][id], b[3][id]);
            }
        }
        return box;
    }

    private static int[][] emptyBoxes(int idCount) {
        int[][] b = new int[4][idCount + 1];
        Arrays.fill(b[0], Integer.MAX_VALUE);
        Arrays.fill(b[1], -1);
        Arrays.fill(b[2], Integer.MAX_VALUE);
        Arrays.fill(b[3], -1);
        return b;
    }

    /**
     * Distance to the nearest {@code false} pixel of {@code inside} (+infinity when there is none) written for every
     * {@code true} pixel (x, y) to {@code out[outOffset + y * outStride + x]}; {@code out} is not written elsewhere.
     * {@code g} (length width*height) holds the row pass's squared distances.
     *
     * <p>The row pass has a binary input (0 or +infinity), so its lower envelope is the nearest site to the left
     * or right: two sweeps per row give the same squared distance {@code ((p - q) * spacing)^2} as the envelope,
     * at a fraction of its cost. The column pass runs the envelope over each run of {@code true} pixels of a
     * column together with the {@code false} pixel at either end: a site beyond such a pixel is farther and has
     * f &ge; 0, so it can never be nearer than that pixel, whose f is 0, and floating-point rounding keeps the
     * order. Background pixels are not written (the caller's 0 stays).
     */
    private static void distances(boolean[] inside, int width, int height, double pw, double ph,
            ProgressListener listener, boolean reportProgress, Scratch scratch, double[] g, float[] out,
            int outOffset, int outStride) {
        scratch.lines(Math.max(width, height));
        double[] f = scratch.f;
        double[] d = scratch.d;
        int[] sites = scratch.sites;
        double[] breaks = scratch.breaks;
        long total = (long) width + height;
        long every = Math.max(1, total / 100);

        for (int y = 0; y < height; y++) {
            listener.checkCancelled(STAGE);
            nearestSiteInRow(inside, y * width, width, pw, g);
            if (reportProgress && (y + 1) % every == 0) {
                listener.progress(STAGE, y + 1, total);
            }
        }
        for (int x = 0; x < width; x++) {
            listener.checkCancelled(STAGE);
            int y = 0;
            while (y < height) {
                if (!inside[y * width + x]) {
                    y++;
                    continue;
                }
                int first = y;
                while (y + 1 < height && inside[(y + 1) * width + x]) {
                    y++;
                }
                int last = y;
                int lo = Math.max(0, first - 1);
                int hi = Math.min(height - 1, last + 1);
                int n = hi - lo + 1;
                for (int i = 0; i < n; i++) {
                    f[i] = g[(lo + i) * width + x];
                }
                lowerEnvelope(f, n, ph, d, sites, breaks);
                for (int yy = first; yy <= last; yy++) {
                    out[outOffset + yy * outStride + x] = (float) Math.sqrt(d[yy - lo]);
                }
                y++;
            }
            if (reportProgress && (height + x + 1) % every == 0) {
                listener.progress(STAGE, height + x + 1, total);
            }
        }
        if (reportProgress) {
            listener.progress(STAGE, total, total);
        }
    }

    /** Row pass: squared distance along the row to the nearest {@code false} pixel, +infinity when there is none. */
    private static void nearestSiteInRow(boolean[] inside, int row, int width, double pw, double[] g) {
        int last = -1;
        for (int x = 0; x < width; x++) {
            if (!inside[row + x]) {
                last = x;
                g[row + x] = 0.0;
            } else if (last < 0) {
                g[row + x] = Double.POSITIVE_INFINITY;
            } else {
                double offset = (x - last) * pw;
                g[row + x] = offset * offset;
            }
        }
        last = -1;
        for (int x = width - 1; x >= 0; x--) {
            if (!inside[row + x]) {
                last = x;
            } else if (last >= 0) {
                double offset = (x - last) * pw;
                double s = offset * offset;
                if (s < g[row + x]) {
                    g[row + x] = s;
                }
            }
        }
    }

    /**
     * Work arrays of one thread, grown on demand and reused across the labels it transforms (thousands of small
     * allocations per image otherwise kept the collector busy on both cores).
     */
    private static final class Scratch {
        /** Boxes larger than this (9 MB of work arrays) are allocated per label and not kept. */
        private static final int KEPT_AREA = 1 << 20;

        private boolean[] own = new boolean[0];
        private double[] squared = new double[0];
        private double[] f = new double[0];
        private double[] d = new double[0];
        private int[] sites = new int[0];
        private double[] breaks = new double[1];

        boolean[] own(int area) {
            if (area > KEPT_AREA) {
                return new boolean[area];
            }
            if (own.length < area) {
                own = new boolean[area];
            }
            return own;
        }

        double[] squared(int area) {
            if (area > KEPT_AREA) {
                return new double[area];
            }
            if (squared.length < area) {
                squared = new double[area];
            }
            return squared;
        }

        void lines(int longest) {
            if (f.length < longest) {
                f = new double[longest];
                d = new double[longest];
                sites = new int[longest];
                breaks = new double[longest + 1];
            }
        }
    }

    /** Per-label work arrays of each thread. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * One-dimensional transform {@code d(p) = min_q f(q) + ((p - q) * spacing)^2} over the finite {@code f(q)}
     * (Felzenszwalb and Huttenlocher, algorithm DT(f)); all +infinity when no {@code f(q)} is finite.
     */
    private static void lowerEnvelope(double[] f, int n, double spacing, double[] d, int[] sites, double[] breaks) {
        double spacingSquared = spacing * spacing;
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            if (k < 0) {
                k = 0;
                sites[0] = q;
                breaks[0] = Double.NEGATIVE_INFINITY;
                breaks[1] = Double.POSITIVE_INFINITY;
                continue;
            }
            double s = intersection(f, sites[k], q, spacingSquared);
            while (s <= breaks[k]) {
                k--;
                s = intersection(f, sites[k], q, spacingSquared);
            }
            k++;
            sites[k] = q;
            breaks[k] = s;
            breaks[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            Arrays.fill(d, 0, n, Double.POSITIVE_INFINITY);
            return;
        }
        int j = 0;
        for (int p = 0; p < n; p++) {
            while (breaks[j + 1] < p) {
                j++;
            }
            double best = parabola(f, sites[j], p, spacing);
            if (j > 0) {
                best = Math.min(best, parabola(f, sites[j - 1], p, spacing));
            }
            if (j < k) {
                best = Math.min(best, parabola(f, sites[j + 1], p, spacing));
            }
            d[p] = best;
        }
    }

    /** Abscissa (in pixels) where the parabolas rooted at sites v &lt; q meet. */
    private static double intersection(double[] f, int v, int q, double spacingSquared) {
        return ((f[q] - f[v]) / (spacingSquared * (q - v)) + (q + v)) / 2.0;
    }

    private static double parabola(double[] f, int site, int p, double spacing) {
        double offset = (p - site) * spacing;
        return f[site] + offset * offset;
    }

    private static void checkGeometry(int length, String name, int width, int height, double pw, double ph) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be positive, got " + width + " x " + height);
        }
        if ((long) width * height != length) {
            throw new IllegalArgumentException(name + " length must be width*height = " + (long) width * height
                    + ", got " + length);
        }
        if (!(pw > 0) || !Double.isFinite(pw)) {
            throw new IllegalArgumentException("pixelWidthNm must be finite and > 0, got " + pw);
        }
        if (!(ph > 0) || !Double.isFinite(ph)) {
            throw new IllegalArgumentException("pixelHeightNm must be finite and > 0, got " + ph);
        }
    }

    private static ProgressListener orNone(ProgressListener listener) {
        return listener == null ? ProgressListener.NONE : listener;
    }
}
