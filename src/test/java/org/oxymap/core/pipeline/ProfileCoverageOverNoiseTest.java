package org.oxymap.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.oxymap.core.align.ShiftMethod;
import org.oxymap.core.model.ProfiledParticle;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/**
 * Issue 5's "profile bins within 2 SE of the truth" as an expectation over noise rather than one draw: the default
 * phantom's noise-free counts (the bundled image's scene: 10 nm probe, 3e4 counts) drawn again as Poisson counts,
 * each realisation through the whole default pipeline with the probe deconvolved, each profile bin compared with
 * the true profile ({@link PhantomMatching#radialTruthProfiles}). Over the realisations this separates the two
 * reasons a bin can miss: its standard error (is the reported SE as large as the bin's actual scatter from
 * realisation to realisation?) and its bias (the mean over realisations minus the truth).
 *
 * <p>Two scenes of the same particles: the stack without drift, and with the phantom's default drift (up to 1.5 px
 * between energies), which the alignment corrects by resampling every plane. Measured (20 realisations each, seed
 * 20211, the default alignment on both): without drift 91.6% of all bins within 2 SE; with drift 84.4%. The
 * reported SE is larger than the actual scatter in both (scatter / SE 0.3–0.9 by bin), because it also holds the
 * profile's slope within a bin. The difference is the bias of the bin at 10–20 nm from the edge, +0.0018 without
 * drift and +0.0070 with it (2 SE): the drift correction resamples a particle edge that the 10 nm pixels
 * undersample, by a different sub-pixel shift at each energy. {@code -Doxymap.profile.seed=N} runs another scene
 * (the bias checks are for the default one): seed 1001 93.5% and 92.5% (its drift leaves +0.0005 at 10–20 nm),
 * seed 987654321 92.0% and 83.8% (+0.0070). {@code -Doxymap.profile.align-method=integer} aligns without
 * resampling (up to half a pixel of misregistration): with drift 75.4% on seed 20211, 72.5% on seed 987654321.
 */
class ProfileCoverageOverNoiseTest {

    private static final int REALISATIONS = Integer.getInteger("oxymap.profile.realisations", 20);
    private static final long SEED = Long.getLong("oxymap.profile.seed", PhantomSettings.defaults().seed());
    /** The alignment's resampling ({@code lanczos}, the default, or e.g. {@code integer}), to measure another. */
    private static final String ALIGN = System.getProperty("oxymap.profile.align-method", "lanczos");

    /** Coverage over all realisations and, per bin centre, the mean scatter/SE and the mean bias. */
    private record Coverage(int within, int compared, TreeMap<Double, double[]> byDistance) {

        double share() {
            return within / (double) compared;
        }

        /** Mean over the bins of (scatter of the bin's mean over realisations) / (rms of its reported SE). */
        double scatterOverSe() {
            double sum = 0;
            double n = 0;
            for (double[] v : byDistance.values()) {
                sum += v[0];
                n += v[2];
            }
            return sum / n;
        }

        double meanBias(double distanceNm) {
            double[] v = byDistance.get(distanceNm);
            return v[1] / v[2];
        }
    }

