package org.oxymap.core.edge;

import java.util.Arrays;
import java.util.Locale;

/** How the edge energy of a spectrum is defined. */
public enum EdgeEnergyMethod {
    /** Energy where the normalised spectrum rises through 0.5, linearly interpolated between energies. */
    HALF_HEIGHT("half-height"),
    /** Energy of the largest first derivative, refined by a parabola through the derivative's maximum. */
    MAX_DERIVATIVE("max-derivative");

    private final String label;

    EdgeEnergyMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static String[] labels() {
        return Arrays.stream(values()).map(EdgeEnergyMethod::label).toArray(String[]::new);
    }

    public static EdgeEnergyMethod fromLabel(String label) {
        for (EdgeEnergyMethod m : values()) {
            if (m.label.equalsIgnoreCase(label.trim()) || m.name().equalsIgnoreCase(label.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("edge method '" + label + "': expected one of "
                + String.join(", ", labels()));
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
