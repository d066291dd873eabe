package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.fit.FitWeights;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.io.ParamsJson;
import org.oxymap.io.TiffStackIO;

/** The per-pixel fit options reach the maps and params.json, and the new maps are written without NaN. */
class PixelFitOptionsCliTest {

    @TempDir
    Path tmp;

    private static final Path IMAGES = Path.of("test-images/primary");
    private static final String REFS = IMAGES.resolve("references/Mn2.csv") + "," + IMAGES.resolve("references/Mn3.csv")
            + "," + IMAGES.resolve("references/Mn4.csv");

    @Test
    void poissonWeightsJumpMaskAndRFactorAreWritten() throws IOException {
        Path out = tmp.resolve("weighted");
        OxyMapCliTest.Result r = OxyMapCliTest.cli("run", "--stack", IMAGES.resolve("stack.tif").toString(),
                "--references", REFS, "--weights", "poisson", "--jump-threshold-od", "0.03", "--bootstrap", "0",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        PipelineSettings saved = ParamsJson.readSettings(out.resolve("params.json"));
        assertEquals(FitWeights.POISSON, saved.pixelFit().weights());
        assertEquals(0.03, saved.pixelFit().jumpThresholdOd(), 0.0);
        float[] jump = TiffStackIO.readMap(out.resolve("maps/edge_jump.tif"));
        float[] mask = TiffStackIO.readMap(out.resolve("maps/jump_mask.tif"));
        float[] rf = TiffStackIO.readMap(out.resolve("maps/rfactor.tif"));
        float[] fitted = TiffStackIO.readMap(out.resolve("maps/mask.tif"));
        int flagged = 0;
        int kept = 0;
        for (int i = 0; i < jump.length; i++) {
            float j = jump[i];
            assertTrue(Float.isFinite(j) && Float.isFinite(rf[i]), "finite at " + i);
            if (fitted[i] > 0) {
                assertEquals(j < 0.03 ? 1f : 0f, mask[i], "jump mask at " + i + ", jump " + j);
                flagged += j < 0.03 ? 1 : 0;
                kept += j >= 0.03 ? 1 : 0;
                // with weights the unweighted residual of an empty pixel may exceed Σb² (R > 1); thick pixels fit well
                assertTrue(rf[i] >= 0 && (j < 0.03 || rf[i] < 0.1), "R-factor " + rf[i] + " at jump " + j);
            }
        }
        assertTrue(flagged > 100 && kept > 100, "flagged " + flagged + ", kept " + kept);
        assertTrue(Files.exists(out.resolve("maps/sigma_Mn3.tif")));
    }

    @Test
    void unknownWeightsAreRejected() {
        Path out = tmp.resolve("bad");
        OxyMapCliTest.Result r = OxyMapCliTest.cli("run", "--stack", IMAGES.resolve("stack.tif").toString(),
                "--references", REFS, "--weights", "gaussian", "--out", out.toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("weights"), r.err());
        assertTrue(Files.notExists(out));
    }
}
