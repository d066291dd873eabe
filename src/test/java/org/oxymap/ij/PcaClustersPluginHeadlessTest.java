package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.cluster.SpectralClusteringTest;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.ReferenceCsv;

/**
 * OxyMap PCA and Clusters on three planted materials at random thickness (the stack of
 * {@link SpectralClusteringTest}): the clusters recover the bands, the noise-free scree has rank 3, and the saved
 * cluster spectra read back as references.
 */
class PcaClustersPluginHeadlessTest {

    @Test
    void clustersRecoverPlantedMaterials(@TempDir Path dir) throws Exception {
        int w = 60;
        int h = 40;
        int[] truth = new int[w * h];
        SpectralStack od = SpectralClusteringTest.planted(w, h, truth, 0.004, 5);
        ImagePlus imp = ImportStackPlugin.toImagePlus(od, "OD");
        StepResult r = PcaClustersPlugin.analyse(imp, 3, 3, 0.02, 1, dir.resolve("refs"), ProgressListener.NONE);
        float[] clusters = (float[]) r.image("clusters").getProcessor().getPixels();
        // each planted band lies in one cluster: the majority cluster of a band holds >= 99% of its pixels
        for (int m = 1; m <= 3; m++) {
            int[] count = new int[4];
            int total = 0;
            for (int i = 0; i < truth.length; i++) {
                if (truth[i] == m) {
                    count[(int) clusters[i]]++;
                    total++;
                }
            }
            int best = Math.max(count[1], Math.max(count[2], count[3]));
            assertTrue(best >= 0.99 * total, "material " + m + ": " + best + " of " + total + " in one cluster");
        }
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == 0) {
                assertEquals(0f, clusters[i], "empty pixel " + i + " is not clustered");
            }
        }
        assertEquals(3, r.images().stream().filter(i -> i.getTitle().startsWith("score_")).count());
        ResultsTable table = r.tables().get("OxyMap Clusters");
        assertEquals(3, table.size());
        for (int c = 1; c <= 3; c++) {
            Path ref = dir.resolve("refs/cluster_" + c + ".csv");
            assertTrue(Files.exists(ref), ref.toString());
            assertEquals(od.energyCount(), ReferenceCsv.read(ref).energiesEv().length);
        }
    }

    @Test
    void noiseFreeScreeHasTheRankOfThePlantedMixtures() throws Exception {
        int[] truth = new int[60 * 40];
        SpectralStack od = SpectralClusteringTest.planted(60, 40, truth, 0.0, 5);
        StepResult r = PcaClustersPlugin.analyse(ImportStackPlugin.toImagePlus(od, "OD"), 3, 0, 0.02, 1, null,
                ProgressListener.NONE);
        ResultsTable scree = r.tables().get("OxyMap Scree");
        assertEquals(1.0, scree.getValue("cumulative_fraction", 2), 1e-9, "three spectra: rank 3");
        assertTrue(scree.getValue("variance_fraction", 3) < 1e-9, "fourth eigenvalue is zero");
    }

    @Test
    void macroOptionsRunHeadless() throws Exception {
        int[] truth = new int[60 * 40];
        ImagePlus imp = ImportStackPlugin.toImagePlus(SpectralClusteringTest.planted(60, 40, truth, 0.004, 5),
                "OD_planted");
        ij.macro.Interpreter.batchMode = true; // headless: images live as batch-mode images, found by title
        imp.show();
        assertNull(MacroRunner.runWithOptions(new PcaClustersPlugin(), "stack=OD_planted components=3 clusters=3 "
                + "min_jump_od=0.02 seed=1 save_references=[]"));
        ImagePlus clusters = WindowManager.getImage("clusters");
        assertNotNull(clusters);
        assertEquals(60, clusters.getWidth());
        assertEquals(3.0, clusters.getProcessor().getStatistics().max, 0.0, "three clusters");
    }
}
