package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.Macro;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.command.CommandsHeadlessTest;
import org.oxymap.core.phantom.AgglomeratePhantom;
import org.oxymap.core.phantom.AgglomeratePhantomGenerator;
import org.oxymap.core.phantom.AgglomeratePhantomSettings;
import org.oxymap.core.progress.ProgressListener;

class PluginsHeadlessTest {

    static final Path PRIMARY = Path.of("test-images", "primary").toAbsolutePath();


    @Test
    void runPipelinePluginWritesResults(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("ij1 results");
        String refs = PRIMARY.resolve("references/Mn2.csv") + "," + PRIMARY.resolve("references/Mn3.csv") + ","
                + PRIMARY.resolve("references/Mn4.csv");
        Throwable e = MacroRunner.runWithOptions(new RunPipelinePlugin(), "stack=[" + PRIMARY.resolve("stack.tif")
                + "] references=[" + refs + "] out=[" + out + "] time_s=1000000");
        if (e != null) {
            throw new AssertionError(e);
        }
        assertTrue(Files.isRegularFile(out.resolve("params.json")));
        CommandsHeadlessTest.assertAllRowD(out.resolve("fits.csv"));
    }

    @Test
    void generatePhantomPluginWritesTheFolder(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("phantom");
        Throwable e = MacroRunner.runWithOptions(new GeneratePhantomPlugin(), "out=[" + out + "] seed=3 size=48 noise=0");
        if (e != null) {
            throw new AssertionError(e);
        }
        assertTrue(Files.isRegularFile(out.resolve("truth/truth.json")));
    }

    @Test
    void generatePhantomPluginWritesTheAgglomerateKind(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("agglomerate phantom");
        Throwable e = MacroRunner.runWithOptions(new GeneratePhantomPlugin(),
                "out=[" + out + "] kind=agglomerate seed=4 size=0 noise=0 drift_px=0 probe_fwhm_nm=0 pixel_nm=20");
        if (e != null) {
            throw new AssertionError(e);
        }
        AgglomeratePhantom truth = new AgglomeratePhantomGenerator(AgglomeratePhantomSettings.defaults().withSeed(4)
                .withNoise(0).withDrift(0).withProbeFwhmNm(0).withPixelNm(20))
                .generate(ProgressListener.NONE);
        assertTrue(Files.isRegularFile(out.resolve("truth/agglomerates.tif")));
        long rows = Files.readAllLines(out.resolve("truth/particles.csv"), StandardCharsets.UTF_8).size() - 1;
        assertEquals(truth.particles().size(), rows, "particles written");
        Throwable bad = MacroRunner.runWithOptions(new GeneratePhantomPlugin(),
                "out=[" + tmp.resolve("x") + "] kind=primary pixel_nm=25");
        assertNotNull(bad);
        assertTrue(bad.getMessage().contains("pixel"), bad.getMessage());
    }

    /**
     * The bundled phantom was made with a 10 nm probe: given in the dialog, the run deconvolves it (params.json says
     * so) and still finds the phantom's D; a negative FWHM is refused by name.
     */
    @Test
    void runPipelinePluginTakesTheProbe(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("with probe");
        String refs = PRIMARY.resolve("references/Mn2.csv") + "," + PRIMARY.resolve("references/Mn3.csv") + ","
                + PRIMARY.resolve("references/Mn4.csv");
        String common = "stack=[" + PRIMARY.resolve("stack.tif") + "] references=[" + refs + "] time_s=1000000";
        Throwable e = MacroRunner.runWithOptions(new RunPipelinePlugin(), common + " out=[" + out
                + "] probe_fwhm_nm=10 deconvolve_probe");
        if (e != null) {
            throw new AssertionError(e);
        }
        String params = Files.readString(out.resolve("params.json"), StandardCharsets.UTF_8);
        assertTrue(params.matches("(?s).*\"probe_fwhm_nm\"\\s*:\\s*10(\\.0)?\\s*[,}].*"), params);
        assertTrue(params.matches("(?s).*\"deconvolve_probe\"\\s*:\\s*true.*"), params);
        CommandsHeadlessTest.assertAllRowD(out.resolve("fits.csv"));
        Throwable bad = MacroRunner.runWithOptions(new RunPipelinePlugin(), common + " out=[" + tmp.resolve("bad")
                + "] probe_fwhm_nm=-5");
        assertNotNull(bad);
        assertTrue(bad.getMessage().contains("probe_fwhm_nm"), bad.getMessage());
    }

    @Test
    void missingStackIsNamedHeadless(@TempDir Path tmp) throws Exception {
        Path missing = tmp.resolve("nope.tif");
        Throwable e = MacroRunner.runWithOptions(new RunPipelinePlugin(), "stack=[" + missing + "] references=["
                + PRIMARY.resolve("references/Mn3.csv") + "] out=[" + tmp.resolve("o") + "]");
        assertNotNull(e);
        assertTrue(e.getMessage().contains("nope.tif"), e.getMessage());
    }

    @Test
    void pluginsConfigListsBothPlugins() throws Exception {
        String config = Files.readString(Path.of("plugins.config"), StandardCharsets.UTF_8);
        assertTrue(config.contains("org.oxymap.ij.RunPipelinePlugin"));
        assertTrue(config.contains("org.oxymap.ij.GeneratePhantomPlugin"));
        assertTrue(Files.isRegularFile(Path.of("target/classes/plugins.config")));
    }
}
