package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import ij.ImagePlus;
import ij.WindowManager;

import org.junit.jupiter.api.Test;
import org.oxymap.io.CsvTable;
import org.oxymap.io.TiffStackIO;

/**
 * The ImageJ 1.x step plugins headless, with macro options as a recorded macro gives them: each finds the
 * previous step's images by title, and on the bundled phantom the fraction map is close to the truth and the
 * segmentation finds the phantom's particles.
 */
public class StepPluginsHeadlessTest {

    static final Path PRIMARY = Path.of("test-images", "primary").toAbsolutePath();

    @Test
    void stepsFindEachOthersImagesByTitleAndReproduceThePhantom() throws Exception {
        String refs = PRIMARY.resolve("references/Mn2.csv") + "," + PRIMARY.resolve("references/Mn3.csv") + ","
                + PRIMARY.resolve("references/Mn4.csv");
        assertNull(MacroRunner.runWithOptions(new ImportStackPlugin(), "stack=[" + PRIMARY.resolve("stack.tif")
                + "] energies=[] pixel_nm=0 region=0 channel=0 quantity=intensity"));
        assertNull(MacroRunner.runWithOptions(new AlignStackPlugin(), "stack=stack.tif"));
        assertNull(MacroRunner.runWithOptions(new OpticalDensityPlugin(), "stack=aligned i0=auto i0_roi=[] "
                + "i0_file=[]"));
        assertNull(MacroRunner.runWithOptions(new FitReferencesPlugin(), "stack=OD references=[" + refs
                + "] background=constant"));
        assertNull(MacroRunner.runWithOptions(new SegmentParticlesPlugin(), "thickness=thickness mask=mask "
                + "empty=i0_region threshold=noise min_area_nm2=2000"));

        ImagePlus fraction = WindowManager.getImage("fraction_Mn3");
        ImagePlus labels = WindowManager.getImage("labels");
        assertNotNull(fraction);
        assertNotNull(labels);
        int truthParticles = CsvTable.read(PRIMARY.resolve("truth/particles.csv")).size();
        assertEquals(truthParticles, labels.getOverlay().size(), "one outline per phantom particle");

        // fraction of Mn3 against the truth, inside the true particles (the alignment keeps the 128 x 128 frame)
        assertEquals(128, fraction.getWidth());
        float[] truth = TiffStackIO.readMap(PRIMARY.resolve("truth/fraction_Mn3.tif"));
        float[] truthLabels = TiffStackIO.readMap(PRIMARY.resolve("truth/labels.tif"));
        float[] f = (float[]) fraction.getProcessor().getPixels();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < f.length; i++) {
            if (truthLabels[i] > 0) {
                sum += (f[i] - truth[i]) * (f[i] - truth[i]);
                n++;
            }
        }
        double rmse = Math.sqrt(sum / n);
        assertTrue(rmse < 0.08, "fraction RMSE vs truth " + rmse);
    }

    @Test
    void anImageThatIsNeitherOpenNorAFileIsNamedInTheError() throws Exception {
        Throwable t = MacroRunner.runWithOptions(new AlignStackPlugin(), "stack=[no such image]");
        assertNotNull(t);
        assertTrue(t.getMessage().contains("no such image") && t.getMessage().contains("neither"), t.getMessage());
    }
}
