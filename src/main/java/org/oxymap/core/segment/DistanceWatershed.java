package org.oxymap.core.segment;

import java.util.Arrays;

import org.oxymap.core.distance.EuclideanDistanceTransform;
import org.oxymap.core.progress.ProgressListener;

/**
 * Splits touching particles by a marker-controlled watershed of the negated distance map (the classic split of
 * touching round objects: L. Vincent and P. Soille, IEEE Trans. PAMI 13 (1991) 583-598; F. Meyer, "Topographic
 * distance and watershed lines", Signal Processing 38 (1994) 113-125).
 *
 * <p>The distance map D (nm from each particle pixel to the background, anisotropic pixels) has one maximum per
 * round particle. Markers are its h-maxima: a regional maximum seeds its own particle only if its dynamic, the
 * height it rises above the saddle that joins it to a higher maximum, is at least h. The dynamics come from one
 * sweep over the pixels in decreasing D with union-find (the component tree): when components meet at a pixel of
 * height D, every component but the one with the highest peak ends there, with dynamic peak − D. The basins are
 * then grown from the markers by priority-queue flooding, highest D first (ties first come, first served), each
 * pixel taking the label of the neighbour that reached it. No watershed line is drawn: the split particles touch,
 * and every pixel of the input keeps a particle. Connectivity is 8 throughout.
 */
public final class DistanceWatershed {

    private static final String STAGE = "watershed";
    private static final int[] DX = {-1, 0, 1, -1, 1, -1, 0, 1};
    private static final int[] DY = {-1, -1, -1, 0, 0, 1, 1, 1};

    private final double hNm;

    /** @param hNm smallest dynamic of a distance maximum that seeds a particle, in nm (&gt; 0) */
    public DistanceWatershed(double hNm) {
        if (!(hNm > 0) || !Double.isFinite(hNm)) {
            throw new IllegalArgumentException("watershed seed depth is " + hNm + " nm, expected > 0");
        }
        this.hNm = hNm;
    }

