package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.io.CsvTable;
import org.oxymap.io.ReferenceCsv;
import org.oxymap.io.TiffStackIO;

/** {@code oxymap pca} on the bundled phantom: scree, score maps, clusters with reference CSVs, ratio map. */
class PcaVerbTest {

    @TempDir
    Path tmp;

    private static final Path STACK = Path.of("test-images/primary/stack.tif");

    @Test
    void writesScreeScoresClustersAndRatio() throws IOException {
        Path out = tmp.resolve("pca");
        OxyMapCliTest.Result r = OxyMapCliTest.cli("pca", "--stack", STACK.toString(), "--clusters", "2",
                "--components", "2", "--ratio", "656,641,630,634", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<Map<String, String>> scree = CsvTable.read(out.resolve("pca/scree.csv"));
        assertEquals(33, scree.size()); // one row per energy of the phantom
        double cumulative = Double.parseDouble(scree.get(scree.size() - 1).get("cumulative_fraction"));
        assertEquals(1.0, cumulative, 1e-4);
        double first = Double.parseDouble(scree.get(0).get("variance_fraction"));
        assertTrue(first > 0.8, "the mean shape dominates the normalised spectra: " + first);
        for (int c = 1; c < scree.size(); c++) {
            assertTrue(Double.parseDouble(scree.get(c).get("eigenvalue")) <= Double.parseDouble(scree.get(c - 1).get("eigenvalue")));
        }
        float[] clusters = TiffStackIO.readMap(out.resolve("pca/clusters.tif"));
        int[] counts = new int[3];
        for (float v : clusters) {
            assertTrue(v == 0 || v == 1 || v == 2, "cluster value " + v);
            counts[(int) v]++;
        }
        assertTrue(counts[0] > 0 && counts[1] >= counts[2] && counts[2] > 0, java.util.Arrays.toString(counts));
        ReferenceSpectrum c1 = ReferenceCsv.read(out.resolve("pca/cluster_1.csv"));
        assertEquals(33, c1.energiesEv().length);
        assertTrue(Files.exists(out.resolve("pca/score_2.tif")));
        float[] ratio = TiffStackIO.readMap(out.resolve("maps/ratio.tif"));
        float[] mask = TiffStackIO.readMap(out.resolve("maps/ratio_mask.tif"));
        int valid = 0;
        for (int i = 0; i < ratio.length; i++) {
            assertTrue(Float.isFinite(ratio[i]));
            valid += mask[i] > 0 ? 1 : 0;
            if (mask[i] == 0) {
                assertEquals(0f, ratio[i]);
            }
        }
        assertTrue(valid > 1000, "valid ratio pixels " + valid);
        assertTrue(Files.readString(out.resolve("params.json")).contains("\"clusters\": 2"));
    }

    @Test
    void ratioNeedsFourEnergies() {
        Path out = tmp.resolve("bad");
        OxyMapCliTest.Result r = OxyMapCliTest.cli("pca", "--stack", STACK.toString(), "--ratio", "656,641",
                "--out", out.toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("ratio"), r.err());
        assertTrue(Files.notExists(out));
    }
}
