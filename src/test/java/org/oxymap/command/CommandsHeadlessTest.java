package org.oxymap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.io.CsvTable;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.plugin.PluginService;

public class CommandsHeadlessTest {

    static final Path PRIMARY = Path.of("test-images", "primary").toAbsolutePath();

    private static Context context;

    @BeforeAll
    static void start() {
        context = new Context(CommandService.class);
    }

    @AfterAll
    static void stop() {
        context.dispose();
    }

    @Test
    void pluginIndexListsBothCommands() {
        PluginService plugins = context.service(PluginService.class);
        assertNotNull(plugins.getPlugin(RunPipelineCommand.class));
        assertNotNull(plugins.getPlugin(GeneratePhantomCommand.class));
        CommandService commands = context.service(CommandService.class);
        List<String> names = new java.util.ArrayList<>();
        for (ModuleItem<?> item : commands.getCommand(RunPipelineCommand.class).inputs()) {
            names.add(item.getName());
        }
        assertEquals(List.of("stack", "energies", "references", "out", "time_s", "section_nm", "bin_nm",
                "background", "threshold", "min_area_nm2", "fill_holes", "watershed", "watershed_h_nm", "max_area_nm2",
                "min_solidity", "min_circularity", "exclude_touching", "touching_counts_as_edge", "subpixel_edge",
                "normalise_distance", "normalised_bin", "sectors", "probe_fwhm_nm", "deconvolve_probe", "particles"),
                names);
    }

    @Test
    void generatePhantomWritesTheFolder(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("phantom");
        context.service(CommandService.class).run(GeneratePhantomCommand.class, true,
                Map.of("out", out.toFile(), "seed", 5L, "size", 64, "noise", 0.0)).get();
        assertTrue(Files.isRegularFile(out.resolve("stack.tif")));
        assertTrue(Files.isRegularFile(out.resolve("references/Mn3.csv")));
        assertTrue(Files.isRegularFile(out.resolve("truth/truth.json")));
    }

    @Test
    void generatePhantomWritesTheAgglomerateKind(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("agglomerates");
        var module = context.service(CommandService.class).run(GeneratePhantomCommand.class, true,
                Map.of("out", out.toFile(), "kind", "agglomerate", "seed", 6L, "size", 0, "noise", 0.0,
                        "pixel_nm", 20.0)).get();
        assertTrue(String.valueOf(module.getOutput("summary")).startsWith("agglomerate phantom"));
        assertTrue(Files.isRegularFile(out.resolve("truth/agglomerates.tif")));
        assertTrue(Files.isRegularFile(out.resolve("truth/classes.csv")));
    }

    @Test
    void runPipelineMatchesTheKnownDiffusivity(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("results");
        String refs = PRIMARY.resolve("references/Mn2.csv") + "," + PRIMARY.resolve("references/Mn3.csv") + ","
                + PRIMARY.resolve("references/Mn4.csv");
        var module = context.service(CommandService.class).run(RunPipelineCommand.class, true,
                Map.of("stack", PRIMARY.resolve("stack.tif").toFile(), "references", refs, "out", out.toFile(),
                        "time_s", 1e6, "probe_fwhm_nm", 10.0)).get();
        assertTrue(String.valueOf(module.getOutput("summary")).contains("particles"));
        assertAllRowD(out.resolve("fits.csv"));
        // the bundled phantom's 10 nm probe, deconvolved by default
        String params = Files.readString(out.resolve("params.json"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(params.matches("(?s).*\"deconvolve_probe\"\\s*:\\s*true.*"), params);
    }

    /** The bundled phantom was made with D = 1e-17 cm²/s. */
    public static void assertAllRowD(Path fits) throws Exception {
        assertTrue(Files.isRegularFile(fits), fits + " missing");
        Map<String, String> all = CsvTable.read(fits).stream()
                .filter(r -> "all".equals(r.get("particle")) && "sphere-diffusion".equals(r.get("model")))
                .findFirst().orElseThrow();
        double d = Double.parseDouble(all.get("D_cm2_s"));
        assertEquals(1e-17, d, 0.25e-17, "global D " + d);
    }
}
