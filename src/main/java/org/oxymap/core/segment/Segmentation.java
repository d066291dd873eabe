package org.oxymap.core.segment;

/**
 * Particles found in a map.
 *
 * @param labels        row-major label image, 0 = background, particles 1..count
 * @param count         number of particles
 * @param thresholdNm   the thickness threshold that was applied
 * @param touchesBorder per particle (index = label − 1), whether it touches the image border
 */
public record Segmentation(int[] labels, int count, double thresholdNm, boolean[] touchesBorder) {
}
