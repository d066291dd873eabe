package org.oxymap.core.align;

/**
 * An axis-aligned rectangle of whole pixels: columns {@code x .. x + width − 1}, rows {@code y .. y + height − 1}.
 * Used for the region the alignment correlates on and for the common area after alignment.
 *
 * @param x      first column
 * @param y      first row
 * @param width  number of columns, at least 1
 * @param height number of rows, at least 1
 */
public record PixelRectangle(int x, int y, int width, int height) {

    public PixelRectangle {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("rectangle: expected width and height >= 1, got " + width + " x "
                    + height);
        }
    }

    /** The whole image. */
    public static PixelRectangle of(int imageWidth, int imageHeight) {
        return new PixelRectangle(0, 0, imageWidth, imageHeight);
    }

    /**
     * Parses {@code "x,y,width,height"} (as the command line and params.json give it).
     *
     * @throws IllegalArgumentException naming {@code parameter} when the text is not four integers
     */
    public static PixelRectangle parse(String text, String parameter) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*,\\s*");
        if (parts.length != 4) {
            throw new IllegalArgumentException("parameter " + parameter + " is '" + text
                    + "', expected x,y,width,height in pixels");
        }
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter " + parameter + " is '" + text
                        + "', expected x,y,width,height in whole pixels", e);
            }
        }
        if (v[2] < 1 || v[3] < 1) {
            throw new IllegalArgumentException("parameter " + parameter + " is '" + text
                    + "', expected a width and height of at least 1 pixel");
        }
        return new PixelRectangle(v[0], v[1], v[2], v[3]);
    }

    /** True when the rectangle lies inside a {@code imageWidth × imageHeight} image. */
    public boolean fitsIn(int imageWidth, int imageHeight) {
        return x >= 0 && y >= 0 && x + width <= imageWidth && y + height <= imageHeight;
    }

    /** Copies this rectangle out of a row-major plane of the given width. */
    public float[] cut(float[] plane, int imageWidth) {
        float[] out = new float[width * height];
        for (int r = 0; r < height; r++) {
            System.arraycopy(plane, (y + r) * imageWidth + x, out, r * width, width);
        }
        return out;
    }

    /** {@code "x,y,width,height"}, the form {@link #parse} reads. */
    @Override
    public String toString() {
        return x + "," + y + "," + width + "," + height;
    }
}
