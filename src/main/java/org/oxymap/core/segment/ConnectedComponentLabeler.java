package org.oxymap.core.segment;

import java.util.Arrays;

/**
 * Connected-component labelling by the classic two-pass algorithm with union-find (Rosenfeld and Pfaltz,
 * "Sequential Operations in Digital Picture Processing", J. ACM 13 (1966); union-find as in Wu, Otoo and Suzuki,
 * "Optimizing two-pass connected-component labeling algorithms", Pattern Anal. Appl. 12 (2009)).
 *
 * <p>The first raster pass gives each foreground pixel the provisional label of an already visited neighbour
 * (west, north, and for 8-connectivity north-west and north-east) or a new one, and records the equivalence of
 * neighbouring labels in a union-find forest whose roots are the smallest provisional label. The second pass
 * replaces each provisional label by its root and numbers roots 1..n in raster order of their first pixel.
 */
public final class ConnectedComponentLabeler {

    private ConnectedComponentLabeler() {
    }

    /**
     * Labels connected foreground regions 1..n in raster order of each component's first pixel; background is 0.
     *
     * @param eightConnected true to join diagonal neighbours, false for 4-connectivity
     */
    public static int[] label(boolean[] foreground, int width, int height, boolean eightConnected) {
        if (foreground == null) {
            throw new IllegalArgumentException("foreground must not be null");
        }
        checkSize(foreground.length, "foreground", width, height);
        int[] labels = new int[foreground.length];
        int[] parent = new int[foreground.length / 2 + 2];
        int next = 1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (!foreground[i]) {
                    continue;
                }
                int current = 0;
                current = join(parent, current, x > 0 ? labels[i - 1] : 0);
                if (y > 0) {
                    int up = i - width;
                    current = join(parent, current, labels[up]);
                    if (eightConnected) {
                        current = join(parent, current, x > 0 ? labels[up - 1] : 0);
                        current = join(parent, current, x < width - 1 ? labels[up + 1] : 0);
                    }
                }
                if (current == 0) {
                    if (next >= parent.length) {
                        parent = Arrays.copyOf(parent, Math.min(foreground.length + 1, 2 * parent.length));
                    }
                    parent[next] = next;
                    current = next++;
                }
                labels[i] = current;
            }
        }
        int[] finalLabel = new int[next];
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0) {
                int root = find(parent, labels[i]);
                if (finalLabel[root] == 0) {
                    finalLabel[root] = ++count;
                }
                labels[i] = finalLabel[root];
            }
        }
        return labels;
    }

    /**
     * Sets components with fewer than {@code minPixels} pixels to 0 and renumbers the others 1..m in raster order
     * of their first pixel.
     *
     * @param labels    0 = background, 1..n as produced by {@link #label}; ids must not exceed width*height
     * @param minPixels smallest component size kept, &gt;= 0
     */
    public static int[] removeSmall(int[] labels, int width, int height, int minPixels) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        checkSize(labels.length, "labels", width, height);
        if (minPixels < 0) {
            throw new IllegalArgumentException("minPixels must be >= 0, got " + minPixels);
        }
        int max = count(labels);
        if (max > labels.length) {
            throw new IllegalArgumentException("labels must be at most width*height = " + labels.length
                    + ", found " + max);
        }
        int[] size = new int[max + 1];
        for (int label : labels) {
            size[label]++;
        }
        int[] renumber = new int[max + 1];
        int kept = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label == 0 || size[label] < minPixels) {
                continue;
            }
            if (renumber[label] == 0) {
                renumber[label] = ++kept;
            }
            out[i] = renumber[label];
        }
        return out;
    }

    /** Largest label, i.e. the number of components of a label image from {@link #label}; 0 if none. */
    public static int count(int[] labels) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        int max = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("labels must be >= 0, found " + labels[i] + " at index " + i);
            }
            max = Math.max(max, labels[i]);
        }
        return max;
    }

    /** Merges the sets of two provisional labels (0 = none) and returns the root, the smaller label. */
    private static int join(int[] parent, int a, int b) {
        if (b == 0) {
            return a == 0 ? 0 : find(parent, a);
        }
        int rootB = find(parent, b);
        if (a == 0) {
            return rootB;
        }
        int rootA = find(parent, a);
        if (rootA < rootB) {
            parent[rootB] = rootA;
            return rootA;
        }
        parent[rootA] = rootB;
        return rootB;
    }

    /** Root of a label, halving the path on the way. */
    private static int find(int[] parent, int label) {
        while (parent[label] != label) {
            parent[label] = parent[parent[label]];
            label = parent[label];
        }
        return label;
    }

    private static void checkSize(int length, String name, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be positive, got " + width + " x " + height);
        }
        if ((long) width * height != length) {
            throw new IllegalArgumentException(name + " length must be width*height = " + (long) width * height
                    + ", got " + length);
        }
    }
}
