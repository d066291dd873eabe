package org.oxymap.core.agglomerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oxymap.core.phantom.AgglomeratePhantom;
import org.oxymap.core.phantom.AgglomeratePhantomGenerator;
import org.oxymap.core.phantom.AgglomeratePhantomSettings;
import org.oxymap.core.pipeline.OxidationStatePipeline;
import org.oxymap.core.pipeline.PipelineResult;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.progress.ProgressListener;

/**
 * Acceptance (issue 7): on the agglomerate phantom (Poisson noise, drift, 10 nm probe at 20 nm pixels), the whole
 * pipeline with automatic agglomerates classes ≥ 95% of the true particles as in the truth, recovers each class
 * mean within 2 SE of the truth, the ordering interior &lt; exterior &lt; small/isolated of the Mn3+ fraction, and
 * the thickness-controlled comparison agrees with it.
 */
class AgglomeratePhantomAcceptanceTest {

    private static AgglomeratePhantom phantom;
    private static PipelineResult run;
    private static AgglomerateResult result;

    @BeforeAll
    static void runPipeline() {
        phantom = new AgglomeratePhantomGenerator(AgglomeratePhantomSettings.defaults()).generate(ProgressListener.NONE);
        PipelineSettings s = PipelineSettings.defaults();
        // default hole filling: only holes inside one particle are filled; no model-fit bootstrap needed here
        s = s.withModelFits(s.modelFits().withBootstrap(0, 1));
        run = new OxidationStatePipeline(s, phantom.references()).run(phantom.stack(), ProgressListener.NONE);
        int w = run.areaPx().width();
        int h = run.areaPx().height();
        int mn3 = run.maps().indexOf("Mn3");
        boolean[] fitted = run.maps().fitted();
        result = new AgglomerateAnalysis(AgglomerateSettings.defaults()).run(run.segmentation().labels(), null,
                "auto", "Mn3", run.maps().fractions().get(mn3), run.maps().thickness(), fitted, w, h, 20.0, 20.0,
                null, ProgressListener.NONE);
    }

    @Test
    void atLeast95PercentOfParticlesClassedAsInTheTruth() {
        int nt = phantom.particles().size();
        int correct = TrueParticleMatch.of(phantom.labels(), phantom.particles(), run.segmentation().labels(),
                run.segmentation().count(), result.classification()).matchedAndClassed();
        assertTrue(phantom.particles().stream().filter(p -> p.classLabel().equals("interior")).count() >= 10);
        assertTrue(correct >= 0.95 * nt, correct + " of " + nt + " true particles matched (IoU >= 0.5) and classed "
                + "as in the truth");
    }

    @Test
    void classMeansWithinTwoStandardErrorsOfTheTruth() {
        for (AgglomeratePhantom.ClassTruth t : phantom.classes()) {
            ClassSummary s = result.summary(AgglomerateClass.fromLabel(t.classLabel()));
            double se = s.mean().se();
            assertTrue(Math.abs(s.mean().mean() - t.mean()) <= 2 * se, t.classLabel() + ": measured "
                    + s.mean().mean() + " ± " + se + ", truth " + t.mean());
            assertEquals(t.particles(), s.particles(), t.classLabel() + " particle count");
        }
    }

    @Test
    void orderingAndThicknessControlledComparisonAgree() {
        double interior = result.summary(AgglomerateClass.INTERIOR).mean().mean();
        double exterior = result.summary(AgglomerateClass.EXTERIOR).mean().mean();
        double small = result.summary(AgglomerateClass.SMALL).mean().mean();
        double isolated = result.summary(AgglomerateClass.ISOLATED).mean().mean();
        assertTrue(interior < exterior && exterior < small && exterior < isolated,
                "interior " + interior + " < exterior " + exterior + " < small " + small + " / isolated " + isolated);
        AgglomerateClass[][] ordered = {{AgglomerateClass.INTERIOR, AgglomerateClass.EXTERIOR},
            {AgglomerateClass.EXTERIOR, AgglomerateClass.SMALL}, {AgglomerateClass.EXTERIOR, AgglomerateClass.ISOLATED},
            {AgglomerateClass.INTERIOR, AgglomerateClass.SMALL}};
        AgglomeratePhantomSettings s = phantom.settings();
        for (AgglomerateClass[] pair : ordered) {
            ClassDifference d = result.comparison(pair[0], pair[1]);
            double trueOffset = s.classFraction(pair[0].label()) - s.classFraction(pair[1].label());
            assertTrue(d.difference() < 0 && d.ciHigh() < 0, d.pair() + " " + d);
            assertTrue(d.controlledDifference() < 0, d.pair() + " controlled " + d.controlledDifference());
            // at fixed thickness the difference is the class offset; the naive one adds the thickness effect
            assertTrue(Math.abs(d.controlledDifference() - trueOffset) < Math.abs(d.difference() - trueOffset),
                    d.pair() + ": controlled " + d.controlledDifference() + " naive " + d.difference() + " true "
                            + trueOffset);
            assertTrue(d.p() < 0.05, d.pair() + " Mann-Whitney p " + d.p());
        }
    }
}
