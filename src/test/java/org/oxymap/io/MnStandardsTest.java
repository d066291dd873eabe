package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.oxymap.core.edge.CalibrationLine;
import org.oxymap.core.fit.NonNegativeLeastSquares;
import org.oxymap.core.spectra.EdgeEnergy;
import org.oxymap.core.spectra.EdgeStepNormaliser;
import org.oxymap.core.spectra.NormalisationSettings;
import org.oxymap.core.spectra.NormalisedSpectrum;
import org.oxymap.core.spectra.ReferenceSpectrum;

/**
 * The real Mn K-edge standards of the XAS Data Library (MnO, Mn3O4, Mn2O3, MnO2; three scans each, 6520–6630 eV):
 * normalised as Athena does with ranges that fit these short scans (pre-edge from the first point to 6535 eV, below
 * the 1s→3d pre-peak; post-edge line from 6565 eV to the end), their half-height edge energies, the calibration
 * line, and a 50/50 mixture fitted back.
 */
class MnStandardsTest {

    static final String[] COMPOUNDS = {"MnO", "Mn3O4", "Mn2O3", "MnO2"};
    static final double[] VALENCES = {2, 8.0 / 3, 3, 4};

    static NormalisedSpectrum normalised(String compound, int scan) throws IOException {
        ReferenceSpectrum s = XdiReader.read(RealData.file("mn_K_refs_xaslib", compound + "_rt_0" + scan + ".xdi"));
        double[] e = s.energiesEv();
        double e0 = EdgeEnergy.maxDerivativeEv(e, s.values());
        NormalisationSettings n = NormalisationSettings.athenaDefaults().withE0Ev(e0).withPreEdge(e[0] - e0, 6535 - e0)
                .withPostEdge(6565 - e0, Double.NaN).withPostEdgeDegree(1);
        return EdgeStepNormaliser.normalise(s, n);
    }

    static double halfHeight(NormalisedSpectrum n) {
        return EdgeEnergy.crossingEv(n.spectrum().energiesEv(), n.spectrum().values(), 0.5);
    }

