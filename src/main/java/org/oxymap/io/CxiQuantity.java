package org.oxymap.io;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a CXI ptychography reader makes of the reconstructed complex transmission O of the sample.
 *
 * <p>|O|² is the transmitted intensity fraction, so it enters OxyMap's I0 and Beer–Lambert step like STXM counts;
 * −ln|O|² is the optical density directly (its zero depends on how the reconstruction normalised O); arg(O) is
 * the phase shift, wrapped to (−π, π], which carries the real part of the refractive index.
 */
public enum CxiQuantity {
    /** |O|², the transmitted intensity. */
    INTENSITY("intensity"),
    /** −ln|O|², the optical density. */
    OPTICAL_DENSITY("od"),
    /** arg(O) in radians. */
    PHASE("phase");

    private final String label;

    CxiQuantity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static String[] labels() {
        return Arrays.stream(values()).map(CxiQuantity::label).toArray(String[]::new);
    }

    public static CxiQuantity fromLabel(String label) {
        for (CxiQuantity q : values()) {
            if (q.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                return q;
            }
        }
        throw new IllegalArgumentException("quantity '" + label + "' is not one of " + Arrays.toString(labels()));
    }
}
