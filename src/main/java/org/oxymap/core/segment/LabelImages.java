package org.oxymap.core.segment;

import java.util.Arrays;

/**
 * Small operations on row-major label images (0 = background): renumbering to 1..n in raster order, and which
 * labels touch the image border. Label images from outside (MorphoLibJ, Labkit, a ROI set) use arbitrary ids;
 * renumbering them the way OxyMap's own segmentation numbers its particles makes results comparable particle by
 * particle.
 */
public final class LabelImages {

    private LabelImages() {
    }

    /**
     * Renumbers the positive ids 1..n in raster order of each id's first pixel (pixels with one id stay together
     * even when they are not connected).
     *
     * @throws IllegalArgumentException on a negative id
     */
    public static int[] relabelInRasterOrder(int[] labels) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        int[] distinct = Arrays.stream(labels).filter(l -> l != 0).distinct().sorted().toArray();
        if (distinct.length > 0 && distinct[0] < 0) {
            throw new IllegalArgumentException("labels must be >= 0, found " + distinct[0]);
        }
        int[] renumber = new int[distinct.length];
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 0) {
                continue;
            }
            int k = Arrays.binarySearch(distinct, labels[i]);
            if (renumber[k] == 0) {
                renumber[k] = ++next;
            }
            out[i] = renumber[k];
        }
        return out;
    }

    /** Per label 1..count (index = label − 1): whether it has a pixel in the first or last row or column. */
    public static boolean[] touchesBorder(int[] labels, int count, int width, int height) {
        boolean[] border = new boolean[count];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int l = labels[y * width + x];
                if (l > 0 && (x == 0 || y == 0 || x == width - 1 || y == height - 1)) {
                    border[l - 1] = true;
                }
            }
        }
        return border;
    }

    /** Particles given as a label image: renumbered in raster order, border contact found, no threshold. */
    public static Segmentation segmentationOf(int[] labels, int width, int height) {
        if (labels == null || width <= 0 || height <= 0 || (long) width * height != labels.length) {
            throw new IllegalArgumentException("label image must have width*height = " + (long) width * height
                    + " pixels" + (labels == null ? "" : ", got " + labels.length));
        }
        int[] relabelled = relabelInRasterOrder(labels);
        int count = ConnectedComponentLabeler.count(relabelled);
        if (count == 0) {
            throw new IllegalArgumentException("the particle image is empty: every pixel is 0 (no particle)");
        }
        return new Segmentation(relabelled, count, Double.NaN, touchesBorder(relabelled, count, width, height));
    }
}
