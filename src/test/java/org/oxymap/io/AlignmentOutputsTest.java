package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.align.AlignmentSettings;
import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.align.Shift;
import org.oxymap.core.align.ShiftMethod;
import org.oxymap.core.pipeline.PipelineSettings;

/** The drift plot is a PNG of the expected size, and params.json keeps every preparation option. */
class AlignmentOutputsTest {

    @Test
    void plotIsAPng(@TempDir Path tmp) throws IOException {
        Path png = tmp.resolve("alignment.png");
        AlignmentPlot.write(new double[] {640, 641, 642}, new Shift[] {new Shift(0.1, -0.2), new Shift(0, 0),
            new Shift(-0.3, 0.4)}, png);
        byte[] b = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(b, 4));
        // IHDR width and height, big-endian, at bytes 16..23
        assertEquals(800, java.nio.ByteBuffer.wrap(b, 16, 4).getInt());
        assertEquals(500, java.nio.ByteBuffer.wrap(b, 20, 4).getInt());
    }

    @Test
    void paramsJsonRoundTripsThePreparationOptions(@TempDir Path tmp) throws IOException {
        AlignmentSettings a = AlignmentSettings.defaults().withReference("previous").withMethod(ShiftMethod.CUBIC)
                .withEdgeFilter(true).withRoi(new PixelRectangle(4, 5, 60, 70)).withLogCounts(false).withCrop(true)
                .withMaxShiftPx(3);
        PipelineSettings s = PipelineSettings.defaults().withAlignment(a);
        s = s.withPreparation(s.preparation().withOutlierSigma(6).withEnergyShiftEv(-0.37)
                .withI0Roi(new PixelRectangle(0, 0, 128, 16)));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("parameters", ParamsJson.settingsToMap(s));
        Path file = tmp.resolve("params.json");
        ParamsJson.write(file, root);
        String text = Files.readString(file);
        assertTrue(text.contains("\"align_reference\": \"previous\"") && text.contains("\"align_method\": \"cubic\"")
                && text.contains("\"energy_shift_ev\": -0.37"), text);
        PipelineSettings back = ParamsJson.readSettings(file);
        assertEquals(s, back);
        PipelineSettings defaults = PipelineSettings.defaults();
        Map<String, Object> d = ParamsJson.settingsToMap(defaults);
        assertEquals("mean", d.get("align_reference"));
        assertEquals("lanczos", d.get("align_method"));
        assertNull(d.get("align_roi"));
    }
}
