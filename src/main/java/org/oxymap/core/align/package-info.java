/**
 * Registration of X-ray spectromicroscopy stacks: estimating the drift of each energy plane by phase correlation
 * ({@link org.oxymap.core.align.PhaseCorrelationAligner}) against a chosen reference, resampling the planes to undo
 * it ({@link org.oxymap.core.align.StackAligner} with the Fourier, cubic, bilinear or whole-pixel shifters), and
 * registering stacks of the same region at other edges onto one grid
 * ({@link org.oxymap.core.align.MultiEdgeRegistration}).
 *
 * <p>Images are row-major {@code float[]} arrays with index {@code y * width + x}. A {@link
 * org.oxymap.core.align.Shift} {@code (dx, dy)} of plane k means that plane k's content is displaced by
 * {@code (+dx, +dy)} pixels relative to the reference: {@code plane_k(x, y) ≈ ref(x − dx, y − dy)}.
 */
package org.oxymap.core.align;
