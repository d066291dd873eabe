package org.oxymap.core.segment;

import java.util.Arrays;
import java.util.List;

/**
 * How the thickness map is thresholded into particles.
 * {@code NOISE}: everything thicker than the empty region's mean + 5 standard deviations, so that a particle's
 * thin edge stays with it. The others are ImageJ's automatic thresholds of the same names, computed on the
 * 256-bin histogram of the fitted pixels ({@link ThresholdHistogram}): {@code OTSU}, {@code LI}, {@code TRIANGLE},
 * {@code HUANG} and {@code DEFAULT} (ImageJ's IsoData variant).
 */
public enum ThresholdMethod {
    NOISE("noise", null),
    OTSU("otsu", OtsuThreshold::lastLowerBin),
    LI("li", LiThreshold::lastLowerBin),
    TRIANGLE("triangle", TriangleThreshold::lastLowerBin),
    HUANG("huang", HuangThreshold::lastLowerBin),
    DEFAULT("default", IsoDataThreshold::lastLowerBin);

    private final String label;
    private final HistogramThreshold rule;

    ThresholdMethod(String label, HistogramThreshold rule) {
        this.label = label;
        this.rule = rule;
    }

    public String label() {
        return label;
    }

    /** The histogram rule, or null for {@link #NOISE} (which needs the empty region instead). */
    public HistogramThreshold rule() {
        return rule;
    }

    /** Every label, in declaration order (for dialogs and help texts). */
    public static List<String> labels() {
        return Arrays.stream(values()).map(ThresholdMethod::label).toList();
    }

    public static ThresholdMethod fromLabel(String label) {
        for (ThresholdMethod m : values()) {
            if (m.label.equalsIgnoreCase(label.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("threshold method '" + label + "' is not known, expected one of "
                + String.join(", ", labels()));
    }
}