    /**
     * Splits every particle of {@code labels} (0 = background) whose distance map has more than one h-maximum.
     *
     * @return a new label image numbered 1..n in raster order
     */
    public int[] split(int[] labels, int width, int height, double pixelWidthNm, double pixelHeightNm,
            ProgressListener listener) {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        boolean[] foreground = new boolean[labels.length];
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            foreground[i] = labels[i] != 0;
            if (foreground[i]) {
                n++;
            }
        }
        if (n == 0) {
            return labels.clone();
        }
        float[] distance = EuclideanDistanceTransform.distanceToOwnBoundary(labels, width, height, pixelWidthNm,
                pixelHeightNm, true, progress);
        progress.checkCancelled(STAGE);
        int[] order = decreasingOrder(distance, foreground, n);
        int[] seeds = seeds(order, labels, distance, width, height);
        progress.checkCancelled(STAGE);
        int[] basins = flood(seeds, labels, distance, width, height);
        return LabelImages.relabelInRasterOrder(basins);
    }

    /** Foreground pixel indices sorted by decreasing distance, ties by increasing index. */
    private static int[] decreasingOrder(float[] distance, boolean[] foreground, int n) {
        long[] keys = new long[n];
        int k = 0;
        for (int i = 0; i < distance.length; i++) {
            if (foreground[i]) {
                keys[k++] = rank(distance[i]) << 32 | i;
            }
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = (int) keys[j];
        }
        return order;
    }

    /** A non-negative rank that sorts larger distances first (float bits of non-negative floats are monotone). */
    private static long rank(float d) {
        return Integer.MAX_VALUE - (long) Float.floatToIntBits(d);
    }

    /** Marker image: 1..m at the peak pixel of every h-maximum, 0 elsewhere. */
    private int[] seeds(int[] order, int[] labels, float[] distance, int width, int height) {
        int[] parent = new int[labels.length];
        Arrays.fill(parent, -1);
        // per root: peak pixel (the first pixel of the component in the sweep, hence its highest)
        int[] peak = new int[labels.length];
        int[] seeds = new int[labels.length];
        int seedCount = 0;
        int[] roots = new int[8];
        for (int p : order) {
            int x = p % width;
            int y = p / width;
            int rootCount = 0;
            for (int k = 0; k < 8; k++) {
                int nx = x + DX[k];
                int ny = y + DY[k];
                if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                    continue;
                }
                int q = ny * width + nx;
                if (parent[q] < 0 || labels[q] != labels[p]) {
                    continue;
                }
                int r = find(parent, q);
                boolean known = false;
                for (int j = 0; j < rootCount; j++) {
                    known |= roots[j] == r;
                }
                if (!known) {
                    roots[rootCount++] = r;
                }
            }
            if (rootCount == 0) {
                parent[p] = p;
                peak[p] = p;
                continue;
            }
            // the survivor is the component whose peak came first in the sweep (highest, then lowest index)
            int survivor = roots[0];
            for (int j = 1; j < rootCount; j++) {
                if (before(peak[roots[j]], peak[survivor], distance)) {
                    survivor = roots[j];
                }
            }
            for (int j = 0; j < rootCount; j++) {
                int r = roots[j];
                if (r == survivor) {
                    continue;
                }
                if (distance[peak[r]] - distance[p] >= hNm) {
                    seeds[peak[r]] = ++seedCount;
                }
                parent[r] = survivor;
            }
            parent[p] = survivor;
        }
        for (int p : order) {
            if (parent[p] == p) {
                seeds[peak[p]] = ++seedCount;
            }
        }
        return seeds;
    }

    private static boolean before(int a, int b, float[] distance) {
        return distance[a] > distance[b] || (distance[a] == distance[b] && a < b);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Grows the markers over their particles, highest distance first. */
    private static int[] flood(int[] seeds, int[] labels, float[] distance, int width, int height) {
        int[] out = new int[labels.length];
        int[] pending = new int[labels.length];
        boolean[] queued = new boolean[labels.length];
        LongHeap heap = new LongHeap(labels.length);
        int[] pixelOf = new int[labels.length];
        int[] sequence = {0};
        for (int i = 0; i < seeds.length; i++) {
            if (seeds[i] > 0) {
                out[i] = seeds[i];
                queued[i] = true;
            }
        }
        for (int i = 0; i < seeds.length; i++) {
            if (seeds[i] > 0) {
                reach(i, out[i], labels, distance, width, height, queued, pending, heap, pixelOf, sequence);
            }
        }
        while (!heap.isEmpty()) {
            int p = pixelOf[(int) heap.pop()];
            out[p] = pending[p];
            reach(p, out[p], labels, distance, width, height, queued, pending, heap, pixelOf, sequence);
        }
        return out;
    }

    private static void reach(int p, int label, int[] labels, float[] distance, int width, int height,
            boolean[] queued, int[] pending, LongHeap heap, int[] pixelOf, int[] sequence) {
        int x = p % width;
        int y = p / width;
        for (int k = 0; k < 8; k++) {
            int nx = x + DX[k];
            int ny = y + DY[k];
            if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                continue;
            }
            int q = ny * width + nx;
            if (queued[q] || labels[q] != labels[p]) {
                continue;
            }
            queued[q] = true;
            pending[q] = label;
            int s = sequence[0]++;
            pixelOf[s] = q;
            heap.push(rank(distance[q]) << 32 | s);
        }
    }

    /** A binary min-heap of longs (key in the high bits, arrival sequence in the low bits). */
    private static final class LongHeap {
        private long[] a;
        private int size;

        LongHeap(int capacity) {
            a = new long[Math.max(16, Math.min(capacity, 1 << 16))];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(long v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, 2 * a.length);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (a[parent] <= v) {
                    break;
                }
                a[i] = a[parent];
                i = parent;
            }
            a[i] = v;
        }

        long pop() {
            long top = a[0];
            long last = a[--size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && a[child + 1] < a[child]) {
                    child++;
                }
                if (a[child] >= last) {
                    break;
                }
                a[i] = a[child];
                i = child;
            }
            a[i] = last;
            return top;
        }
    }
}
