package org.oxymap.core.segment;

/**
 * Measurements of one particle in the maps.
 *
 * @param label             label in the label image
 * @param xPx               centroid x (pixels)
 * @param yPx               centroid y (pixels)
 * @param pixels            pixel count
 * @param areaNm2           area
 * @param radiusNm          area-equivalent radius sqrt(area/π)
 * @param meanFraction      thickness-weighted mean of the profiled fraction
 * @param meanThicknessNm   mean thickness
 * @param touchesBorder     true when the particle touches the image border (left out of profiles and fits)
 */
public record ParticleMeasurement(int label, double xPx, double yPx, int pixels, double areaNm2, double radiusNm,
        double meanFraction, double meanThicknessNm, boolean touchesBorder) {

    /** Measures every particle of {@code segmentation} on the given fraction and thickness maps. */
    public static ParticleMeasurement[] measureAll(Segmentation segmentation, int width, double pixelWidthNm,
            double pixelHeightNm, float[] fraction, float[] thicknessNm) {
        int count = segmentation.count();
        double[] sx = new double[count];
        double[] sy = new double[count];
        int[] n = new int[count];
        double[] swf = new double[count];
        double[] sw = new double[count];
        int[] labels = segmentation.labels();
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i] - 1;
            if (l < 0) {
                continue;
            }
            sx[l] += i % width;
            sy[l] += i / width;
            n[l]++;
            double w = Math.max(0, thicknessNm[i]);
            sw[l] += w;
            swf[l] += w * fraction[i];
        }
        ParticleMeasurement[] out = new ParticleMeasurement[count];
        for (int l = 0; l < count; l++) {
            double area = n[l] * pixelWidthNm * pixelHeightNm;
            out[l] = new ParticleMeasurement(l + 1, sx[l] / n[l], sy[l] / n[l], n[l], area, Math.sqrt(area / Math.PI),
                    sw[l] > 0 ? swf[l] / sw[l] : 0.0, sw[l] / n[l], segmentation.touchesBorder()[l]);
        }
        return out;
    }
}
