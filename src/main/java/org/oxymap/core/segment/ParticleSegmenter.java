package org.oxymap.core.segment;

import org.oxymap.core.progress.ProgressListener;

/**
 * Particles from a thickness (edge-jump) map: a threshold, optional hole filling, 8-connected components, removal
 * of components smaller than a minimum area (noise specks), and an optional watershed split of touching particles
 * ({@link DistanceWatershed}). Particles touching the image border are flagged (their edge there is not a particle
 * surface). With both hole filling and the watershed on, the mask is first split without filling and only the holes
 * enclosed by a single split particle are filled ({@link HoleFiller#fillWithinLabels}); the gaps enclosed by a ring
 * of touching particles stay background. When a hole was filled, the filled mask is labelled and split again, so a
 * pore inside a particle does not grow a false edge in the distance map that seeds the final split.
 */
public final class ParticleSegmenter {

    /** Multiples of the empty region's standard deviation above its mean for {@link ThresholdMethod#NOISE}. */
    public static final double NOISE_SIGMAS = 5.0;

    private final ThresholdMethod method;
    private final double minAreaNm2;
    private final boolean fillHoles;
    private final double watershedHNm;

    /** Threshold and minimum area only: no hole filling, no watershed. */
    public ParticleSegmenter(ThresholdMethod method, double minAreaNm2) {
        this(method, minAreaNm2, false, Double.NaN);
    }

    /**
     * @param fillHoles    fill holes in the thresholded mask before labelling
     * @param watershedHNm seed depth h of the watershed split in nm; NaN = no split
     */
    public ParticleSegmenter(ThresholdMethod method, double minAreaNm2, boolean fillHoles, double watershedHNm) {
        if (method == null) {
            throw new IllegalArgumentException("threshold method must be given");
        }
        if (!(minAreaNm2 >= 0)) {
            throw new IllegalArgumentException("minimum particle area is " + minAreaNm2 + " nm², expected >= 0");
        }
        if (!Double.isNaN(watershedHNm) && !(watershedHNm > 0 && Double.isFinite(watershedHNm))) {
            throw new IllegalArgumentException("watershed seed depth is " + watershedHNm + " nm, expected > 0");
        }
        this.method = method;
        this.minAreaNm2 = minAreaNm2;
        this.fillHoles = fillHoles;
        this.watershedHNm = watershedHNm;
    }

    /** {@link #segment(float[], boolean[], boolean[], int, int, double, double, ProgressListener)} without progress. */
    public Segmentation segment(float[] thicknessNm, boolean[] fitted, boolean[] empty, int width, int height,
            double pixelWidthNm, double pixelHeightNm) {
        return segment(thicknessNm, fitted, empty, width, height, pixelWidthNm, pixelHeightNm, ProgressListener.NONE);
    }

    /**
     * @param thicknessNm the thickness map
     * @param fitted      pixels that carry a value (others are background); may be null
     * @param empty       pixels known to be empty (the I0 region), for the noise threshold; may be null otherwise
     * @throws IllegalArgumentException when no particle is found, naming the threshold
     */
    public Segmentation segment(float[] thicknessNm, boolean[] fitted, boolean[] empty, int width, int height,
            double pixelWidthNm, double pixelHeightNm, ProgressListener listener) {
        double threshold;
        if (method == ThresholdMethod.NOISE) {
            threshold = noiseThreshold(thicknessNm, empty);
        } else {
            ThresholdHistogram histogram;
            try {
                histogram = ThresholdHistogram.of(thicknessNm, fitted);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("no particle found: the thickness map is empty or constant, so "
                        + "the " + method.label() + " threshold has nothing to split", e);
            }
            threshold = histogram.upperEdge(method.rule().lastLowerBin(histogram.counts()));
        }
        boolean[] foreground = new boolean[thicknessNm.length];
        for (int i = 0; i < foreground.length; i++) {
            foreground[i] = (fitted == null || fitted[i]) && thicknessNm[i] > threshold;
        }
        int minPixels = (int) Math.ceil(minAreaNm2 / (pixelWidthNm * pixelHeightNm));
        int[] split = null;
        if (fillHoles && !Double.isNaN(watershedHNm)) {
            // split first, then fill only the holes enclosed by one particle: the interstices enclosed by a ring of
            // touching particles stay background, so they cannot merge an agglomerate into one blob
            int[] unfilled = ConnectedComponentLabeler.removeSmall(
                    ConnectedComponentLabeler.label(foreground, width, height, true), width, height,
                    Math.max(1, minPixels));
            split = new DistanceWatershed(watershedHNm).split(unfilled, width, height, pixelWidthNm,
                    pixelHeightNm, listener);
            foreground = HoleFiller.fillWithinLabels(split, width, height);
        } else if (fillHoles) {
            foreground = HoleFiller.fill(foreground, width, height);
        }
        int[] labels = ConnectedComponentLabeler.label(foreground, width, height, true);
        labels = ConnectedComponentLabeler.removeSmall(labels, width, height, Math.max(1, minPixels));
        if (split != null && sameMask(split, foreground)) {
            // no hole inside a particle: the split of the unfilled mask is the answer, no second watershed
            labels = split;
        } else if (!Double.isNaN(watershedHNm)) {
            labels = new DistanceWatershed(watershedHNm).split(labels, width, height, pixelWidthNm, pixelHeightNm,
                    listener);
        }
        int count = ConnectedComponentLabeler.count(labels);
        if (count == 0) {
            throw new IllegalArgumentException(String.format(
                    "no particle found: no region of at least %.0f nm² is thicker than the %s threshold of %.2f nm "
                            + "(is the image empty?)", minAreaNm2, method.label(), threshold));
        }
        return new Segmentation(labels, count, threshold, LabelImages.touchesBorder(labels, count, width, height));
    }

    private static boolean sameMask(int[] labels, boolean[] foreground) {
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] != 0) != foreground[i]) {
                return false;
            }
        }
        return true;
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
