package org.oxymap.io;

import java.util.Locale;
import java.util.Map;

import org.oxymap.core.spectra.NormalisationSettings;
import org.oxymap.core.spectra.ReferenceSpectrum;

/**
 * One data group of an Athena project file: its label, the energies ({@code @x}) and μ(E) ({@code @y}) as stored,
 * and Athena's parameters ({@code @args}, values as text) such as {@code bkg_e0}, {@code bkg_eshift},
 * {@code bkg_pre1}, {@code bkg_step}.
 *
 * @param label    the group's label ({@code label} in {@code @args}), as written
 * @param index    1-based position in the file
 * @param line     line of the file where the group starts
 * @param energiesEv energies as stored (before Athena's {@code bkg_eshift})
 * @param mu       μ(E) as stored
 * @param args     Athena's parameters, values as text (nested lists kept as written)
 */
public record AthenaGroup(String label, int index, int line, double[] energiesEv, double[] mu,
        Map<String, String> args) {

    /** Athena's energy shift {@code bkg_eshift} in eV (0 when absent). */
    public double eshiftEv() {
        return number("bkg_eshift", 0.0);
    }

    /** A numeric parameter, or {@code fallback} when absent or not a number. */
    public double number(String key, double fallback) {
        String v = args.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * The spectrum on Athena's energy scale (stored energies + {@code bkg_eshift}), named by the label with
     * spaces and characters unsafe in file names replaced by '_'.
     */
    public ReferenceSpectrum spectrum() {
        double shift = eshiftEv();
        double[] e = energiesEv.clone();
        for (int i = 0; i < e.length; i++) {
            e[i] += shift;
        }
        return new ReferenceSpectrum(safeName(label), Double.NaN, e, mu);
    }

    /**
     * Athena's own normalisation parameters of this group ({@code bkg_e0}, {@code bkg_pre1/2}, {@code bkg_nor1/2},
     * {@code bkg_nnorm} = number of post-edge terms, so degree = nnorm − 1), for the Athena energy scale.
     */
    public NormalisationSettings athenaNormalisation() {
        int terms = (int) Math.round(number("bkg_nnorm", 3));
        return new NormalisationSettings(number("bkg_e0", Double.NaN), number("bkg_pre1", -150),
                number("bkg_pre2", -30), number("bkg_nor1", 150), number("bkg_nor2", Double.NaN),
                Math.max(0, Math.min(2, terms - 1)));
    }

    static String safeName(String label) {
        String s = label.trim().replaceAll("[^A-Za-z0-9._+-]+", "_");
        return s.isEmpty() ? "group" : s;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d: %s (%d points, %.1f–%.1f eV)", index, label, energiesEv.length,
                energiesEv[0], energiesEv[energiesEv.length - 1]);
    }
}