    private static Coverage coverage(double driftPx) {
        PhantomSettings ps = PhantomSettings.defaults().withSeed(SEED).withDrift(driftPx);
        Phantom expected = new PhantomGenerator(ps.withNoise(0)).generate(ProgressListener.NONE);
        Map<String, ProfileBin> truth = PhantomMatching.radialTruthProfiles(expected, 1);
        // noise(0) draws the stack at 1e4 incident counts without noise; the default noise is 3e4 counts
        double scale = ps.i0Counts() / 1.0e4;
        SpectralStack mean = expected.stack();
        PipelineSettings s = PipelineSettings.defaults().withTimeS(ps.timeS());
        s = s.withModelFits(s.modelFits().withBootstrap(0, 1).withProbeFwhmNm(ps.probeFwhmNm()));
        s = s.withAlignment(s.alignment().withMethod(ShiftMethod.fromLabel(ALIGN)));
        Map<String, List<double[]>> perBin = new TreeMap<>();
        int within = 0;
        int compared = 0;
        for (int r = 0; r < REALISATIONS; r++) {
            SpectralStack stack = PoissonRedraw.draw(mean, scale, new SplittableRandom(7000 + r));
            PipelineResult result = new OxidationStatePipeline(s, expected.references()).run(stack,
                    ProgressListener.NONE);
            Map<Integer, Integer> trueOf = PhantomMatching.trueParticleOf(PhantomMatching.bestMatches(
                    expected.labels(), expected.particles().size(), result.segmentation().labels(),
                    result.segmentation().count()), 0.8);
            for (ProfileBin m : result.profileBins()) {
                Integer t = trueOf.get(m.particle());
                String key = t + "@" + m.distanceNm();
                ProfileBin q = t == null ? null : truth.get(key);
                if (q == null || m.n() < ProfiledParticle.MIN_PIXELS_PER_BIN) {
                    continue;
                }
                perBin.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {m.mean(), m.se(), q.mean()});
                within += Math.abs(m.mean() - q.mean()) <= 2 * m.se() ? 1 : 0;
                compared++;
            }
        }
        TreeMap<Double, double[]> byDistance = new TreeMap<>();
        for (Map.Entry<String, List<double[]>> e : perBin.entrySet()) {
            List<double[]> v = e.getValue();
            if (v.size() < REALISATIONS / 2) {
                continue; // a bin that most realisations do not have (a particle's last, sparse bin)
            }
            double mu = 0;
            double se2 = 0;
            for (double[] x : v) {
                mu += x[0];
                se2 += x[1] * x[1];
            }
            mu /= v.size();
            double var = 0;
            for (double[] x : v) {
                var += (x[0] - mu) * (x[0] - mu);
            }
            double scatter = Math.sqrt(var / (v.size() - 1));
            double[] acc = byDistance.computeIfAbsent(Double.parseDouble(e.getKey().split("@")[1]),
                    k -> new double[3]);
            acc[0] += scatter / Math.sqrt(se2 / v.size());
            acc[1] += mu - v.get(0)[2];
            acc[2]++;
        }
        StringBuilder report = new StringBuilder();
        byDistance.headMap(50.0).forEach((d, v) -> report.append(String.format(" [%.0f nm: scatter/SE %.2f, bias %+.4f]",
                d, v[0] / v[2], v[1] / v[2])));
        System.out.printf("seed %d, drift %.1f px, %d realisations: %d of %d bins within 2 SE (%.1f%%);%s%n", SEED, driftPx,
                REALISATIONS, within, compared, 100.0 * within / compared, report);
        return new Coverage(within, compared, byDistance);
    }

    @Test
    void withoutDriftNinetyPercentOfBinsAreWithinTwoStandardErrorsOnAverage() {
        Coverage c = coverage(0);
        assertTrue(c.compared() >= 100 * REALISATIONS, "bins compared " + c.compared());
        assertTrue(c.share() >= 0.90, "coverage " + c.share());
        assertTrue(c.scatterOverSe() <= 1.0, "the SE is at least the bins' scatter: " + c.scatterOverSe());
        if (SEED == PhantomSettings.defaults().seed()) {
            assertTrue(Math.abs(c.meanBias(15.0)) < 0.003, "10-20 nm bias without drift " + c.meanBias(15.0));
        }
    }

    @Test
    void driftCorrectionLeavesAnEdgeBiasThatTheStandardErrorDoesNotCover() {
        Coverage c = coverage(PhantomSettings.defaults().maxDriftPx());
        assertTrue(c.scatterOverSe() <= 1.0, "the SE is at least the bins' scatter: " + c.scatterOverSe());
        assertTrue(c.share() >= 0.80, "coverage " + c.share());
        if (SEED == PhantomSettings.defaults().seed()) {
            // the limitation README "Not done" describes: if this fails because the bias is gone, say so there
            assertTrue(c.meanBias(15.0) > 0.004, "10-20 nm bias with drift " + c.meanBias(15.0));
        }
        for (double d : c.byDistance().keySet()) {
            if (d > 20 && d < 60) {
                assertTrue(Math.abs(c.meanBias(d)) < 0.003, "bias at " + d + " nm: " + c.meanBias(d));
            }
        }
    }
}
