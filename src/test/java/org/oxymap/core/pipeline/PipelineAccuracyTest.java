package org.oxymap.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oxymap.core.model.ModelComparison;
import org.oxymap.core.model.ModelFit;
import org.oxymap.core.model.ModelFits;
import org.oxymap.core.model.ParticleGeometry;
import org.oxymap.core.model.ProfileModel;
import org.oxymap.core.model.Verdict;
import org.oxymap.core.phantom.FractionAccuracy;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomParticle;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.ReferenceCsv;
import org.oxymap.io.TiffStackIO;

/**
 * The spine's acceptance test: on the bundled test image and on a fresh phantom with another seed, the Mn3+
 * fraction map is within an RMSE of 0.03 of the truth over pixels at least 20 nm thick, and the global D is
 * within 25% of the true D.
 */
class PipelineAccuracyTest {

    private static final double MAX_RMSE = 0.03;
    private static final double MAX_D_ERROR = 0.25;

    @Test
    void freshPhantomWithAnotherSeed() {
        PhantomSettings settings = PhantomSettings.defaults().withSeed(987654321L);
        Phantom p = new PhantomGenerator(settings).generate(ProgressListener.NONE);
        PipelineResult r = new OxidationStatePipeline(PipelineSettings.defaults().withTimeS(settings.timeS()),
                p.references()).run(p.stack(), ProgressListener.NONE);
        float[] fitted = r.maps().fractions().get(r.maps().indexOf("Mn3"));
        double rmse = FractionAccuracy.rmse(fitted, p.fractions().get(1), p.thicknessNm(), 20.0);
        assertTrue(rmse < MAX_RMSE, "Mn3 fraction RMSE " + rmse);
        double d = r.globalFit().dCm2PerS(settings.timeS());
        assertEquals(settings.dCm2PerS(), d, MAX_D_ERROR * settings.dCm2PerS(), "global D");
        // every particle the phantom drew is found, none touches the border
        assertEquals(p.particles().size(), r.segmentation().count());
        // the core–shell particles are the ones diffusion cannot describe
        long coreShell = p.particles().stream().filter(q -> q.model().equals(PhantomParticle.CORE_SHELL)).count();
        assertEquals(coreShell, r.outliers().size(), "particles left out of the global fit: " + r.outliers());
        assertModelFits(p, r);
        // the drift found matches the phantom's within 0.1 px
        for (int k = 0; k < p.driftXPx().length; k++) {
            assertEquals(p.driftXPx()[k], r.shifts()[k].dxPx(), 0.1, "x drift at energy " + k);
            assertEquals(p.driftYPx()[k], r.shifts()[k].dyPx(), 0.1, "y drift at energy " + k);
        }
    }

    /**
     * Issue 6 through the whole pipeline (probe blur, drift, per-pixel fits): global D within 10%, per-particle D
     * within 25% for at least 80% of the diffusion particles with a ≥ 80 nm, and every core–shell particle recognised
     * as such (no diffusion particle called core–shell; small ones may stay undecided).
     */
    private static void assertModelFits(Phantom p, PipelineResult r) {
        double t = p.settings().timeS();
        double dTrue = p.settings().dCm2PerS();
        ModelFits fits = r.modelFits();
        assertEquals(dTrue, fits.globalDiffusion().dCm2PerS(t), 0.10 * dTrue, "global D");
        int large = 0;
        int within = 0;
        for (ParticleGeometry g : r.geometries()) {
            PhantomParticle truth = p.particles().stream()
                    .min(java.util.Comparator.comparingDouble(q -> Math.hypot(q.xPx() - g.xPx(), q.yPx() - g.yPx())))
                    .orElseThrow();
            ModelComparison c = fits.comparison(g.label());
            if (truth.model().equals(PhantomParticle.CORE_SHELL)) {
                assertEquals(Verdict.CORE_SHELL, c.verdict(), "core-shell particle " + g.label() + ": margin " + c.margin());
            } else {
                assertTrue(c.verdict() != Verdict.CORE_SHELL, "diffusion particle " + g.label() + ": margin " + c.margin());
                if (truth.radiusNm() >= 80) {
                    large++;
                    ModelFit f = fits.fit(g.label(), ProfileModel.DIFFUSION);
                    within += Math.abs(f.dCm2PerS(t) / dTrue - 1) <= 0.25 ? 1 : 0;
                }
            }
        }
        assertTrue(within >= 0.8 * large, within + " of " + large + " particles with a >= 80 nm within 25%");
    }

    @Test
    void bundledTestImage() throws IOException {
        Path dir = Path.of("test-images/primary");
        SpectralStack stack = TiffStackIO.read(dir.resolve("stack.tif"), null, Double.NaN);
        List<ReferenceSpectrum> refs = List.of(ReferenceCsv.read(dir.resolve("references/Mn2.csv")),
                ReferenceCsv.read(dir.resolve("references/Mn3.csv")), ReferenceCsv.read(dir.resolve("references/Mn4.csv")));
        PhantomSettings truth = PhantomSettings.defaults();
        PipelineResult r = new OxidationStatePipeline(PipelineSettings.defaults().withTimeS(truth.timeS()), refs)
                .run(stack, ProgressListener.NONE);
        float[] fitted = r.maps().fractions().get(r.maps().indexOf("Mn3"));
        double rmse = FractionAccuracy.rmse(fitted, TiffStackIO.readMap(dir.resolve("truth/fraction_Mn3.tif")),
                TiffStackIO.readMap(dir.resolve("truth/thickness.tif")), 20.0);
        assertTrue(rmse < MAX_RMSE, "Mn3 fraction RMSE " + rmse);
        assertEquals(truth.dCm2PerS(), r.globalFit().dCm2PerS(truth.timeS()), MAX_D_ERROR * truth.dCm2PerS());
        assertEquals(10.0, stack.pixelWidthNm(), 1e-9, "pixel size from the TIFF calibration");
    }

    @Test
    void bundledImageIsTheDefaultPhantom() throws IOException {
        Phantom p = new PhantomGenerator(PhantomSettings.defaults()).generate(ProgressListener.NONE);
        float[] stored = TiffStackIO.readMap(Path.of("test-images/primary/truth/thickness.tif"));
        assertEquals(p.thicknessNm().length, stored.length);
        for (int i = 0; i < stored.length; i++) {
            assertEquals(p.thicknessNm()[i], stored[i], 0f, "thickness at pixel " + i);
        }
    }
}
