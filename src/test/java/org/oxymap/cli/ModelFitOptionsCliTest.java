package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.model.OffsetMode;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.io.ParamsJson;

/** The model-fit options reach the fits, params.json, and come back with --params. */
class ModelFitOptionsCliTest {

    @TempDir
    Path tmp;

    private static final Path IMAGES = Path.of("test-images/primary");
    private static final String REFS = IMAGES.resolve("references/Mn2.csv") + "," + IMAGES.resolve("references/Mn3.csv")
            + "," + IMAGES.resolve("references/Mn4.csv");

    @Test
    void offsetAndBootstrapOptionsAreUsedAndSaved() throws IOException {
        Path out = tmp.resolve("fixed");
        OxyMapCliTest.Result r = OxyMapCliTest.cli("run", "--stack", IMAGES.resolve("stack.tif").toString(),
                "--references", REFS, "--time-s", "1e6", "--offset", "fixed", "--offset-nm", "20", "--bootstrap", "0",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        PipelineSettings saved = ParamsJson.readSettings(out.resolve("params.json"));
        assertEquals(OffsetMode.FIXED, saved.modelFits().offsetMode());
        assertEquals(20.0, saved.modelFits().offsetNm(), 0.0);
        assertEquals(0, saved.modelFits().bootstrapReplicates());
        String fits = Files.readString(out.resolve("fits.csv"));
        String header = fits.lines().findFirst().orElseThrow();
        int boot = java.util.Arrays.asList(header.split(",")).indexOf("D_boot95_low_cm2_s");
        assertTrue(boot > 0, header);
        // without bootstrap the bootstrap interval cells are empty, never NaN
        assertTrue(fits.lines().skip(1).allMatch(l -> l.split(",", -1)[boot].isEmpty()), fits);
        assertTrue(!fits.contains("NaN"), "no NaN in fits.csv");
    }

    @Test
    void probeAndSubpixelEdgeOptionsAreSavedAndReadBack() throws IOException {
        Path out = tmp.resolve("probe");
        OxyMapCliTest.Result r = OxyMapCliTest.cli("run", "--stack", IMAGES.resolve("stack.tif").toString(),
                "--references", REFS, "--time-s", "1e6", "--probe-fwhm-nm", "10", "--subpixel-edge", "false",
                "--bootstrap", "0", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        PipelineSettings saved = ParamsJson.readSettings(out.resolve("params.json"));
        assertEquals(10.0, saved.modelFits().probeFwhmNm(), 0.0);
        assertEquals(false, saved.particles().subpixelEdge());
        assertEquals(true, saved.modelFits().deconvolveProbe(), "deconvolve_probe defaults to true");
        Path off = tmp.resolve("probe-no-deconvolution");
        OxyMapCliTest.Result r2 = OxyMapCliTest.cli("run", "--stack", IMAGES.resolve("stack.tif").toString(),
                "--references", REFS, "--time-s", "1e6", "--probe-fwhm-nm", "10", "--deconvolve-probe", "false",
                "--bootstrap", "0", "--out", off.toString());
        assertEquals(0, r2.code(), r2.err());
        assertEquals(false, ParamsJson.readSettings(off.resolve("params.json")).modelFits().deconvolveProbe());
        assertTrue(Files.readString(off.resolve("params.json")).contains("\"deconvolve_probe\": false"));
        Path bad = tmp.resolve("badprobe");
        OxyMapCliTest.Result b = OxyMapCliTest.cli("run", "--stack", IMAGES.resolve("stack.tif").toString(),
                "--references", REFS, "--probe-fwhm-nm", "-1", "--out", bad.toString());
        assertNotEquals(0, b.code());
        assertTrue(b.err().contains("probe-fwhm-nm"), b.err());
        assertTrue(Files.notExists(bad));
    }

    @Test
    void fixedOffsetNeedsAValidDistance() {
        Path out = tmp.resolve("bad");
        OxyMapCliTest.Result r = OxyMapCliTest.cli("run", "--stack", IMAGES.resolve("stack.tif").toString(),
                "--references", REFS, "--offset", "fixed", "--offset-nm", "-5", "--out", out.toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("offset-nm"), r.err());
        assertTrue(Files.notExists(out));
    }
}
