package org.oxymap.core.agglomerate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oxymap.core.phantom.AgglomeratePhantom;
import org.oxymap.core.phantom.AgglomeratePhantomGenerator;
import org.oxymap.core.phantom.AgglomeratePhantomSettings;
import org.oxymap.core.pipeline.OxidationStatePipeline;
import org.oxymap.core.pipeline.PipelineResult;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.pipeline.PipelineSteps;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.Segmentation;

/**
 * Exactly touching primary particles (agglomerate phantom with contact gap 0) with the default settings, hole
 * filling on: the interstices enclosed by a ring of particles must stay background, so ≥ 95% of the true particles
 * are matched one-to-one (IoU ≥ 0.5, as in {@link AgglomeratePhantomAcceptanceTest}) and classed as in the truth;
 * and the segmentation gives the same labels in 1 and in 4 threads.
 */
class TouchingAgglomerateSegmentationTest {

    private static AgglomeratePhantom phantom;
    private static PipelineResult run;
    private static AgglomerateResult result;

    @BeforeAll
    static void runPipeline() {
        phantom = new AgglomeratePhantomGenerator(AgglomeratePhantomSettings.defaults(), 0.0)
                .generate(ProgressListener.NONE);
        PipelineSettings s = PipelineSettings.defaults();
        s = s.withModelFits(s.modelFits().withBootstrap(0, 1));
        assertTrue(s.particles().fillHoles() && s.particles().watershed(), "defaults fill holes and split");
        run = new OxidationStatePipeline(s, phantom.references()).run(phantom.stack(), ProgressListener.NONE);
        int mn3 = run.maps().indexOf("Mn3");
        result = new AgglomerateAnalysis(AgglomerateSettings.defaults()).run(run.segmentation().labels(), null,
                "auto", "Mn3", run.maps().fractions().get(mn3), run.maps().thickness(), run.maps().fitted(),
                run.areaPx().width(), run.areaPx().height(), 20.0, 20.0, null, ProgressListener.NONE);
    }

    @Test
    void touchingParticlesMatchedOneToOneAndClassedAsInTheTruth() {
        int nt = phantom.particles().size();
        int ns = run.segmentation().count();
        TrueParticleMatch match = TrueParticleMatch.of(phantom.labels(), phantom.particles(),
                run.segmentation().labels(), ns, result.classification());
        int matched = match.matched();
        int correct = match.matchedAndClassed();
        assertTrue(matched >= 0.95 * nt, matched + " of " + nt + " true particles matched (IoU >= 0.5); "
                + ns + " particles segmented");
        assertTrue(ns <= 1.05 * nt, ns + " particles segmented for " + nt + " true ones");
        assertTrue(correct >= 0.95 * nt, correct + " of " + nt + " true particles matched and classed as in the "
                + "truth");
    }

    @Test
    void sameLabelsInOneAndFourThreads() throws Exception {
        int w = run.areaPx().width();
        int h = run.areaPx().height();
        PipelineSettings s = run.settings();
        float[] thickness = run.maps().thickness();
        boolean[] fitted = run.maps().fitted();
        boolean[] empty = run.emptyMask();
        int[] single = new ForkJoinPool(1).submit(() -> PipelineSteps.segment(s, thickness, fitted, empty, w, h,
                20.0, 20.0, ProgressListener.NONE).labels()).get();
        int[] four = new ForkJoinPool(4).submit(() -> PipelineSteps.segment(s, thickness, fitted, empty, w, h,
                20.0, 20.0, ProgressListener.NONE).labels()).get();
        Segmentation again = PipelineSteps.segment(s, thickness, fitted, empty, w, h, 20.0, 20.0,
                ProgressListener.NONE);
        assertArrayEquals(single, four, "labels in 1 and 4 threads");
        assertArrayEquals(single, again.labels(), "labels in the common pool");
        assertArrayEquals(run.segmentation().labels(), single, "labels of the pipeline run");
    }
}
