package org.oxymap.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.ExclusionFlag;
import org.oxymap.core.segment.ParticleMeasurement;
import org.oxymap.core.segment.ThresholdMethod;

/**
 * Acceptance (issue 5): on a realistic phantom (Poisson noise, 10 nm probe, drift) whose particles come in pairs
 * that overlap by one pixel, the segmentation with the watershed split matches at least 95% of the true particles
 * one-to-one with IoU ≥ 0.8, and the pairs are flagged as touching.
 */
class TouchingParticlesSegmentationTest {

    @Test
    void touchingPairsAreSplitAndMatchedOneToOne() {
        PhantomSettings settings = PhantomSettings.defaults().withContactPairs(3, -1);
        Phantom p = new PhantomGenerator(settings).generate(ProgressListener.NONE);
        int truePairs = PhantomMatching.touchingTrueParticles(p);
        assertTrue(truePairs >= 10, "true particles touching another: " + truePairs + " of " + p.particles().size());

        PipelineSettings s = PipelineSettings.defaults().withTimeS(settings.timeS()).withThreshold(ThresholdMethod.LI);
        s = s.withParticles(s.particles().withExcludeTouching(false));
        PipelineResult r = new OxidationStatePipeline(s, p.references()).run(p.stack(), ProgressListener.NONE);
        double[][] matches = PhantomMatching.bestMatches(p.labels(), p.particles().size(), r.segmentation().labels(),
                r.segmentation().count());
        double matched = PhantomMatching.matchedFraction(matches, 0.8);
        double minIou = 1;
        for (double[] m : matches) {
            minIou = Math.min(minIou, m[1]);
        }
        assertTrue(matched >= 0.95, "matched " + matched + " of the true particles with IoU >= 0.8 (smallest IoU "
                + minIou + ")");
        assertEquals(p.particles().size(), r.segmentation().count(), "one segmented particle per true particle");

        // with the default limits the split pairs are flagged, and only they
        ParticleMeasurement[] flagged = ParticleMeasurement.measureAll(r.segmentation(), settings.sizePx(),
                settings.pixelNm(), settings.pixelNm(), r.maps().fractions().get(1), r.maps().thickness(),
                s.particles().withExcludeTouching(true).limits(s.minAreaNm2()));
        int touching = 0;
        for (ParticleMeasurement m : flagged) {
            touching += m.flags().contains(ExclusionFlag.TOUCHES_PARTICLE) ? 1 : 0;
        }
        assertEquals(truePairs, touching, "particles flagged touches_particle");
    }
}
