package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.io.StoichiometryRunner;
import org.oxymap.io.TiffStackIO;

/** {@code oxymap stoichiometry} as CONTRACT.md gives it: printed and JSON keys, warnings, one-line errors. */
class StoichiometryVerbTest {

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OxyMapCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static JsonObject read(Path json) throws Exception {
        return JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void contractKeysArePrintedAndWrittenWithUncertainties(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("out/stoich.json");
        Result r = cli("stoichiometry", "--formula", "Li1.18Ni0.21Mn0.53Co0.08O2", "--pristine", "Ni=2,Mn=4,Co=3",
                "--cycled", "Ni=2,Mn=3.7,Co=2.9", "--uncertainty", "Mn=0.05,Ni=0.05,Co=0.05", "--li-tm", "1.30",
                "--li-tm-uncertainty", "0.02", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject o = read(json);
        for (String k : StoichiometryRunner.CONTRACT_KEYS) {
            assertTrue(o.has(k), "JSON key " + k);
            assertTrue(r.out().contains(k + " = "), "printed " + k);
        }
        for (String k : new String[] {"delta_cycled", "oxygen_released_at_pct", "li_tm_densified",
                "density_vacancy_rel", "density_densified_rel"}) {
            assertTrue(o.get(k + "_se").getAsDouble() > 0, k + "_se");
            assertTrue(o.get(k + "_se_mc").getAsDouble() > 0, k + "_se_mc");
        }
        assertEquals(0.1035, o.get("delta_cycled").getAsDouble(), 1e-12);
        assertEquals(0.02, o.get("delta_pristine").getAsDouble(), 1e-12);
        assertEquals("[Li1.18Ni0.21Mn0.53Co0.08][O1.8965□0.1035]", o.get("vacancy_formula").getAsString());
        assertEquals("mixed", o.get("supported_model_li_tm").getAsString());
        assertEquals(0, o.getAsJsonArray("warnings").size());
        assertEquals(3.7, o.getAsJsonObject("inputs").getAsJsonObject("cycled").get("Mn").getAsDouble(), 0);
    }

    @Test
    void valenceMapRegionFeedsTheMnInput(@TempDir Path tmp) throws Exception {
        // 2 × 2 map: inside the mask Mn 3.6 (thickness 10) and 3.8 (thickness 30); outside 2.0 and a zero-thickness
        // 9.0. Mean = (36 + 114)/40 = 3.75; SE = sqrt((10·0.15² + 30·0.05²)/40)/sqrt(1600/1000) = 0.0684653.
        Path v = tmp.resolve("valence.tif");
        Path m = tmp.resolve("mask.tif");
        Path t = tmp.resolve("thickness.tif");
        TiffStackIO.writeMap(new float[] {3.6f, 3.8f, 2f, 9f}, 2, 2, 10, 10, v);
        TiffStackIO.writeMap(new float[] {1, 1, 0, 1}, 2, 2, 10, 10, m);
        TiffStackIO.writeMap(new float[] {10, 30, 10, 0}, 2, 2, 10, 10, t);
        Path json = tmp.resolve("s.json");
        Result r = cli("stoichiometry", "--formula", "Li2MnO3", "--pristine", "Mn=4", "--valence-map", v.toString(),
                "--mask", m.toString(), "--thickness", t.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject o = read(json);
        JsonObject region = o.getAsJsonObject("inputs").getAsJsonObject("region");
        assertEquals(3.75, region.get("mean_valence").getAsDouble(), 1e-6);
        assertEquals(0.0684653, region.get("se").getAsDouble(), 1e-6);
        // Li2MnO3 with Mn 3.75: O = (2 + 3.75)/2 = 2.875, δ = 0.125, σ(δ) = SE/2
        assertEquals(0.125, o.get("delta_cycled").getAsDouble(), 1e-6);
        assertEquals(0.0684653 / 2, o.get("delta_cycled_se").getAsDouble(), 1e-6);
        assertTrue(r.out().contains("region of valence.tif: Mn = 3.7500"), r.out());
    }

    @Test
    void impossibleInputIsFlaggedNotHidden(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("s.json");
        Result r = cli("stoichiometry", "--formula", "Li1.18Ni0.21Mn0.53Co0.08O2", "--pristine", "Ni=2,Mn=5,Co=3",
                "--cycled", "Ni=2,Mn=3.7,Co=2.9", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("warning: pristine oxidation states balance O2.245"), r.out());
        assertTrue(read(json).getAsJsonArray("warnings").size() >= 1);
    }

    @Test
    void badInputIsAOneLineErrorAndNoFile(@TempDir Path tmp) {
        Path json = tmp.resolve("s.json");
        Result r = cli("stoichiometry", "--formula", "Li1.2Xx0.5O2", "--pristine", "Mn=4", "--cycled", "Mn=3",
                "--json", json.toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().startsWith("oxymap: error: formula 'Li1.2Xx0.5O2' at position 6: unknown element 'Xx'"),
                r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(json));

        Result bad = cli("stoichiometry", "--formula", "MnO2", "--pristine", "Mn=four", "--cycled", "Mn=3");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("parameter pristine: 'four' for Mn is not a number"), bad.err());

        Result density = cli("stoichiometry", "--formula", "MnO2", "--pristine", "Mn=4", "--cycled", "Mn=3",
                "--density", "4.5");
        assertNotEquals(0, density.code());
        assertTrue(density.err().contains("needs the pristine density or the pristine cell volume"), density.err());
    }
}
