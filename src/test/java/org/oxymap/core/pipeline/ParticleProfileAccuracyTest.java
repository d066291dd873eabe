package org.oxymap.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oxymap.core.model.ProfiledParticle;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.profile.EdgeDistanceProfiler;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.progress.ProgressListener;

/**
 * Acceptance (issue 5): each particle's measured profile agrees with its true profile (the true Mn3+ fraction map
 * profiled over the true particle, weighted by the true thickness) within 2 standard errors in at least 90% of
 * the bins, here on touching pairs with shared boundaries counting as edge. The phantom has Poisson noise but a
 * point probe and no drift: with the 10 nm probe the thickness halo outside each particle moves the segmented edge
 * outwards by a fraction of a pixel, which shifts profiles by more than their standard errors (see
 * notes/issue-5.md for the numbers).
 */
class ParticleProfileAccuracyTest {

    @Test
    void particleProfilesAgreeWithTheTruthWithinTwoStandardErrors() {
        PhantomSettings settings = PhantomSettings.defaults().withContactPairs(3, -1).withProbeFwhmNm(0)
                .withDrift(0);
        Phantom p = new PhantomGenerator(settings).generate(ProgressListener.NONE);
        PipelineSettings s = PipelineSettings.defaults().withTimeS(settings.timeS()).withAlign(false);
        s = s.withParticles(s.particles().withExcludeTouching(false).withTouchingCountsAsEdge(true));
        PipelineResult r = new OxidationStatePipeline(s, p.references()).run(p.stack(), ProgressListener.NONE);

        double px = settings.pixelNm();
        List<ProfileBin> truth = PhantomMatching.truthProfiles(p, 1, new EdgeDistanceProfiler(px, px / 2), true);
        Map<String, ProfileBin> truthByBin = new HashMap<>();
        for (ProfileBin b : truth) {
            truthByBin.put(b.particle() + "@" + b.distanceNm(), b);
        }
        double[][] matches = PhantomMatching.bestMatches(p.labels(), p.particles().size(), r.segmentation().labels(),
                r.segmentation().count());
        Map<Integer, Integer> trueOf = new HashMap<>();
        for (int t = 0; t < matches.length; t++) {
            if (matches[t][1] >= 0.8) {
                trueOf.put((int) matches[t][0], t + 1);
            }
        }
        int within = 0;
        int total = 0;
        for (ProfileBin m : r.profileBins()) {
            Integer t = trueOf.get(m.particle());
            if (t == null || m.n() < ProfiledParticle.MIN_PIXELS_PER_BIN) {
                continue;
            }
            ProfileBin q = truthByBin.get(t + "@" + m.distanceNm());
            if (q == null) {
                continue;
            }
            total++;
            if (Math.abs(m.mean() - q.mean()) <= 2 * m.se()) {
                within++;
            }
        }
        assertTrue(trueOf.size() >= 0.95 * p.particles().size(), "matched particles " + trueOf.size());
        assertTrue(total >= 100, "bins compared " + total);
        double share = (double) within / total;
        assertTrue(share >= 0.9, within + " of " + total + " bins within 2 SE of the truth (" + share + ")");
    }
}
