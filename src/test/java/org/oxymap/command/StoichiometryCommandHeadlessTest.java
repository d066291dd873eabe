package org.oxymap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.io.StoichiometryRunner;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.plugin.PluginService;

class StoichiometryCommandHeadlessTest {

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
    void indexedWithTheMacroKeys() {
        assertNotNull(context.service(PluginService.class).getPlugin(StoichiometryCommand.class));
        List<String> names = new ArrayList<>();
        for (ModuleItem<?> item : context.service(CommandService.class).getCommand(StoichiometryCommand.class)
                .inputs()) {
            names.add(item.getName());
        }
        assertEquals(List.of("formula", "pristine", "cycled", "uncertainty", "pristine_uncertainty", "li_tm",
                "li_tm_uncertainty", "density", "density_uncertainty", "pristine_density", "cell_volume_pristine",
                "cell_volume_cycled", "valence_map", "mask", "thickness", "valence_element", "samples", "seed", "json"),
                names);
    }

    @Test
    void runsHeadlessAndWritesTheContractKeys(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("stoich.json");
        var module = context.service(CommandService.class).run(StoichiometryCommand.class, true,
                Map.of("formula", "Li2MnO3", "pristine", "Mn=4", "cycled", "Mn=3.5", "uncertainty", "Mn=0.04",
                        "li_tm", 1.75, "json", json.toFile())).get();
        String summary = String.valueOf(module.getOutput("summary"));
        assertTrue(summary.contains("delta_cycled = 0.250000 ± 0.0200"), summary);
        assertEquals("", module.getOutput("warnings"));
        JsonObject o = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        for (String k : StoichiometryRunner.CONTRACT_KEYS) {
            assertTrue(o.has(k), k);
        }
        // Li2MnO3 -> Mn3.5: Li:TM vacancy 2, densified 1.5 (see StoichiometryAnalysisTest); 1.75 is half way.
        assertEquals(0.5, o.get("densification_fraction_li_tm").getAsDouble(), 1e-12);
        assertEquals(8.333333333, o.get("oxygen_released_at_pct").getAsDouble(), 1e-8);
    }
}
