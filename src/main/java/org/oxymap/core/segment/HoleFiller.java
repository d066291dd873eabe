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

    private static int seed(boolean[] foreground, boolean[] outside, int[] queue, int tail, int i) {
        if (!foreground[i] && !outside[i]) {
            outside[i] = true;
            queue[tail++] = i;
        }
        return tail;
    }
}
