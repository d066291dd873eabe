package org.oxymap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.ij.ReferenceFromRoiPluginTest;
import org.oxymap.io.ReferenceCsv;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Reference From ROI through the CommandService with a mask image, on the stack with a known region mean. */
class ReferenceFromRoiCommandHeadlessTest {

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
    void maskImageGivesTheKnownMeanSpectrum(@TempDir Path tmp) throws Exception {
        ImagePlus od = ReferenceFromRoiPluginTest.indexStack("od_cmd");
        float[] m = new float[od.getWidth() * od.getHeight()];
        m[7] = 1;
        m[8] = 1;
        m[9] = 1;
        ImagePlus mask = new ImagePlus("m", new ij.process.FloatProcessor(od.getWidth(), od.getHeight(), m));
        Path out = tmp.resolve("Mn4_std.csv");
        CommandModule c = context.service(CommandService.class).run(ReferenceFromRoiCommand.class, true,
                Map.of("stack", od, "mask", mask, "valence", "4", "out", out.toString())).get();
        ReferenceSpectrum ref = ReferenceCsv.read(out);
        assertEquals("Mn4_std", ref.name());
        assertEquals(4.0, ref.valence());
        assertEquals(2.08, ref.values()[2], 1e-6);
        ResultsTable t = (ResultsTable) c.getOutput("spectrum");
        assertEquals(3, t.size());
        assertEquals(1.08, t.getValue("od", 1), 1e-6);
        assertEquals(641.0, t.getValue("energy_eV", 1), 1e-9);
    }
}
