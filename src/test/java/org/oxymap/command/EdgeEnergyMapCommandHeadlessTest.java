package org.oxymap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;

import ij.ImagePlus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.ij.EdgeEnergyMapPluginTest;
import org.oxymap.ij.ImportStackPlugin;
import org.oxymap.io.StackReadOptions;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** The Edge-Energy Map command through the CommandService on the synthetic OD stack with known edges. */
class EdgeEnergyMapCommandHeadlessTest {

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
    void knownEdgesAndValenceThroughTheCommandService(@TempDir Path tmp) throws Exception {
        Path[] files = EdgeEnergyMapPluginTest.writeOdStack(tmp);
        ImagePlus od = ImportStackPlugin.open(files[0], null, Double.NaN, StackReadOptions.defaults());
        CommandModule m = context.service(CommandService.class).run(EdgeEnergyMapCommand.class, true,
                Map.of("stack", od, "method", "half-height", "pre_edge_max_ev", 6530.0, "post_edge_min_ev", 6560.0,
                        "min_jump", 0.1, "calibration", files[1].toString())).get();
        float[] e = (float[]) ((ImagePlus) m.getOutput("edge_energy")).getProcessor().getPixels();
        float[] mask = (float[]) ((ImagePlus) m.getOutput("edge_mask")).getProcessor().getPixels();
        float[] v = (float[]) ((ImagePlus) m.getOutput("valence_edge")).getProcessor().getPixels();
        int w = od.getWidth();
        for (int i = 0; i < e.length; i++) {
            assertEquals(i < w ? 0f : 1f, mask[i]);
            if (i >= w) {
                assertEquals(6544 + 0.08 * i, e[i], 0.2);
                assertEquals((e[i] - 6536.0) / 4.0, v[i], 1e-4);
            }
        }
        CommandModule plain = context.service(CommandService.class).run(EdgeEnergyMapCommand.class, true,
                Map.of("stack", od, "min_jump", 0.1)).get();
        assertNull(plain.getOutput("valence_edge"));
        assertEquals(84, countOnes((ImagePlus) plain.getOutput("edge_mask")));
    }

    private static int countOnes(ImagePlus imp) {
        int n = 0;
        for (float f : (float[]) imp.getProcessor().getPixels()) {
            n += f == 1f ? 1 : 0;
        }
        return n;
    }
}
