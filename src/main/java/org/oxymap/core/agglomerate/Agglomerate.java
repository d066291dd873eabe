package org.oxymap.core.agglomerate;

/**
 * One agglomerate region.
 *
 * @param label                label in the agglomerate image
 * @param pixels               pixel count
 * @param areaNm2              area
 * @param equivalentDiameterUm diameter of the disc of the same area, 2·sqrt(A/π), in µm
 * @param large                equivalent diameter at or above the size threshold
 * @param particles            number of primary particles assigned to it
 * @param touchesBorder        reaches the image border (its boundary there is unknown: distances to the
 *                             boundary count only the boundary inside the image)
 */
public record Agglomerate(int label, int pixels, double areaNm2, double equivalentDiameterUm, boolean large,
        int particles, boolean touchesBorder) {
}
