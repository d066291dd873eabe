package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.io.TiffStackIO;

/**
 * A params.json reproduces its run: {@code run --normalise --shift-ev fit} on the bundled phantom, then
 * {@code run --params} (no preparation options) and {@code batch --params} on the same stack give the same maps,
 * float for float, and record the same preparation (without the re-application the reruns would fit unprepared
 * references, record no preparation and make the thickness in nm instead of an edge jump in OD).
 */
class ParamsReferencePreparationTest {

    @TempDir
    Path tmp;

    static final Path DIR = Path.of("test-images/primary");
    static final List<String> MAPS = List.of("maps/thickness.tif", "maps/fraction_Mn2.tif", "maps/fraction_Mn3.tif",
            "maps/fraction_Mn4.tif", "maps/valence.tif", "maps/residual.tif");

    @Test
    void rerunAndBatchFromParamsApplyTheRecordedNormalisationAndShift() throws IOException {
        String refs = DIR.resolve("references/Mn2.csv").toAbsolutePath() + ","
                + DIR.resolve("references/Mn3.csv").toAbsolutePath() + ","
                + DIR.resolve("references/Mn4.csv").toAbsolutePath();
        String stack = DIR.resolve("stack.tif").toAbsolutePath().toString();
        Path first = tmp.resolve("first");
        ReferencesVerbTest.Result r = ReferencesVerbTest.cli("run", "--stack", stack, "--references", refs,
                "--normalise", "--norm-pre", "-12,-4", "--norm-post", "8", "--norm-degree", "1", "--shift-ev", "fit",
                "--max-shift-ev", "2", "--shift-min-jump", "0.1", "--no-align", "--bootstrap", "0", "--out",
                first.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject prep = preparation(first);
        assertTrue(prep.has("normalise") && prep.get("shift_fitted").getAsBoolean(), prep.toString());
        assertEquals(0.1, prep.get("shift_min_jump").getAsDouble());

        Path again = tmp.resolve("again");
        r = ReferencesVerbTest.cli("run", "--params", first.resolve("params.json").toString(), "--stack", stack,
                "--references", refs, "--out", again.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("fitted reference energy shift"), r.err());
        assertEquals(prep, preparation(again));
        sameMaps(first, again);

        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(DIR.resolve("stack.tif"), in.resolve("stack.tif"));
        Files.copy(DIR.resolve("stack.energies.txt"), in.resolve("stack.energies.txt"));
        Path batch = tmp.resolve("batch");
        r = ReferencesVerbTest.cli("batch", "--in", in.toString(), "--params", first.resolve("params.json")
                .toString(), "--out", batch.toString());
        assertEquals(0, r.code(), r.err());
        Path one = batch.resolve("stack");
        assertTrue(Files.isRegularFile(one.resolve("params.json")), r.out());
        assertEquals(prep, preparation(one));
        sameMaps(first, one);
    }

    @Test
    void anOptionGivenOnTheCommandLineOverridesThatPartOfTheRecordedPreparation() throws IOException {
        String refs = DIR.resolve("references/Mn2.csv").toAbsolutePath() + ","
                + DIR.resolve("references/Mn3.csv").toAbsolutePath() + ","
                + DIR.resolve("references/Mn4.csv").toAbsolutePath();
        String stack = DIR.resolve("stack.tif").toAbsolutePath().toString();
        Path first = tmp.resolve("given");
        assertEquals(0, ReferencesVerbTest.cli("run", "--stack", stack, "--references", refs, "--shift-ev", "0.2",
                "--no-align", "--bootstrap", "0", "--threshold", "otsu", "--out", first.toString()).code());
        assertEquals(0.2, preparation(first).get("shift_ev").getAsDouble());
        Path second = tmp.resolve("override");
        ReferencesVerbTest.Result r = ReferencesVerbTest.cli("run", "--params", first.resolve("params.json")
                .toString(), "--stack", stack, "--references", refs, "--shift-ev", "-0.1", "--out", second.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject prep = preparation(second);
        assertEquals(-0.1, prep.get("shift_ev").getAsDouble());
        assertFalse(prep.has("normalise"));
    }

    private static JsonObject preparation(Path results) throws IOException {
        return JsonParser.parseString(Files.readString(results.resolve("params.json"))).getAsJsonObject()
                .getAsJsonObject("inputs").getAsJsonObject("reference_preparation");
    }

    private static void sameMaps(Path a, Path b) throws IOException {
        for (String m : MAPS) {
            assertArrayEquals(TiffStackIO.readMap(a.resolve(m)), TiffStackIO.readMap(b.resolve(m)), m);
        }
    }
}
