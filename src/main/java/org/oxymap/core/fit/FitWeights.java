package org.oxymap.core.fit;

/** How the energies of one pixel are weighted in the linear-combination fit. */
public enum FitWeights {
    /** Every energy counts the same; σ maps are scaled by the reduced χ² (the noise is estimated from the residual). */
    NONE("none"),
    /**
     * Poisson weights from the counts: OD = ln(I0/I), so var(OD) ≈ 1/I + 1/(N·I0) per energy and weight = 1/var,
     * with N the number of pixel readings averaged into I0 (N = 1 treats I0 as counted like one pixel, the
     * textbook 1/I + 1/I0; the pipeline passes the size of the empty region it averaged). σ maps come straight
     * from the weighted covariance, not scaled by χ².
     */
    POISSON("poisson");

    private final String label;

    FitWeights(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses "none" or "poisson"; the error lists the accepted values. */
    public static FitWeights fromLabel(String label) {
        for (FitWeights w : values()) {
            if (w.label.equalsIgnoreCase(label.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("weights '" + label + "' is not known, expected none or poisson");
    }
}
