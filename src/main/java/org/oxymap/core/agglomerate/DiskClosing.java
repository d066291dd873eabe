package org.oxymap.core.agglomerate;

import org.oxymap.core.distance.EuclideanDistanceTransform;

/**
 * Exact morphological closing of a binary mask by a Euclidean disc of radius R (nm): a dilation (pixels whose
 * centre lies within R of a foreground pixel centre) followed by an erosion by the same disc (pixels whose
 * centre lies farther than R from every pixel outside the dilation). Both are thresholds of the exact distance
 * transform ({@link EuclideanDistanceTransform}), so the disc is exact at any radius and anisotropic pixel size,
 * and the cost does not grow with R. Pixels outside the image are not background: the erosion does not eat in
 * from the image border. Closing joins foreground pieces less than 2R apart and fills bays narrower than 2R.
 */
public final class DiskClosing {

    private DiskClosing() {
    }

    /**
     * @param radiusNm R ≥ 0; 0 returns a copy of the mask
     */
    public static boolean[] close(boolean[] mask, int width, int height, double pixelWidthNm, double pixelHeightNm,
            double radiusNm) {
        if (!(radiusNm >= 0) || !Double.isFinite(radiusNm)) {
            throw new IllegalArgumentException("closing radius is " + radiusNm + " nm, expected a number >= 0");
        }
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, expected " + width + " x " + height);
        }
        boolean[] dilated = dilate(mask, width, height, pixelWidthNm, pixelHeightNm, radiusNm);
        return erode(dilated, width, height, pixelWidthNm, pixelHeightNm, radiusNm);
    }

    /** Pixels whose centre lies within {@code radiusNm} of a foreground pixel centre. */
    public static boolean[] dilate(boolean[] mask, int width, int height, double pixelWidthNm, double pixelHeightNm,
            double radiusNm) {
        boolean[] outside = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            outside[i] = !mask[i];
        }
        // distance from every non-mask pixel to the nearest mask pixel (0 on the mask)
        float[] d = EuclideanDistanceTransform.distanceToBackground(outside, width, height, pixelWidthNm,
                pixelHeightNm);
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = mask[i] || d[i] <= radiusNm;
        }
        return out;
    }

    /** Foreground pixels whose centre lies farther than {@code radiusNm} from every background pixel centre. */
    public static boolean[] erode(boolean[] mask, int width, int height, double pixelWidthNm, double pixelHeightNm,
            double radiusNm) {
        float[] d = EuclideanDistanceTransform.distanceToBackground(mask, width, height, pixelWidthNm, pixelHeightNm);
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = mask[i] && d[i] > radiusNm;
        }
        return out;
    }
}
