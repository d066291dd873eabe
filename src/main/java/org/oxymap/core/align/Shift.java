package org.oxymap.core.align;

/**
 * A translation in pixels. For a plane of a stack, {@code (dxPx, dyPx)} means the plane's content is displaced by
 * {@code (+dxPx, +dyPx)} relative to the reference plane, i.e. {@code plane(x, y) ≈ ref(x − dxPx, y − dyPx)};
 * positive {@code dyPx} is downwards (increasing row index).
 *
 * @param dxPx displacement along x (columns), pixels
 * @param dyPx displacement along y (rows), pixels
 */
public record Shift(double dxPx, double dyPx) {
}
