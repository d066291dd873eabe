package org.oxymap.core.segment;

/**
 * Particles from a thickness (edge-jump) map: a threshold, 8-connected components, and removal of components
 * smaller than a minimum area. Particles touching the image border are flagged (their edge there is not a
 * particle surface).
 */
public final class ParticleSegmenter {

    /** Multiples of the empty region's standard deviation above its mean for {@link ThresholdMethod#NOISE}. */
    public static final double NOISE_SIGMAS = 5.0;

    private final ThresholdMethod method;
    private final double minAreaNm2;

    public ParticleSegmenter(ThresholdMethod method, double minAreaNm2) {
        if (!(minAreaNm2 >= 0)) {
            throw new IllegalArgumentException("minimum particle area is " + minAreaNm2 + " nm², expected >= 0");
        }
        this.method = method;
        this.minAreaNm2 = minAreaNm2;
    }

    /**
     * @param thicknessNm the thickness map
     * @param fitted      pixels that carry a value (others are background); may be null
     * @param empty       pixels known to be empty (the I0 region), for the noise threshold; may be null for Otsu
     * @throws IllegalArgumentException when no particle is found, naming the threshold
     */
    public Segmentation segment(float[] thicknessNm, boolean[] fitted, boolean[] empty, int width, int height,
            double pixelWidthNm, double pixelHeightNm) {
        double threshold = switch (method) {
            case OTSU -> OtsuThreshold.threshold(thicknessNm, fitted);
            case NOISE -> noiseThreshold(thicknessNm, empty);
        };
        boolean[] foreground = new boolean[thicknessNm.length];
        for (int i = 0; i < foreground.length; i++) {
            foreground[i] = (fitted == null || fitted[i]) && thicknessNm[i] > threshold;
        }
        int[] labels = ConnectedComponentLabeler.label(foreground, width, height, true);
        int minPixels = (int) Math.ceil(minAreaNm2 / (pixelWidthNm * pixelHeightNm));
        labels = ConnectedComponentLabeler.removeSmall(labels, width, height, Math.max(1, minPixels));
        int count = ConnectedComponentLabeler.count(labels);
        if (count == 0) {
            throw new IllegalArgumentException(String.format(
                    "no particle found: no region of at least %.0f nm² is thicker than the threshold of %.2f nm "
                            + "(is the image empty?)", minAreaNm2, threshold));
        }
        boolean[] border = new boolean[count];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int l = labels[y * width + x];
                if (l > 0 && (x == 0 || y == 0 || x == width - 1 || y == height - 1)) {
                    border[l - 1] = true;
                }
            }
        }
        return new Segmentation(labels, count, threshold, border);
    }

    private static double noiseThreshold(float[] thickness, boolean[] empty) {
        if (empty == null) {
            throw new IllegalArgumentException("the noise threshold needs the empty (I0) region; use otsu instead");
        }
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (int i = 0; i < thickness.length; i++) {
            if (empty[i]) {
                s += thickness[i];
                s2 += (double) thickness[i] * thickness[i];
                n++;
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("the empty region has " + n + " pixels; the noise threshold needs at least 2");
        }
        double mean = s / n;
        double sd = Math.sqrt(Math.max(0, s2 / n - mean * mean));
        return mean + NOISE_SIGMAS * sd;
    }
}
