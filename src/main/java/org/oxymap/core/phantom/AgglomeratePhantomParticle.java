package org.oxymap.core.phantom;

/**
 * Ground truth of one primary particle of an agglomerate phantom.
 *
 * @param id                 label in the truth label image (1-based)
 * @param xPx                centre x in pixels (truth frame)
 * @param yPx                centre y in pixels
 * @param radiusNm           disc radius r
 * @param centralThicknessNm thickness T at the centre
 * @param agglomerate        label of its agglomerate in truth/agglomerates.tif (isolated particles have their own)
 * @param classLabel         interior, exterior, small or isolated
 * @param offsetFraction     its Mn3+ offset f_class + δ (the fraction at the reference thickness)
 */
public record AgglomeratePhantomParticle(int id, double xPx, double yPx, double radiusNm, double centralThicknessNm,
        int agglomerate, String classLabel, double offsetFraction) {
}
