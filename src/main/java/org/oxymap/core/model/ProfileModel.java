package org.oxymap.core.model;

/**
 * The two models compared on every profile (DESIGN.md §2). Both are written as
 * {@code C(r) = C_outer·s(r) + C_inner·(1 − s(r))} with a unit shape s between 0 and 1 and one shape parameter:
 * <ul>
 * <li>{@code DIFFUSION}: single-phase diffusion into a sphere from a surface held at C0 = C_outer, starting at
 * C1 = C_inner; s is Crank's eq. 6.18 and the shape parameter is D·t (nm², fitted as log10);</li>
 * <li>{@code CORE_SHELL}: a two-phase particle with C_shell = C_outer for r &gt; a − δ and C_core = C_inner
 * inside; s is the step and the shape parameter is the shell thickness δ (nm).</li>
 * </ul>
 * Both have three parameters per particle, so their χ² compare directly.
 */
public enum ProfileModel {
    DIFFUSION("sphere-diffusion"), CORE_SHELL("core-shell");

    private final String label;

    ProfileModel(String label) {
        this.label = label;
    }

    /** The name in the fits and residuals tables. */
    public String label() {
        return label;
    }

    public static ProfileModel fromLabel(String label) {
        for (ProfileModel m : values()) {
            if (m.label.equalsIgnoreCase(label.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("model '" + label + "' is not known, expected sphere-diffusion or core-shell");
    }
}
