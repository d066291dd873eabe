package org.oxymap.core.segment;

/**
 * Fills holes in a binary mask: background regions that cannot be reached from the image border. A particle's
 * thin or damaged centre (a crack, a pore, a spot below the threshold) is still particle, and without filling it
 * the distance transform would grow a false edge inside it. Background is followed 4-connected, the dual of the
 * 8-connected particles, so a diagonal gap in a particle's rim does not let the outside in.
 */
public final class HoleFiller {

    private HoleFiller() {
    }

    /** A copy of {@code foreground} with every hole set to true. */
    public static boolean[] fill(boolean[] foreground, int width, int height) {
        if (foreground == null) {
            throw new IllegalArgumentException("foreground must not be null");
        }
        if (width <= 0 || height <= 0 || (long) width * height != foreground.length) {
            throw new IllegalArgumentException("foreground length must be width*height = " + (long) width * height
                    + ", got " + foreground.length);
        }
        boolean[] outside = new boolean[foreground.length];
        int[] queue = new int[foreground.length];
        int tail = 0;
        for (int x = 0; x < width; x++) {
            tail = seed(foreground, outside, queue, tail, x);
            tail = seed(foreground, outside, queue, tail, (height - 1) * width + x);
        }
        for (int y = 0; y < height; y++) {
            tail = seed(foreground, outside, queue, tail, y * width);
            tail = seed(foreground, outside, queue, tail, y * width + width - 1);
        }
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            int x = i % width;
            int y = i / width;
            if (x > 0) {
                tail = seed(foreground, outside, queue, tail, i - 1);
            }
            if (x < width - 1) {
                tail = seed(foreground, outside, queue, tail, i + 1);
            }
            if (y > 0) {
                tail = seed(foreground, outside, queue, tail, i - width);
            }
            if (y < height - 1) {
                tail = seed(foreground, outside, queue, tail, i + width);
            }
        }
        boolean[] filled = new boolean[foreground.length];
        for (int i = 0; i < filled.length; i++) {
            filled[i] = !outside[i];
        }
        return filled;
    }

    /**
     * The mask of {@code labels} (0 = background) with only the holes that lie inside one particle set to true: a
     * hole (a 4-connected background component that does not reach the image border) is filled when every particle
     * pixel 8-adjacent to it carries the same label. A gap enclosed by a ring of several touching particles borders
     * more than one label and stays background.
     */
    public static boolean[] fillWithinLabels(int[] labels, int width, int height) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if (width <= 0 || height <= 0 || (long) width * height != labels.length) {
            throw new IllegalArgumentException("labels length must be width*height = " + (long) width * height
                    + ", got " + labels.length);
        }
        boolean[] foreground = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            foreground[i] = labels[i] != 0;
        }
        boolean[] filled = fill(foreground, width, height);
        boolean[] out = foreground.clone();
        boolean[] visited = new boolean[labels.length];
        int[] queue = new int[labels.length];
        for (int start = 0; start < labels.length; start++) {
            if (!filled[start] || foreground[start] || visited[start]) {
                continue;
            }
            // one hole component, 4-connected like the background in fill
            int tail = 0;
            queue[tail++] = start;
            visited[start] = true;
            int owner = 0;
            boolean single = true;
            for (int head = 0; head < tail; head++) {
                int p = queue[head];
                int x = p % width;
                int y = p / width;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if ((dx == 0 && dy == 0) || nx < 0 || ny < 0 || nx >= width || ny >= height) {
                            continue;
                        }
                        int q = ny * width + nx;
                        if (foreground[q]) {
                            if (owner == 0) {
                                owner = labels[q];
                            } else if (labels[q] != owner) {
                                single = false;
                            }
                        } else if ((dx == 0 || dy == 0) && !visited[q]) {
                            visited[q] = true;
                            queue[tail++] = q;
                        }
                    }
                }
            }
            if (single) {
                for (int j = 0; j < tail; j++) {
                    out[queue[j]] = true;
                }
            }
        }
        return out;
    }

    private static int seed(boolean[] foreground, boolean[] outside, int[] queue, int tail, int i) {
        if (!foreground[i] && !outside[i]) {
            outside[i] = true;
            queue[tail++] = i;
        }
        return tail;
    }
}
