package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --shift-ev fit} on the bundled phantom, whose stack was made from its own references: the fitted
 * shift is zero within the noise and recorded in params.json; a given shift too large for the references fails.
 */
class RunReferenceOptionsCliTest {

    @TempDir
    Path tmp;

    @Test
    void fittedShiftOfThePhantomIsZeroAndRecorded() throws IOException {
        Path dir = Path.of("test-images/primary");
        String refs = dir.resolve("references/Mn2.csv") + "," + dir.resolve("references/Mn3.csv") + ","
                + dir.resolve("references/Mn4.csv");
        Path out = tmp.resolve("fit");
        ReferencesVerbTest.Result r = ReferencesVerbTest.cli("run", "--stack", dir.resolve("stack.tif").toString(),
                "--references", refs, "--shift-ev", "fit", "--max-shift-ev", "3", "--no-align", "--bootstrap", "0",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("fitted reference energy shift ([-+0-9.]+) eV").matcher(r.err());
        assertTrue(m.find(), r.err());
        assertEquals(0.0, Double.parseDouble(m.group(1)), 0.05);
        String params = Files.readString(out.resolve("params.json"));
        assertTrue(params.contains("\"reference_preparation\"") && params.contains("\"shift_fitted\": true"), params);

        // A given shift that moves the references off the stack's energies is a clear error, before any output.
        r = ReferencesVerbTest.cli("run", "--stack", dir.resolve("stack.tif").toString(), "--references", refs,
                "--shift-ev", "6", "--no-align", "--out", tmp.resolve("far").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("covers"), r.err());
        assertTrue(!Files.exists(tmp.resolve("far")));
    }
}
