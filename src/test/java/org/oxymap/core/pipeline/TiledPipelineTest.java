package org.oxymap.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.oxymap.core.align.ShiftMethod;
import org.oxymap.core.model.ModelFitSettings;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.PlaneSource;

/**
 * The tiled path against the in-memory path on the default drifted phantom, both resampling with the default
 * Lanczos kernel: the same shifts, I0, maps (bit for bit) and particles, whatever the band height.
 */
class TiledPipelineTest {

    private static final PhantomSettings PHANTOM = PhantomSettings.defaults();

    private static PipelineSettings settings() {
        return PipelineSettings.defaults().withTimeS(PHANTOM.timeS())
                .withModelFits(ModelFitSettings.defaults().withBootstrap(0, 1L));
    }

    @Test
    void bandsGiveTheInMemoryResultBitForBit() throws Exception {
        Phantom p = new PhantomGenerator(PHANTOM).generate(ProgressListener.NONE);
        PipelineResult memory = new OxidationStatePipeline(settings(), p.references()).run(p.stack(),
                ProgressListener.NONE);
        int w = p.stack().width();
        int h = p.stack().height();
        int nE = p.stack().energyCount();
        long fixed = MemoryEstimate.tiledFixedBytes(w, h, nE, p.references().size(),
                settings().alignment().estimationArea(w, h));
        for (int rows : new int[] {7, 50}) {
            long budget = fixed + MemoryEstimate.tiledMarginBytes(w, 10 + 3)
                    + MemoryEstimate.tiledBytesPerRow(w, nE) * rows;
            TiledPipeline tiled = new TiledPipeline(settings(), p.references(), budget);
            assertEquals(rows, tiled.bandRows(w, h, nE, 10), "band rows");
            PipelineResult t = tiled.run(PlaneSource.of(p.stack()), null, ProgressListener.NONE);
            for (int k = 0; k < nE; k++) {
                assertEquals(memory.shifts()[k], t.shifts()[k], "shift " + k);
            }
            assertArrayEquals(memory.i0(), t.i0(), "I0");
            assertArrayEquals(memory.emptyMask(), t.emptyMask(), "empty mask");
            assertEquals(memory.invalidPixels(), t.invalidPixels());
            assertArrayEquals(memory.maps().thickness(), t.maps().thickness(), "thickness, bands of " + rows);
            for (int k = 0; k < memory.maps().names().size(); k++) {
                assertArrayEquals(memory.maps().fractions().get(k), t.maps().fractions().get(k), "fraction " + k);
                assertArrayEquals(memory.maps().coefficients().get(k), t.maps().coefficients().get(k));
            }
            assertArrayEquals(memory.maps().reducedChi2(), t.maps().reducedChi2());
            assertArrayEquals(memory.segmentation().labels(), t.segmentation().labels(), "particles");
            assertEquals(memory.globalFit().dtNm2(), t.globalFit().dtNm2(), 0.0);
        }
        assertTrue(memory.segmentation().count() > 5, "particles " + memory.segmentation().count());
    }

