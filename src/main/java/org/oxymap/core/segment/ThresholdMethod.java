package org.oxymap.core.segment;

/**
 * How the thickness map is thresholded into particles.
 * {@code NOISE}: everything thicker than the empty region's mean + 5 standard deviations, so that a particle's
 * thin edge stays with it; {@code OTSU}: Otsu's threshold of the thickness histogram.
 */
public enum ThresholdMethod {
    NOISE("noise"), OTSU("otsu");

    private final String label;

    ThresholdMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ThresholdMethod fromLabel(String label) {
        for (ThresholdMethod m : values()) {
            if (m.label.equalsIgnoreCase(label.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("threshold method '" + label + "' is not known, expected noise or otsu");
    }
}
