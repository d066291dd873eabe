package org.oxymap.core.agglomerate;

import org.oxymap.core.segment.ConnectedComponentLabeler;
import org.oxymap.core.segment.HoleFiller;

/**
 * Automatic agglomerates: the particle mask closed by a disc of the closing radius ({@link DiskClosing}), holes
 * filled, and each 8-connected component one agglomerate. Particles closer than twice the closing radius end up
 * in the same agglomerate; the size threshold that separates large from small agglomerates is applied by
 * {@link AgglomerateClassifier}.
 */
public final class AgglomerateDetector {

    private AgglomerateDetector() {
    }

    /** Agglomerate labels 1..n (0 = background), numbered in raster order. */
    public static int[] detect(int[] particleLabels, int width, int height, double pixelWidthNm, double pixelHeightNm,
            double closingNm) {
        boolean[] mask = new boolean[particleLabels.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = particleLabels[i] > 0;
        }
        boolean[] closed = DiskClosing.close(mask, width, height, pixelWidthNm, pixelHeightNm, closingNm);
        boolean[] filled = HoleFiller.fill(closed, width, height);
        return ConnectedComponentLabeler.label(filled, width, height, true);
    }
}