    @Test
    void bandsDeconvolveTheProbeAsInMemory() throws Exception {
        Phantom p = new PhantomGenerator(PHANTOM).generate(ProgressListener.NONE);
        PipelineSettings s = settings().withModelFits(settings().modelFits().withProbeFwhmNm(PHANTOM.probeFwhmNm()));
        s = s.withPixelFit(s.fitOptions().withWeights(org.oxymap.core.fit.FitWeights.POISSON));
        assertTrue(s.modelFits().deconvolves());
        PipelineResult memory = new OxidationStatePipeline(s, p.references()).run(p.stack(), ProgressListener.NONE);
        int w = p.stack().width();
        int h = p.stack().height();
        int nE = p.stack().energyCount();
        int reach = new org.oxymap.core.od.ProbeDeconvolution(PHANTOM.probeFwhmNm(), PHANTOM.pixelNm(),
                PHANTOM.pixelNm()).reachRows();
        long rows = 9;
        long budget = MemoryEstimate.tiledFixedBytes(w, h, nE, p.references().size(), s.alignment().estimationArea(w, h))
                + MemoryEstimate.tiledMarginBytes(w, 10 + 3 + 2 * reach)
                + (MemoryEstimate.tiledBytesPerRow(w, nE) + 2 * 4L * w) * rows;
        TiledPipeline tiled = new TiledPipeline(s, p.references(), budget);
        assertEquals(rows, tiled.bandRows(w, h, nE, 10, reach), "band rows");
        PipelineResult t = tiled.run(PlaneSource.of(p.stack()), null, ProgressListener.NONE);
        assertArrayEquals(memory.i0(), t.i0(), "I0");
        assertArrayEquals(memory.maps().thickness(), t.maps().thickness(), "thickness");
        for (int k = 0; k < memory.maps().names().size(); k++) {
            assertArrayEquals(memory.maps().fractions().get(k), t.maps().fractions().get(k), "fraction " + k);
            assertArrayEquals(memory.maps().sigmas().get(k), t.maps().sigmas().get(k), "sigma " + k);
        }
        assertArrayEquals(memory.segmentation().labels(), t.segmentation().labels(), "particles");
        assertEquals(memory.globalFit().dtNm2(), t.globalFit().dtNm2(), 0.0);
        // the deconvolution changed the maps: the same run without it differs
        PipelineResult blurred = new OxidationStatePipeline(s.withModelFits(s.modelFits().withDeconvolveProbe(false)),
                p.references()).run(p.stack(), ProgressListener.NONE);
        assertTrue(!java.util.Arrays.equals(blurred.maps().thickness(), t.maps().thickness()));
    }

    @Test
    void fourierIsReplacedByLanczosAndOtherSettingsAreRefused() {
        PipelineSettings d = PipelineSettings.defaults();
        assertEquals(ShiftMethod.LANCZOS, TiledPipeline.tileable(d).alignment().method());
        assertEquals(ShiftMethod.LANCZOS, TiledPipeline.tileable(d.withAlignment(d.alignment()
                .withMethod(ShiftMethod.FOURIER))).alignment().method());
        assertEquals(ShiftMethod.CUBIC, TiledPipeline.tileable(d.withAlignment(d.alignment()
                .withMethod(ShiftMethod.CUBIC))).alignment().method());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TiledPipeline.tileable(
                d.withAlignment(d.alignment().withMethod(ShiftMethod.BILINEAR))));
        assertTrue(e.getMessage().contains("align-method") && e.getMessage().contains("--max-memory"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TiledPipeline.tileable(
                d.withAlignment(d.alignment().withCrop(true))));
        assertTrue(e.getMessage().contains("crop"), e.getMessage());
    }

    @Test
    void tooSmallABudgetSaysWhatIsNeeded() {
        TiledPipeline t = new TiledPipeline(settings(), java.util.List.of(), 1 << 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.bandRows(2048, 2048, 90,
                10));
        assertTrue(e.getMessage().contains("--max-memory 1 MB is too small"), e.getMessage());
    }

    @Test
    void sizesParseAndTheAdviceNamesBothRemedies() {
        assertEquals(512L << 20, MemoryEstimate.parseSize("512m", "max-memory"));
        assertEquals(2L << 30, MemoryEstimate.parseSize("2G", "max-memory"));
        assertEquals(3L << 29, MemoryEstimate.parseSize("1.5gb", "max-memory"));
        assertEquals(1000, MemoryEstimate.parseSize("1000", "max-memory"));
        assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.parseSize("lots", "max-memory"));
        assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.parseSize("-1g", "max-memory"));
        // 2048 x 2048 x 90 floats = 1.41 GB, three copies plus maps
        long need = MemoryEstimate.inMemoryBytes(2048, 2048, 90, 3);
        assertEquals(3 * 4L * 2048 * 2048 * 90 + 4L * 2048 * 2048 * 25, need);
        String advice = MemoryEstimate.advice(need, 2L << 30);
        assertTrue(advice.contains("--max-memory 1536m") && advice.contains("OXYMAP_JAVA_OPTS=-Xmx6g"), advice);
    }
}
