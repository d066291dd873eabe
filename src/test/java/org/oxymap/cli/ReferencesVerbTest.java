package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.edge.CalibrationLine;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.io.CalibrationTable;
import org.oxymap.io.ReferenceCsv;

class ReferencesVerbTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OxyMapCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path real(String folder, String file) {
        Path p = Path.of(System.getProperty("oxymap.realdata", "../shared/realdata"), folder, file);
        Assumptions.assumeTrue(Files.isRegularFile(p), "real data " + p + " not found: test skipped");
        return p;
    }

    @Test
    void listShowsTheGroupsOfAnAthenaProject() {
        Result r = cli("references", "list", real("mn_K_refs_larch_athena", "Mn.prj").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2: MnO (1239 points"), r.out());
        assertTrue(r.out().contains("14: Mn3O4 (373 points"), r.out());
    }

    @Test
    void convertWritesNormalisedCsvWithValence() throws IOException {
        Path prj = real("mn_K_refs_larch_athena", "Mn.prj");
        Path out = tmp.resolve("refs");
        Result r = cli("references", "convert", "--normalise", "--valence", "MnO=2", "--guess-valence", "--out",
                out.toString(), prj + "#MnO", prj + "#Mn3O4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("valence of Mn3O4 guessed from the formula Mn3O4"), r.err());
        ReferenceSpectrum mno = ReferenceCsv.read(out.resolve("MnO.csv"));
        assertEquals(2.0, mno.valence());
        assertEquals(1239, mno.energiesEv().length);
        // Normalised: ~0 well below the edge, ~1 at E0 + 150 eV.
        assertEquals(0.0, mno.interpolate(new double[] {6450})[0], 0.02);
        assertEquals(1.0, mno.interpolate(new double[] {6700})[0], 0.1);
        assertEquals(8.0 / 3, ReferenceCsv.read(out.resolve("Mn3O4.csv")).valence(), 1e-9);
        assertTrue(Files.readString(out.resolve("params.json")).contains("\"edge_step\""));
    }

    @Test
    void calibrateFitsTheXasLibraryStandards() throws IOException {
        String[] files = new String[4];
        String[] names = {"MnO", "Mn3O4", "Mn2O3", "MnO2"};
        for (int k = 0; k < 4; k++) {
            files[k] = real("mn_K_refs_xaslib", names[k] + "_rt_01.xdi").toString();
        }
        Path cal = tmp.resolve("cal/mn.csv");
        Result r = cli("references", "calibrate", "--guess-valence", "--norm-pre", "-22,-10", "--norm-post", "20",
                "--norm-degree", "1", "--out", cal.toString(), files[0], files[1], files[2], files[3]);
        assertEquals(0, r.code(), r.err());
        CalibrationLine line = CalibrationTable.read(cal);
        assertTrue(line.slopeEvPerValence() > 0 && line.slopeSeEvPerValence() > 0, line.toString());
        assertEquals("half-height", CalibrationTable.method(cal));
        assertTrue(r.out().contains("slope"), r.out());

        Result noValence = cli("references", "calibrate", "--norm-pre", "-22,-10", "--norm-post", "20", "--out",
                tmp.resolve("x.csv").toString(), files[0], files[1]);
        assertEquals(1, noValence.code());
        assertTrue(noValence.err().contains("has no valence"), noValence.err());
        assertFalse(Files.exists(tmp.resolve("x.csv")));

        Result defaults = cli("references", "calibrate", "--guess-valence", "--out", tmp.resolve("y.csv").toString(),
                files[0], files[1], files[2]);
        assertEquals(1, defaults.code());
        assertTrue(defaults.err().contains("pre-edge range"), defaults.err());
    }
}
