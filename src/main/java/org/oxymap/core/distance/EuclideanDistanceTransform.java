package org.oxymap.core.distance;

import java.util.Arrays;
import java.util.concurrent.ForkJoinTask;

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
        ProgressListener progress = orNone(listener);
        if (!touchingCountsAsEdge) {
            boolean[] foreground = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0) {
                    throw negativeLabel(labels[i], i);
                }
                foreground[i] = labels[i] != 0;
            }
            return distanceToBackground(foreground, width, height, pixelWidthNm, pixelHeightNm, progress);
        }
        // The output's allocation (zeroing tens of MB on one thread) overlaps the scan for the bounding boxes.
        ForkJoinTask<float[]> output = ForkJoinTask.adapt(() -> new float[labels.length]).fork();
        Boxes boxes = Boxes.of(labels, width, height);
        int[] ids = labels;
        if (boxes.maxLabel > labels.length) {
            // ids far beyond the pixel count would make the per-id tables huge: number them 1..n first
            int[] distinct = Arrays.stream(labels).filter(l -> l != 0).distinct().sorted().toArray();
            ids = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                ids[i] = labels[i] == 0 ? 0 : Arrays.binarySearch(distinct, labels[i]) + 1;
            }
            boxes = Boxes.of(ids, width, height);
        }
        return distanceToOtherLabels(ids, boxes, output.join(), width, height, pixelWidthNm, pixelHeightNm,
                progress);
    }

    private static IllegalArgumentException negativeLabel(int label, int index) {
        return new IllegalArgumentException("labels must be >= 0, found " + label + " at index " + index);
    }

    /**
     * Bounding box {minX, maxX, minY, maxY} of every label (index = label; max −1 for an absent label) and the largest
     * label, found in one scan of the runs of equal labels, in bands of rows in parallel. Each band grows its own tables
     * to the largest label it meets, so no separate pass for the label range is needed.
     */
    private static final class Boxes {
        /**
         * Largest label for which every band keeps tables of its own; with more labels (e.g. one per pixel) the
         * bands' tables together would be several times the image, so one band scans the whole image instead.
         */
        private static final int BANDED_LABELS = 1 << 16;

        int maxLabel;
        int[] minX = new int[0];
        int[] maxX = new int[0];
        int[] minY = new int[0];
        int[] maxY = new int[0];
        /** Grow no table beyond this label; a band that meets a larger one stops (see {@link #BANDED_LABELS}). */
        private final int tableLimit;
        private boolean overflowed;
        /** Index of the first negative label met (the scan stops there), −1 for none. */
        private int negativeAt = -1;
        private int negativeLabel;

        private Boxes(int tableLimit) {
            this.tableLimit = tableLimit;
        }

        static Boxes of(int[] labels, int width, int height) {
            int bands = Math.min(height, 4 * Runtime.getRuntime().availableProcessors());
            int rowsPerBand = (height + bands - 1) / bands;
            Boxes[] partial = new Boxes[bands];
            java.util.stream.IntStream.range(0, bands).parallel().forEach(band -> {
                Boxes b = new Boxes(BANDED_LABELS);
                int y1 = Math.min(height, (band + 1) * rowsPerBand);
                for (int y = band * rowsPerBand; y < y1 && !b.overflowed && b.negativeAt < 0; y++) {
                    b.scanRow(labels, y, width);
                }
                partial[band] = b;
            });
            // thrown here, not in the band's thread, so that the message is the scan's own; the first band with one
            for (Boxes b : partial) {
                b.throwIfNegative();
            }
            if (java.util.Arrays.stream(partial).anyMatch(b -> b.overflowed)) {
                Boxes one = new Boxes(Integer.MAX_VALUE);
                for (int y = 0; y < height && one.negativeAt < 0; y++) {
                    one.scanRow(labels, y, width);
                }
                one.throwIfNegative();
                return one;
            }
            Boxes all = partial[0];
            for (int band = 1; band < bands; band++) {
                all.merge(partial[band]);
            }
            return all;
        }

        private void scanRow(int[] labels, int y, int width) {
            int row = y * width;
            int x = 0;
            while (x < width) {
                int id = labels[row + x];
                if (id == 0) {
                    x++;
                    continue;
                }
                int start = x;
                while (x + 1 < width && labels[row + x + 1] == id) {
                    x++;
                }
                if (id < 0) {
                    negativeAt = row + start;
                    negativeLabel = id;
                    return;
                }
                maxLabel = Math.max(maxLabel, id);
                if (id > labels.length) { // only the largest label is needed: the caller renumbers
                    x++;
                    continue;
                }
                if (id >= minX.length) {
                    if (id > tableLimit) {
                        overflowed = true;
                        return;
                    }
                    grow(id);
                }
                if (start < minX[id]) {
                    minX[id] = start;
                }
                if (x > maxX[id]) {
                    maxX[id] = x;
                }
                if (y < minY[id]) {
                    minY[id] = y;
                }
                maxY[id] = y;
                x++;
            }
        }

        /** Makes room for labels up to {@code id} (tables at least doubled, so growing costs O(maxLabel) in all). */
        private void grow(int id) {
            int old = minX.length;
            int size = Math.max(id + 1, Math.min(Integer.MAX_VALUE - 8, 2 * old));
            minX = Arrays.copyOf(minX, size);
            maxX = Arrays.copyOf(maxX, size);
            minY = Arrays.copyOf(minY, size);
            maxY = Arrays.copyOf(maxY, size);
            Arrays.fill(minX, old, size, Integer.MAX_VALUE);
            Arrays.fill(maxX, old, size, -1);
            Arrays.fill(minY, old, size, Integer.MAX_VALUE);
            Arrays.fill(maxY, old, size, -1);
        }

        private void merge(Boxes b) {
            maxLabel = Math.max(maxLabel, b.maxLabel);
            if (b.minX.length > minX.length) {
                grow(b.minX.length - 1);
            }
            int n = b.minX.length;
            for (int id = 1; id < n; id++) {
                minX[id] = Math.min(minX[id], b.minX[id]);
                maxX[id] = Math.max(maxX[id], b.maxX[id]);
                minY[id] = Math.min(minY[id], b.minY[id]);
                maxY[id] = Math.max(maxY[id], b.maxY[id]);
            }
        }

        private void throwIfNegative() {
            if (negativeAt >= 0) {
                throw negativeLabel(negativeLabel, negativeAt);
            }
        }

        boolean present(int id) {
            return id < maxX.length && maxX[id] >= 0;
        }
    }

    private static float[] distanceToOtherLabels(int[] ids, Boxes boxes, float[] out, int width, int height,
            double pw, double ph, ProgressListener listener) {
        int idCount = Math.min(boxes.maxLabel, boxes.maxX.length - 1);
        long totalArea = 0;
        for (int id = 1; id <= idCount; id++) {
            if (boxes.present(id)) {
                totalArea += (long) grownSpan(boxes.minX[id], boxes.maxX[id], width)
                        * grownSpan(boxes.minY[id], boxes.maxY[id], height);
            }
        }
        java.util.concurrent.atomic.AtomicLong doneArea = new java.util.concurrent.atomic.AtomicLong();
        long area = totalArea;
        // Each label writes only its own pixels, so labels are transformed in parallel.
        java.util.stream.IntStream.rangeClosed(1, idCount).parallel().forEach(id -> {
            if (!boxes.present(id)) {
                return;
            }
            listener.checkCancelled(STAGE);
            int x0 = Math.max(0, boxes.minX[id] - 1);
            int y0 = Math.max(0, boxes.minY[id] - 1);
            int boxWidth = grownSpan(boxes.minX[id], boxes.maxX[id], width);
            int boxHeight = grownSpan(boxes.minY[id], boxes.maxY[id], height);
            Scratch scratch = SCRATCH.get();
            double[] g = scratch.squared(boxWidth * boxHeight);
            for (int by = 0; by < boxHeight; by++) {
                nearestOtherInRow(ids, (y0 + by) * width + x0, id, boxWidth, pw, g, by * boxWidth);
            }
            columnPass(g, boxWidth, boxHeight, ph, listener, false, scratch, out, y0 * width + x0, width);
            listener.progress(STAGE, doneArea.addAndGet((long) boxWidth * boxHeight), area);
        });
        return out;
    }

    /** Length of the span [min-1, max+1] clipped to [0, size-1]. */
    private static int grownSpan(int min, int max, int size) {
        return Math.min(size - 1, max + 1) - Math.max(0, min - 1) + 1;
    }

    /**
     * Distance to the nearest {@code false} pixel of {@code inside} (+infinity when there is none) written for every
     * {@code true} pixel (x, y) to {@code out[outOffset + y * outStride + x]}; {@code out} is not written elsewhere.
     * {@code g} (length width*height) holds the row pass's squared distances.
     */
    private static void distances(boolean[] inside, int width, int height, double pw, double ph,
            ProgressListener listener, boolean reportProgress, Scratch scratch, double[] g, float[] out,
            int outOffset, int outStride) {
        long total = (long) width + height;
        long every = Math.max(1, total / 100);
        for (int y = 0; y < height; y++) {
            listener.checkCancelled(STAGE);
            nearestSiteInRow(inside, y * width, width, pw, g);
            if (reportProgress && (y + 1) % every == 0) {
                listener.progress(STAGE, y + 1, total);
            }
        }
        columnPass(g, width, height, ph, listener, reportProgress, scratch, out, outOffset, outStride);
    }

    /**
     * The column pass over the row pass's squared distances {@code g}, which are 0 exactly on the sites (pixels not
     * inside) and positive elsewhere. It runs the envelope over each run of inside pixels of a column together with
     * the site at either end: a site beyond such a pixel is farther and has f &ge; 0, so it can never be nearer than
     * that pixel, whose f is 0, and floating-point rounding keeps the order. Only inside pixels are written.
     */
    private static void columnPass(double[] g, int width, int height, double ph, ProgressListener listener,
            boolean reportProgress, Scratch scratch, float[] out, int outOffset, int outStride) {
        scratch.lines(height);
        double[] f = scratch.f;
        double[] d = scratch.d;
        int[] sites = scratch.sites;
        double[] breaks = scratch.breaks;
        long total = (long) width + height;
        long every = Math.max(1, total / 100);
        for (int x = 0; x < width; x++) {
            listener.checkCancelled(STAGE);
            int y = 0;
            while (y < height) {
                if (g[y * width + x] == 0.0) {
                    y++;
                    continue;
                }
                int first = y;
                while (y + 1 < height && g[(y + 1) * width + x] != 0.0) {
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
        int x = 0;
        while (x < width) {
            if (!inside[row + x]) {
                g[row + x] = 0.0;
                x++;
                continue;
            }
            int start = x;
            while (x + 1 < width && inside[row + x + 1]) {
                x++;
            }
            runDistances(start, x, width, pw, g, row);
            x++;
        }
    }

    /**
     * Row pass of one label inside its box: squared distance along the box row to the nearest pixel not carrying
     * {@code id} (0 on those pixels), +infinity when the box row has none. Reads the labels directly.
     */
    private static void nearestOtherInRow(int[] ids, int from, int id, int width, double pw, double[] g, int row) {
        int x = 0;
        while (x < width) {
            if (ids[from + x] != id) {
                g[row + x] = 0.0;
                x++;
                continue;
            }
            int start = x;
            while (x + 1 < width && ids[from + x + 1] == id) {
                x++;
            }
            runDistances(start, x, width, pw, g, row);
            x++;
        }
    }

    /**
     * Squared distances of the run [start, end] of a row to the nearer of the sites just outside it, start − 1 and
     * end + 1 (a site exists only inside the row): ((p − q) · spacing)², as the envelope of the binary row gives.
     */
    private static void runDistances(int start, int end, int width, double pw, double[] g, int row) {
        boolean left = start > 0;
        boolean right = end < width - 1;
        for (int x = start; x <= end; x++) {
            int toSite = !left ? end + 1 - x : !right ? x - start + 1 : Math.min(x - start + 1, end + 1 - x);
            double offset = toSite * pw;
            g[row + x] = left || right ? offset * offset : Double.POSITIVE_INFINITY;
        }
    }

    /**
     * Work arrays of one thread, grown on demand and reused across the labels it transforms (thousands of small
     * allocations per image otherwise kept the collector busy on both cores).
     */
    private static final class Scratch {
        /** Boxes larger than this (9 MB of work arrays) are allocated per label and not kept. */
        private static final int KEPT_AREA = 1 << 20;

        private double[] squared = new double[0];
        private double[] f = new double[0];
        private double[] d = new double[0];
        private int[] sites = new int[0];
        private double[] breaks = new double[1];

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
