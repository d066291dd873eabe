package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.io.TiffStackIO;

/** The alignment, outlier, energy-shift and I0-rectangle options of {@code oxymap run}. */
class PreparationOptionsCliTest {

    private static final Path PRIMARY = Path.of("test-images", "primary");

    private static String refs() {
        return PRIMARY.resolve("references/Mn2.csv") + "," + PRIMARY.resolve("references/Mn3.csv") + ","
                + PRIMARY.resolve("references/Mn4.csv");
    }

    @Test
    void optionsReachTheRunAndItsParams(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        OxyMapCliTest.Result r = OxyMapCliTest.cli("run", "--stack", PRIMARY.resolve("stack.tif").toString(),
                "--references", refs(), "--out", out.toString(), "--align-reference", "previous", "--align-method",
                "cubic", "--crop", "--outliers", "6", "--energy-shift", "0.0", "--i0-roi", "0,0,128,12");
        assertEquals(0, r.code(), r.err());
        JsonObject params = JsonParser.parseString(Files.readString(out.resolve("params.json"),
                StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject p = params.getAsJsonObject("parameters");
        assertEquals("previous", p.get("align_reference").getAsString());
        assertEquals("cubic", p.get("align_method").getAsString());
        assertTrue(p.get("crop").getAsBoolean());
        assertEquals(6.0, p.get("outliers").getAsDouble());
        assertEquals("0,0,128,12", p.get("i0_roi").getAsString());
        JsonObject summary = params.getAsJsonObject("summary");
        String[] area = summary.get("area_px").getAsString().split(",");
        int w = Integer.parseInt(area[2]);
        int h = Integer.parseInt(area[3]);
        assertTrue(w < 128 && h < 128 && w > 120 && h > 120, "cropped area " + summary.get("area_px"));
        assertEquals(w * h, TiffStackIO.readMap(out.resolve("maps/thickness.tif")).length, "maps have the crop's size");
        assertEquals("rectangle 0,0,128,12", summary.get("i0_source").getAsString());
        assertTrue(Files.size(out.resolve("alignment.png")) > 1000, "drift plot written");
    }

    @Test
    void badOptionValuesNameTheOption(@TempDir Path tmp) {
        String[][] cases = {{"--align-method", "spline", "align-method"}, {"--align-reference", "middle",
            "align-reference"}, {"--align-roi", "1,2,3", "align-roi"}, {"--outliers", "1", "outliers"}};
        for (String[] c : cases) {
            Path out = tmp.resolve("bad-" + c[0].substring(2));
            OxyMapCliTest.Result r = OxyMapCliTest.cli("run", "--stack", PRIMARY.resolve("stack.tif").toString(),
                    "--references", refs(), "--out", out.toString(), c[0], c[1]);
            assertEquals(1, r.code(), c[0]);
            assertTrue(r.err().contains(c[2]), r.err());
            assertFalse(Files.exists(out), "no results folder for " + c[0]);
        }
    }
}
