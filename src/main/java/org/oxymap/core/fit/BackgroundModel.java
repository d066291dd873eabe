package org.oxymap.core.fit;

/** Background terms fitted next to the references, free in sign: none, a constant, or a line in energy. */
public enum BackgroundModel {
    NONE("none", 0), CONSTANT("constant", 1), LINEAR("linear", 2);

    private final String label;
    private final int terms;

    BackgroundModel(String label, int terms) {
        this.label = label;
        this.terms = terms;
    }

    public String label() {
        return label;
    }

    public int terms() {
        return terms;
    }

    /** Parses a label ("none", "constant", "linear"); the error lists the accepted values. */
    public static BackgroundModel fromLabel(String label) {
        for (BackgroundModel m : values()) {
            if (m.label.equalsIgnoreCase(label.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("background '" + label + "' is not known, expected none, constant or linear");
    }
}
