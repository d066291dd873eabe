package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.macro.Interpreter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.ReferenceCsv;

/**
 * OxyMap Reference From ROI on a stack whose pixel i holds k + 0.01·i at energy k: the mean over a region is
 * k + 0.01·(mean index), known exactly.
 */
public class ReferenceFromRoiPluginTest {

    static final int W = 6;
    static final int H = 5;

    /** An OD stack at 640, 641, 642 eV, pixel i = k + 0.01 i, 20 nm pixels. */
    public static ImagePlus indexStack(String title) {
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            float[] p = new float[W * H];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) (k + 0.01 * i);
            }
            planes.add(p);
        }
        return ImportStackPlugin.toImagePlus(SpectralStack.wrap(planes, W, H, new double[] {640, 641, 642}, 20),
                title);
    }

    @Test
    void rectangleSelectionFromMacroOptions(@TempDir Path tmp) throws Exception {
        ImagePlus od = indexStack("std_od");
        Interpreter.batchMode = true;
        od.show();
        od.setRoi(new Roi(2, 1, 2, 2));
        Path out = tmp.resolve("refs/Mn3std.csv");
        assertNull(MacroRunner.runWithOptions(new ReferenceFromRoiPlugin(), "stack=std_od mask=[] name=[] valence=3 "
                + "out=[" + out + "]"));
        ReferenceSpectrum ref = ReferenceCsv.read(out);
        // pixels 8, 9, 14, 15: mean index 11.5
        assertEquals(0.115, ref.values()[0], 1e-6);
        assertEquals(1.115, ref.values()[1], 1e-6);
        assertEquals(2.115, ref.values()[2], 1e-6);
        assertEquals(641.0, ref.energiesEv()[1]);
        assertEquals(3.0, ref.valence());
        assertEquals("Mn3std", ref.name());
        assertTrue(Files.readString(out).startsWith("# valence: 3\n"), Files.readString(out));
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void maskImageFractionalValenceAndErrors(@TempDir Path tmp) throws Exception {
        ImagePlus od = indexStack("std_od2");
        float[] m = new float[W * H];
        m[0] = 1;
        m[29] = 1;
        ImagePlus mask = new ImagePlus("region", new ij.process.FloatProcessor(W, H, m));
        Path out = tmp.resolve("Mn3O4.csv");
        StepResult r = ReferenceFromRoiPlugin.referenceFromRoi(od, mask, "hausmannite", "8/3", out.toString());
        ReferenceSpectrum ref = ReferenceCsv.read(out);
        assertEquals(0.145, ref.values()[0], 1e-6);
        assertEquals(2.145, ref.values()[2], 1e-6);
        assertEquals(8.0 / 3, ref.valence(), 1e-12);
        assertEquals(1.145, r.tables().get("OxyMap Reference").getValue("od", 1), 1e-6);
        assertEquals(1, r.plots().size());

        ImagePlus noRoi = indexStack("std_od3");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ReferenceFromRoiPlugin.referenceFromRoi(noRoi, null, "", "", out.toString()));
        assertTrue(e.getMessage().contains("no area selection"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ReferenceFromRoiPlugin.referenceFromRoi(od, mask, "", "three", out.toString()));
        assertTrue(e.getMessage().contains("three"), e.getMessage());
        ((float[]) od.getStack().getProcessor(2).getPixels())[29] = Float.NaN;
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ReferenceFromRoiPlugin.referenceFromRoi(od, mask, "", "", out.toString()));
        assertTrue(e.getMessage().contains("641.000 eV"), e.getMessage());
        assertNotNull(ReferenceCsv.read(out), "the earlier file is left as it was");
        assertEquals(0.145, ReferenceCsv.read(out).values()[0], 1e-6);
    }
}
