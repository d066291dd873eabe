package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.edge.CalibrationLine;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.CalibrationTable;
import org.oxymap.io.EnergyListFile;
import org.oxymap.io.TiffStackIO;

class EdgeVerbTest {

    @TempDir
    Path tmp;

    @Test
    void edgeAndValenceMapsOfASyntheticOdStack() throws IOException {
        int w = 12;
        int h = 8;
        List<Double> ev = new ArrayList<>();
        for (double e = 6520; e <= 6575; e += 0.5) {
            ev.add(e);
        }
        double[] energies = ev.stream().mapToDouble(Double::doubleValue).toArray();
        List<float[]> planes = new ArrayList<>();
        for (double e : energies) {
            float[] p = new float[w * h];
            for (int i = 0; i < p.length; i++) {
                double jump = i < w ? 0.01 : 0.8;
                p[i] = (float) (0.1 + jump * (0.5 + Math.atan((e - (6544 + 0.08 * i)) / 0.7) / Math.PI));
            }
            planes.add(p);
        }
        Path stack = tmp.resolve("od.tif");
        TiffStackIO.write(SpectralStack.wrap(planes, w, h, energies, 25), stack);
        Path energiesFile = tmp.resolve("od.energies.txt");
        EnergyListFile.write(energiesFile, energies);
        Path cal = tmp.resolve("cal.csv");
        CalibrationTable.write(cal, CalibrationLine.of(6536.0, 4.0, 1.0, 0.3, -0.29), "half-height", List.of());
        Path out = tmp.resolve("edge");
        ReferencesVerbTest.Result r = ReferencesVerbTest.cli("edge", "--stack", stack.toString(), "--energies",
                energiesFile.toString(), "--od", "--pre-edge-max-ev", "6530", "--post-edge-min-ev", "6560",
                "--min-jump", "0.1", "--calibration", cal.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("measured in 84 of 96 pixels"), r.out());
        float[] edge = TiffStackIO.readMap(out.resolve("maps/edge_energy.tif"));
        float[] mask = TiffStackIO.readMap(out.resolve("maps/edge_mask.tif"));
        float[] valence = TiffStackIO.readMap(out.resolve("maps/valence_edge.tif"));
        float[] sigma = TiffStackIO.readMap(out.resolve("maps/valence_edge_sigma.tif"));
        for (int i = 0; i < w * h; i++) {
            if (i < w) {
                assertEquals(0f, mask[i]);
                assertEquals(0f, edge[i]);
                assertEquals(0f, valence[i]);
                continue;
            }
            assertEquals(1f, mask[i]);
            assertEquals(6544 + 0.08 * i, edge[i], 0.2);
            double v = (edge[i] - 6536.0) / 4.0;
            assertEquals(v, valence[i], 1e-4);
            assertEquals(Math.sqrt(1.0 + v * v * 0.09 - 2 * v * 0.29) / 4.0, sigma[i], 1e-4);
        }
        assertTrue(Files.readString(out.resolve("params.json")).contains("\"edge_method\": \"half-height\""));
    }

    @Test
    void referenceFromARectangleOfAStack() throws IOException {
        int w = 6;
        int h = 5;
        double[] energies = {640, 641, 642};
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            float[] p = new float[w * h];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) (k + 0.01 * i);
            }
            planes.add(p);
        }
        Path stack = tmp.resolve("std.tif");
        TiffStackIO.write(SpectralStack.wrap(planes, w, h, energies, 25), stack);
        Path energiesFile = tmp.resolve("std.energies.txt");
        EnergyListFile.write(energiesFile, energies);
        Path out = tmp.resolve("refs/Mn3std.csv");
        ReferencesVerbTest.Result r = ReferencesVerbTest.cli("references", "roi", "--stack", stack.toString(),
                "--energies", energiesFile.toString(), "--od", "--roi", "2,1,2,2", "--valence", "3", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        org.oxymap.core.spectra.ReferenceSpectrum ref = org.oxymap.io.ReferenceCsv.read(out);
        // pixels 8, 9, 14, 15: mean index 11.5
        assertEquals(0.115, ref.values()[0], 1e-6);
        assertEquals(2.115, ref.values()[2], 1e-6);
        assertEquals(3.0, ref.valence());
        assertEquals("Mn3std", ref.name());
        r = ReferencesVerbTest.cli("references", "roi", "--stack", stack.toString(), "--energies",
                energiesFile.toString(), "--od", "--roi", "5,4,2,2", "--out", tmp.resolve("bad.csv").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("outside"), r.err());
    }
}
