package org.oxymap.core.spectra;

import java.util.Locale;

/**
 * Parameters of Athena's edge-step normalisation, with Athena's names and defaults. Energies of the ranges are
 * relative to E0 in eV, as Athena's {@code bkg_pre1, bkg_pre2, bkg_nor1, bkg_nor2}.
 *
 * @param e0Ev            E0 in eV, or NaN to take the energy of the largest first derivative
 * @param pre1Ev          start of the pre-edge range relative to E0 (Athena default −150)
 * @param pre2Ev          end of the pre-edge range relative to E0 (Athena default −30)
 * @param nor1Ev          start of the post-edge range relative to E0 (Athena default +150; +50 suits XANES scans)
 * @param nor2Ev          end of the post-edge range relative to E0, or NaN for the end of the data
 * @param postEdgeDegree  degree of the post-edge polynomial: 2 = quadratic (Athena's {@code bkg_nnorm} = 3 terms,
 *                        Larch {@code nnorm} = 2), 1 = line, 0 = constant
 */
public record NormalisationSettings(double e0Ev, double pre1Ev, double pre2Ev, double nor1Ev, double nor2Ev,
        int postEdgeDegree) {

    public NormalisationSettings {
        if (!(pre1Ev < pre2Ev)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "pre-edge range [%g, %g] eV relative to E0: the start must be below the end", pre1Ev, pre2Ev));
        }
        if (!Double.isNaN(nor2Ev) && !(nor1Ev < nor2Ev)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "post-edge range [%g, %g] eV relative to E0: the start must be below the end", nor1Ev, nor2Ev));
        }
        if (!(pre2Ev <= 0) || !(nor1Ev >= 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "pre-edge range must end at or below E0 (got %g eV) and the post-edge range start at or above "
                            + "E0 (got %g eV)", pre2Ev, nor1Ev));
        }
        if (postEdgeDegree < 0 || postEdgeDegree > 2) {
            throw new IllegalArgumentException("post-edge polynomial degree " + postEdgeDegree
                    + ": expected 0 (constant), 1 (line) or 2 (quadratic)");
        }
    }

    /** Athena's defaults: E0 from the derivative, pre-edge [−150, −30], post-edge [+150, end], quadratic. */
    public static NormalisationSettings athenaDefaults() {
        return new NormalisationSettings(Double.NaN, -150, -30, 150, Double.NaN, 2);
    }

    public NormalisationSettings withE0Ev(double e0) {
        return new NormalisationSettings(e0, pre1Ev, pre2Ev, nor1Ev, nor2Ev, postEdgeDegree);
    }

    public NormalisationSettings withPreEdge(double pre1, double pre2) {
        return new NormalisationSettings(e0Ev, pre1, pre2, nor1Ev, nor2Ev, postEdgeDegree);
    }

    public NormalisationSettings withPostEdge(double nor1, double nor2) {
        return new NormalisationSettings(e0Ev, pre1Ev, pre2Ev, nor1, nor2, postEdgeDegree);
    }

    public NormalisationSettings withPostEdgeDegree(int degree) {
        return new NormalisationSettings(e0Ev, pre1Ev, pre2Ev, nor1Ev, nor2Ev, degree);
    }
}
