package org.oxymap.core.agglomerate;

/**
 * A primary particle with its agglomerate class.
 *
 * @param label                 particle label in the particle label image
 * @param xPx                   centroid x (pixels, unweighted)
 * @param yPx                   centroid y
 * @param pixels                pixel count
 * @param agglomerate           label of the agglomerate holding most of its pixels; 0 = none
 * @param agglomerateClass      interior, exterior, small or isolated
 * @param distanceToBoundaryNm  distance from its centroid to its agglomerate's boundary (0 when it has none)
 */
public record ClassifiedParticle(int label, double xPx, double yPx, int pixels, int agglomerate,
        AgglomerateClass agglomerateClass, double distanceToBoundaryNm) {
}
