package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.io.CxiQuantity;
import org.oxymap.io.StackReadOptions;

class ImportStackPluginTest {

    private static Path realAls() {
        Path hdr = Path.of(System.getProperty("oxymap.realdata", "../shared/realdata"), "ni_L_stxm_ptycho_xanespy",
                "stxm-scan.hdr");
        Assumptions.assumeTrue(Files.isRegularFile(hdr), "real data " + hdr + " not found: test skipped");
        return hdr;
    }

    @Test
    void realAlsStackOpensWithEnergyLabelsAndCalibration() throws IOException {
        ImagePlus imp = ImportStackPlugin.open(realAls(), null, Double.NaN, StackReadOptions.defaults());
        assertEquals(2, imp.getStackSize());
        assertEquals("853.0 eV", imp.getStack().getSliceLabel(1));
        assertEquals("857.75 eV", imp.getStack().getSliceLabel(2));
        assertEquals("nm", imp.getCalibration().getUnit());
        assertEquals((2.6163 + 0.6180) / 119 * 1000, imp.getCalibration().pixelWidth, 1e-9);
        assertEquals(19447f, imp.getStack().getProcessor(1).getf(0, 0));
        assertTrue(imp.getInfoProperty().contains("oxymap.dwell_ms=4.0"), imp.getInfoProperty());
    }

    @Test
    void macroOptionsOpenTheImage(@TempDir Path tmp) throws Exception {
        Path hdr = realAls();
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Macro.setOptions(Thread.currentThread(), "stack=[" + hdr + "] pixel_nm=25 quantity=" + CxiQuantity
                    .INTENSITY.label());
            try {
                new ImportStackPlugin().run("");
                result.set(WindowManager.getCurrentImage());
            } catch (Throwable e) {
                result.set(e);
            } finally {
                Macro.setOptions(Thread.currentThread(), null);
            }
        }, "Run$_oxymap-import-test");
        t.start();
        t.join();
        if (result.get() instanceof Throwable e) {
            throw new AssertionError(e);
        }
        ImagePlus imp = (ImagePlus) result.get();
        assertNotNull(imp, "the plugin showed no image");
        assertEquals("stxm-scan.hdr", imp.getTitle());
        assertEquals(25.0, imp.getCalibration().pixelWidth, 0);
        assertEquals(120, imp.getWidth());
    }

    @Test
    void badRegionIsReportedHeadless() throws Exception {
        Path hdr = realAls();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Macro.setOptions(Thread.currentThread(), "stack=[" + hdr + "] region=3");
            try {
                new ImportStackPlugin().run("");
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                Macro.setOptions(Thread.currentThread(), null);
            }
        }, "Run$_oxymap-import-test2");
        t.start();
        t.join();
        assertNotNull(failure.get());
        assertTrue(failure.get().getMessage().contains("region 3") && failure.get().getMessage().contains(
                "1 region(s)"), failure.get().getMessage());
    }
}