    @Test
    void edgeEnergiesOrderWithValenceAndCalibrationLineHasPositiveSlope() throws IOException {
        double[] edge = new double[4];
        double[] spread = new double[4];
        StringBuilder report = new StringBuilder();
        for (int c = 0; c < 4; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int scan = 1; scan <= 3; scan++) {
                double h = halfHeight(normalised(COMPOUNDS[c], scan));
                edge[c] += h / 3;
                min = Math.min(min, h);
                max = Math.max(max, h);
            }
            spread[c] = max - min;
            report.append(String.format(Locale.ROOT, "%s %.2f eV (scans within %.2f eV); ", COMPOUNDS[c], edge[c],
                    spread[c]));
        }
        for (int c = 1; c < 4; c++) {
            assertTrue(edge[c] > edge[c - 1], report.toString());
            // The order is not decided by scan-to-scan scatter.
            assertTrue(edge[c] - edge[c - 1] > spread[c] + spread[c - 1], report.toString());
        }
        CalibrationLine line = CalibrationLine.fit(VALENCES, edge, null);
        System.out.println("Mn K standards (xaslib), half-height edge energies: " + report + "calibration " + line);
        assertTrue(line.slopeEvPerValence() > 0, line.toString());
        assertTrue(line.slopeSeEvPerValence() > 0 && line.slopeSeEvPerValence() < line.slopeEvPerValence() / 3,
                line.toString());
        // Back through the line, every standard lands within half a valence unit of its nominal one.
        for (int c = 0; c < 4; c++) {
            assertEquals(VALENCES[c], line.valence(edge[c]), 0.5, COMPOUNDS[c]);
        }
    }

    @Test
    void fiftyFiftyMixtureOfMnOAndMnO2FitsBack() throws IOException {
        // Mixture from scan 1 of each; references from the mean of scans 2 and 3 (independent measurements).
        ReferenceSpectrum mno = normalised("MnO", 1).spectrum();
        ReferenceSpectrum mno2 = normalised("MnO2", 1).spectrum();
        List<ReferenceSpectrum> refs = new ArrayList<>();
        for (String c : COMPOUNDS) {
            refs.add(mean(normalised(c, 2).spectrum(), normalised(c, 3).spectrum()));
        }
        double lo = 6521;
        double hi = 6629;
        List<Double> grid = new ArrayList<>();
        for (double e : mno.energiesEv()) {
            if (e >= lo && e <= hi) {
                grid.add(e);
            }
        }
        double[] e = grid.stream().mapToDouble(Double::doubleValue).toArray();
        double[] a = mno.interpolate(e);
        double[] b = mno2.interpolate(e);
        double[] mix = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            mix[i] = 0.5 * a[i] + 0.5 * b[i];
        }
        double[][] columns = new double[4][];
        for (int k = 0; k < 4; k++) {
            columns[k] = refs.get(k).interpolate(e);
        }
        double[] x = new double[4];
        new NonNegativeLeastSquares(columns, new boolean[] {true, true, true, true}).solve(mix, x);
        double sum = x[0] + x[1] + x[2] + x[3];
        System.out.printf(Locale.ROOT, "50/50 MnO+MnO2 mixture fitted: MnO %.4f, Mn3O4 %.4f, Mn2O3 %.4f, MnO2 %.4f "
                + "(sum of coefficients %.4f)%n", x[0] / sum, x[1] / sum, x[2] / sum, x[3] / sum, sum);
        assertEquals(0.50, x[0] / sum, 0.02);
        assertEquals(0.50, x[3] / sum, 0.02);
        assertEquals(1.0, sum, 0.05);
    }

    @Test
    void athenaProjectStandardsGiveTheSameSlope() throws IOException {
        // Another beamline and other samples (B. Ravel's Mn.prj): Athena's default ranges, post-edge from E0 + 50.
        java.nio.file.Path prj = RealData.file("mn_K_refs_larch_athena", "Mn.prj");
        List<AthenaGroup> groups = AthenaProjectReader.read(prj);
        String[] labels = {"MnO", "Mn3O4", "Mn2O3x", "Li2MnO3", "Pyrolusite"};
        double[] valence = {2, 8.0 / 3, 3, 4, 4};
        double[] edge = new double[labels.length];
        for (int k = 0; k < labels.length; k++) {
            ReferenceSpectrum s = AthenaProjectReader.select(groups, labels[k], prj).spectrum();
            NormalisedSpectrum n = EdgeStepNormaliser.normalise(s,
                    NormalisationSettings.athenaDefaults().withPostEdge(50, Double.NaN));
            edge[k] = halfHeight(n);
        }
        CalibrationLine line = CalibrationLine.fit(valence, edge, null);
        System.out.println("Mn K standards (Mn.prj), half-height calibration " + line);
        // xaslib (test above): 4.03 ± 0.77 eV per valence unit.
        assertEquals(4.03, line.slopeEvPerValence(), 2 * Math.hypot(0.77, line.slopeSeEvPerValence()));
        assertTrue(edge[0] < edge[1] && edge[1] < edge[2] && edge[2] < edge[4], java.util.Arrays.toString(edge));
    }

    private static ReferenceSpectrum mean(ReferenceSpectrum p, ReferenceSpectrum q) {
        double[] e = p.energiesEv();
        List<Double> keep = new ArrayList<>();
        double[] qe = q.energiesEv();
        for (double v : e) {
            if (v >= qe[0] && v <= qe[qe.length - 1]) {
                keep.add(v);
            }
        }
        double[] grid = keep.stream().mapToDouble(Double::doubleValue).toArray();
        double[] a = p.interpolate(grid);
        double[] b = q.interpolate(grid);
        for (int i = 0; i < grid.length; i++) {
            a[i] = 0.5 * (a[i] + b[i]);
        }
        return new ReferenceSpectrum(p.name(), p.valence(), grid, a);
    }
}
