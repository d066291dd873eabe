package org.oxymap.core.align;

import org.oxymap.core.stack.SpectralStack;

/**
 * The outcome of {@link StackAligner}.
 *
 * @param aligned the resampled stack (cropped to {@code crop} when cropping was asked for)
 * @param shifts  drift found per energy, in the convention of {@link Shift}, relative to the aligned frame
 * @param crop    the area of the input that every aligned plane covers, in input pixels; the aligned stack is this
 *                rectangle when cropping was asked for, and the whole image otherwise
 * @param cropped whether {@code aligned} was cropped to {@code crop}
 */
public record AlignmentResult(SpectralStack aligned, Shift[] shifts, PixelRectangle crop, boolean cropped) {
}
