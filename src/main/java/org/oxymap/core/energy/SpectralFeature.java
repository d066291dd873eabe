package org.oxymap.core.energy;

import java.util.Arrays;
import java.util.List;

/** A feature of a spectrum whose energy can be matched to a known value. */
public enum SpectralFeature {
    /** The maximum of the spectrum (e.g. the main L3 white line). */
    PEAK("peak"),
    /** The steepest point of the rise: maximum of the first derivative (a common edge-energy definition). */
    EDGE_MAX_DERIVATIVE("edge-derivative"),
    /**
     * Where the rise first reaches half of its height, between the minimum below the steepest point and the maximum
     * above it (the normalised-edge 0.5 crossing of DESIGN.md §2 when the window ends on the post-edge plateau).
     */
    EDGE_HALF_HEIGHT("edge-half");

    private final String label;

    SpectralFeature(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(SpectralFeature::label).toList();
    }

    /** @throws IllegalArgumentException naming the accepted labels */
    public static SpectralFeature fromLabel(String text) {
        for (SpectralFeature f : values()) {
            if (f.label.equalsIgnoreCase(text == null ? "" : text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("spectral feature '" + text + "', expected one of " + labels());
    }
}
