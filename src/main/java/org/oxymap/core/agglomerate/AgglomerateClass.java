package org.oxymap.core.agglomerate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where a primary particle sits (DESIGN.md §2, "Agglomerates"). The code is the pixel value of the class overlay
 * image ({@code agglomerates/classes.tif}); 0 there is background.
 */
public enum AgglomerateClass {
    /** Inside a large agglomerate, farther than the band width from its boundary. */
    INTERIOR("interior", 1),
    /** Inside a large agglomerate, within the band width of its boundary. */
    EXTERIOR("exterior", 2),
    /** In an agglomerate below the size threshold, together with at least one other particle. */
    SMALL("small", 3),
    /** Alone in its agglomerate, or in none. */
    ISOLATED("isolated", 4);

    private final String label;
    private final int code;

    AgglomerateClass(String label, int code) {
        this.label = label;
        this.code = code;
    }

    public String label() {
        return label;
    }

    /** Pixel value in the class overlay image. */
    public int code() {
        return code;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(AgglomerateClass::label).toList();
    }

    public static AgglomerateClass fromLabel(String label) {
        String l = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        for (AgglomerateClass c : values()) {
            if (c.label.equals(l)) {
                return c;
            }
        }
        throw new IllegalArgumentException("agglomerate class '" + label + "', expected one of " + labels());
    }

    public static AgglomerateClass fromCode(int code) {
        for (AgglomerateClass c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new IllegalArgumentException("agglomerate class code " + code + ", expected 1..4");
    }
}
