package org.oxymap.core.align;

/**
 * Where the pixels of a reference grid fall in another stack's pixels: reference pixel {@code (x, y)} (pixel
 * centres) lies at {@code (u, v) = (scaleX·x + offsetXPx, scaleY·y + offsetYPx)} of the other stack. The scale is the
 * ratio of the pixel sizes (reference over other); the offsets are in the other stack's pixels.
 *
 * @param scaleX    reference pixel width / other pixel width
 * @param scaleY    reference pixel height / other pixel height
 * @param offsetXPx position of the reference grid's first pixel centre in the other stack, x, its pixels
 * @param offsetYPx the same along y
 */
public record GridTransform(double scaleX, double scaleY, double offsetXPx, double offsetYPx) {

    /** Column of the other stack that reference column {@code x} falls on. */
    public double u(double x) {
        return scaleX * x + offsetXPx;
    }

    /** Row of the other stack that reference row {@code y} falls on. */
    public double v(double y) {
        return scaleY * y + offsetYPx;
    }
}
