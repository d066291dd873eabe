package org.oxymap.core.phantom;

import java.util.List;

import org.oxymap.core.spectra.ReferenceSpectrum;

/**
 * Synthetic Mn L3,2-edge absorption spectra of Mn2+, Mn3+ and Mn4+ standards, in optical density per nm.
 *
 * <p>Each spectrum is a non-resonant background that falls as E⁻³, two arctangent edge steps (L3 at 642 eV and
 * L2 at 653 eV, 2:1 as the 2p3/2 : 2p1/2 occupancies), and Gaussian multiplet peaks whose main L3 line moves up
 * in energy with the oxidation state (about 640.1, 641.6 and 643.4 eV for Mn2+, Mn3+ and Mn4+, as in MnO,
 * Mn2O3 and MnO2). The shapes are not measured spectra; they only need to be as distinct and as smooth as real
 * standards so that the phantom has a known answer. Peak heights near 0.01 nm⁻¹ give an optical density near 1
 * through an 80 nm lamella, as at a real Mn L3 edge.
 */
public final class SyntheticMnL3References {

    /** Grid on which the references are tabulated: 625.0–665.0 eV in 0.1 eV steps (exact tenths). */
    public static final int GRID_FIRST_TENTH = 6250;
    public static final int GRID_LAST_TENTH = 6650;

    private static final double[][] MN2_PEAKS = { // energy eV, relative height, sigma eV
        {638.9, 0.30, 0.5}, {640.1, 1.00, 0.55}, {641.3, 0.25, 0.6}, {642.3, 0.20, 0.7}, {650.6, 0.25, 0.8},
        {651.6, 0.20, 0.9}};
    private static final double[][] MN3_PEAKS = {
        {640.3, 0.35, 0.6}, {641.6, 1.00, 0.6}, {642.4, 0.55, 0.6}, {643.6, 0.20, 0.8}, {652.0, 0.30, 0.9},
        {653.3, 0.15, 0.9}};
    private static final double[][] MN4_PEAKS = {
        {640.8, 0.20, 0.6}, {642.1, 0.35, 0.6}, {643.4, 1.00, 0.6}, {644.6, 0.30, 0.8}, {653.6, 0.35, 1.0}};

    private SyntheticMnL3References() {
    }

    /** Names in the order of {@link #all()}. */
    public static final List<String> NAMES = List.of("Mn2", "Mn3", "Mn4");

    /** The three references on the 0.1 eV grid, with valences 2, 3 and 4. */
    public static List<ReferenceSpectrum> all() {
        return List.of(tabulate("Mn2", 2, MN2_PEAKS, 0.0120), tabulate("Mn3", 3, MN3_PEAKS, 0.0105),
                tabulate("Mn4", 4, MN4_PEAKS, 0.0100));
    }

    /** OD per nm of the reference with the given index (0 = Mn2+, 1 = Mn3+, 2 = Mn4+) at energy {@code e} eV. */
    public static double odPerNm(int index, double e) {
        return switch (index) {
            case 0 -> value(e, MN2_PEAKS, 0.0120);
            case 1 -> value(e, MN3_PEAKS, 0.0105);
            case 2 -> value(e, MN4_PEAKS, 0.0100);
            default -> throw new IllegalArgumentException("reference index " + index + ", expected 0, 1 or 2");
        };
    }

    private static ReferenceSpectrum tabulate(String name, double valence, double[][] peaks, double amplitude) {
        int n = GRID_LAST_TENTH - GRID_FIRST_TENTH + 1;
        double[] e = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = (GRID_FIRST_TENTH + i) / 10.0;
            v[i] = value(e[i], peaks, amplitude);
        }
        return new ReferenceSpectrum(name, valence, e, v);
    }

    private static double value(double e, double[][] peaks, double amplitude) {
        double background = 0.0025 * Math.pow(640.0 / e, 3);
        double steps = 0.0030 * (2.0 / 3.0) * (0.5 + Math.atan((e - 642.0) / 0.8) / Math.PI)
                + 0.0030 * (1.0 / 3.0) * (0.5 + Math.atan((e - 653.0) / 0.8) / Math.PI);
        double lines = 0;
        for (double[] p : peaks) {
            double z = (e - p[0]) / p[2];
            lines += p[1] * Math.exp(-0.5 * z * z);
        }
        return background + steps + amplitude * lines;
    }
}
