package org.oxymap.core.model;

/**
 * How the lamella's offset z0 from each particle's centre enters the projected models.
 *
 * <ul>
 * <li>{@code FITTED}: each particle's own radius a and |z0| fitted to its thickness map
 * ({@link ParticleGeometryFitter});</li>
 * <li>{@code FIXED}: one given |z0| for every particle, with the radius that keeps the particle's visible radius
 * R: {@code a = √(R² + max(0, |z0| − h/2)²)};</li>
 * <li>{@code UNIFORM}: the model averaged over z0 uniform on [0, z_max], each offset with the radius that keeps
 * the visible radius (for a single section the offset is unknown and every cut is equally likely).</li>
 * </ul>
 * In every mode the visible radius R is the one of the thickness fit, so the model particle is as wide as the
 * particle in the image.
 */
public enum OffsetMode {
    FITTED("fitted"), FIXED("fixed"), UNIFORM("uniform");

    private final String label;

    OffsetMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static OffsetMode fromLabel(String label) {
        for (OffsetMode m : values()) {
            if (m.label.equalsIgnoreCase(label.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("offset mode '" + label + "' is not known, expected fitted, fixed or uniform");
    }
}
