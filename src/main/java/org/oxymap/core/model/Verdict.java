package org.oxymap.core.model;

/** Which model a profile supports, as decided by {@link ModelComparison}. */
public enum Verdict {
    DIFFUSION("diffusion"), CORE_SHELL("core-shell"), UNDECIDED("undecided");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
