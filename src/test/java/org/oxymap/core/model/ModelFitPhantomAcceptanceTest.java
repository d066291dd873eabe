package org.oxymap.core.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oxymap.core.distance.EuclideanDistanceTransform;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomParticle;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.profile.EdgeDistanceProfiler;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.progress.ProgressListener;

/**
 * The acceptance numbers for the model fits, measured on the phantom's known answer.
 *
 * <p><b>Design.</b> Running the whole pipeline (a 33-energy stack, alignment, per-pixel fits) for several phantoms
 * and 200 noise realisations would take minutes, so this test runs the fit stage only, on the phantom's truth
 * maps: for each of {@value #SEEDS} phantom seeds (default settings, about 14 particles each, 2 of them core–shell)
 * the noise-free Mn3+ fraction and thickness maps are generated once (point probe, no counting noise: the truth
 * maps do not depend on either). A "measurement" is the fraction map re-noised pixel by pixel with Gaussian noise
 * of σ = {@value #NOISE_NM_FRACTION} nm / L (L = the pixel's thickness), the noise the full pipeline leaves in the
 * fraction map of the default phantom (3e4 counts, measured: rms 0.0073 in the 80 nm-thick interior, growing as
 * 1/L towards the edge), and the thickness map re-noised with σ = {@value #NOISE_THICKNESS_NM} nm. Each
 * measurement then goes through what the pipeline does after the per-pixel fit: distance transform of the labels,
 * edge-distance profiles, geometry fit from the thickness map, per-particle and global fits of both models.
 * (The full pipeline on one phantom, with probe blur and drift, is checked in {@code PipelineAccuracyTest}.)
 *
 * <p>The coverage of the 95% interval is a statistical property, so it is measured where the truth is exactly
 * representable: per seed, the noise-free profile of each diffusion particle (binned from the truth map over the
 * same pixels) gets Gaussian noise with the standard errors of one measured profile, 200 times, and the global
 * diffusion fit (with the particles' true radius, offset and centre) is repeated on each draw. Only the fit is
 * repeated (the model basis is built once per particle), which keeps the 200 realisations within seconds.
 */
class ModelFitPhantomAcceptanceTest {

    static final int SEEDS = 4;
    static final double NOISE_NM_FRACTION = 0.6;
    static final double NOISE_THICKNESS_NM = 1.0;
    static final int REALISATIONS = 200;

    private static final List<Scene> SCENES = new ArrayList<>();

    /** One phantom's truth maps and what the fit stage made of one noisy measurement of them. */
    record Scene(Phantom phantom, int[] labels, float[] distance, EdgeDistanceProfiler profiler,
            List<ProfiledParticle> measured, List<PhantomParticle> truthOf, List<ModelFit> diffusion,
            List<ModelFit> coreShell, ModelFit global) {
    }

    @BeforeAll
    static void measureAllSeeds() {
        ProfileModelFitter fitter = new ProfileModelFitter(ModelFitSettings.defaults().withBootstrap(0, 1));
        for (int s = 0; s < SEEDS; s++) {
            PhantomSettings settings = PhantomSettings.defaults().withSeed(1000 + s).withProbeFwhmNm(0).withNoise(0)
                    .withDrift(0);
            Phantom p = new PhantomGenerator(settings).generate(ProgressListener.NONE);
            int size = settings.sizePx();
            double px = settings.pixelNm();
            SplittableRandom random = new SplittableRandom(77 + s);
            float[] truthF = p.fractions().get(1);
            float[] truthL = p.thicknessNm();
            float[] fraction = new float[truthF.length];
            float[] thickness = new float[truthL.length];
            for (int i = 0; i < truthF.length; i++) {
                if (p.labels()[i] > 0) {
                    double l = truthL[i];
                    fraction[i] = (float) (truthF[i] + gaussian(random) * Math.min(0.2, NOISE_NM_FRACTION / Math.max(l, 1)));
                    thickness[i] = (float) Math.max(0, l + NOISE_THICKNESS_NM * gaussian(random));
                }
            }
            int[] labels = p.labels();
            float[] distance = EuclideanDistanceTransform.distanceToOwnBoundary(labels, size, size, px, px, true);
            EdgeDistanceProfiler profiler = new EdgeDistanceProfiler(px, px / 2);
            int count = p.particles().size();
            boolean[] include = new boolean[count];
            java.util.Arrays.fill(include, true);
            List<ProfileBin> bins = profiler.profile(labels, count, include, distance, fraction, thickness);
            ParticleGeometryFitter geometryFitter = new ParticleGeometryFitter(settings.sectionNm());
            List<ProfiledParticle> profiled = new ArrayList<>();
            for (PhantomParticle q : p.particles()) {
                ParticleGeometry g = geometryFitter.fit(q.id(), labels, thickness, size, px, px);
                profiled.add(ProfiledParticle.of(g, labels, size, px, px, distance, thickness, fraction, profiler, bins));
            }
            List<ModelFit> diffusion = fitter.fitEach(profiled, ProfileModel.DIFFUSION, ProgressListener.NONE);
            List<ModelFit> coreShell = fitter.fitEach(profiled, ProfileModel.CORE_SHELL, ProgressListener.NONE);
            List<ProfiledParticle> diffusive = new ArrayList<>();
            for (int i = 0; i < profiled.size(); i++) {
                if (p.particles().get(i).model().equals(PhantomParticle.DIFFUSION)) {
                    diffusive.add(profiled.get(i));
                }
            }
            ModelFit global = fitter.fitGlobal(diffusive, ProfileModel.DIFFUSION, ProgressListener.NONE);
            SCENES.add(new Scene(p, labels, distance, profiler, profiled, p.particles(), diffusion, coreShell, global));
        }
    }

    @Test
    void perParticleDiffusivity() {
        int large = 0;
        int within = 0;
        StringBuilder report = new StringBuilder();
        for (Scene scene : SCENES) {
            double dt = scene.phantom().dtNm2();
            for (int i = 0; i < scene.truthOf().size(); i++) {
                PhantomParticle q = scene.truthOf().get(i);
                ModelFit f = scene.diffusion().get(i);
                if (!q.model().equals(PhantomParticle.DIFFUSION) || q.radiusNm() < 80) {
                    continue;
                }
                large++;
                double error = f.fitted() ? f.shape() / dt - 1 : Double.POSITIVE_INFINITY;
                if (Math.abs(error) <= 0.25) {
                    within++;
                }
                report.append(String.format(" a=%.0f:%+.0f%%", q.radiusNm(), 100 * error));
            }
        }
        System.out.printf("per-particle D within 25%%: %d of %d particles with a >= 80 nm;%s%n", within, large, report);
        assertTrue(large >= 20, "only " + large + " diffusion particles with a >= 80 nm");
        assertTrue(within >= 0.8 * large, within + " of " + large + " within 25%:" + report);
    }

    @Test
    void globalDiffusivity() {
        for (Scene scene : SCENES) {
            double error = scene.global().shape() / scene.phantom().dtNm2() - 1;
            System.out.printf("seed %d: global D %+.2f%% (%s), chi2_red %.2f%n", scene.phantom().settings().seed(),
                    100 * error, scene.global().status(), scene.global().reducedChi2());
            assertTrue(Math.abs(error) <= 0.10, "seed " + scene.phantom().settings().seed() + ": global D off by "
                    + 100 * error + "%");
        }
    }

    @Test
    void verdictPicksTheTrueModel() {
        int right = 0;
        int total = 0;
        int coreShellRight = 0;
        int coreShellTotal = 0;
        StringBuilder wrong = new StringBuilder();
        for (Scene scene : SCENES) {
            for (int i = 0; i < scene.truthOf().size(); i++) {
                PhantomParticle q = scene.truthOf().get(i);
                ModelComparison c = ModelComparison.of(scene.diffusion().get(i), scene.coreShell().get(i));
                Verdict expected = q.model().equals(PhantomParticle.CORE_SHELL) ? Verdict.CORE_SHELL : Verdict.DIFFUSION;
                total++;
                if (c.verdict() == expected) {
                    right++;
                } else {
                    wrong.append(String.format(" [seed %d particle %d %s a=%.0f: %s, margin %.1f]",
                            scene.phantom().settings().seed(), q.id(), q.model(), q.radiusNm(), c.verdict().label(),
                            c.margin()));
                }
                if (expected == Verdict.CORE_SHELL) {
                    coreShellTotal++;
                    coreShellRight += c.verdict() == expected ? 1 : 0;
                }
            }
        }
        System.out.printf("verdict right for %d of %d particles (core-shell %d of %d)%s%n", right, total, coreShellRight,
                coreShellTotal, wrong);
        assertTrue(coreShellTotal >= 6, "only " + coreShellTotal + " core-shell particles");
        assertTrue(right >= 0.9 * total, right + " of " + total + " verdicts right:" + wrong);
        assertTrue(coreShellRight >= 0.9 * coreShellTotal, coreShellRight + " of " + coreShellTotal
                + " core-shell particles recognised");
    }

    @Test
    void covarianceIntervalCoverage() {
        ProfileModelFitter fitter = new ProfileModelFitter(ModelFitSettings.defaults().withBootstrap(0, 1));
        int covered = 0;
        int fits = 0;
        SplittableRandom random = new SplittableRandom(4242);
        double widthSum = 0;
        for (int r = 0; r < REALISATIONS; r++) {
            Scene scene = SCENES.get(r % SCENES.size());
            List<ProfiledParticle> drawn = new ArrayList<>();
            for (ProfiledParticle exact : exactProfiles(scene)) {
                double[] mean = exact.dataMean.clone();
                double[] se = scene.measured().stream().filter(m -> m.geometry().label() == exact.geometry().label())
                        .findFirst().orElseThrow().dataSe;
                for (int b = 0; b < mean.length; b++) {
                    mean[b] += se[b] * gaussian(random);
                }
                drawn.add(exact.withData(mean, se));
            }
            ModelFit f = fitter.fitGlobal(drawn, ProfileModel.DIFFUSION, ProgressListener.NONE);
            fits++;
            if (f.fitted() && f.shapeCi95() != null && f.shapeCi95().contains(scene.phantom().dtNm2())) {
                covered++;
            }
            widthSum += f.shapeCi95().high() / f.shapeCi95().low();
        }
        double fraction = covered / (double) fits;
        System.out.printf("95%% interval covers the true D in %d of %d realisations (%.1f%%); mean high/low %.3f%n",
                covered, fits, 100 * fraction, widthSum / fits);
        assertTrue(fraction >= 0.90 && fraction <= 0.99, "coverage " + fraction);
    }

    private static final java.util.Map<Scene, List<ProfiledParticle>> EXACT = new java.util.concurrent.ConcurrentHashMap<>();

    /** The diffusion particles with their true geometry and the noise-free truth map binned over their pixels. */
    private static List<ProfiledParticle> exactProfiles(Scene scene) {
        return EXACT.computeIfAbsent(scene, s -> {
            Phantom p = s.phantom();
            int size = p.settings().sizePx();
            double px = p.settings().pixelNm();
            int count = p.particles().size();
            boolean[] include = new boolean[count];
            java.util.Arrays.fill(include, true);
            List<ProfileBin> bins = s.profiler().profile(s.labels(), count, include, s.distance(), p.fractions().get(1),
                    p.thicknessNm());
            List<ProfiledParticle> out = new ArrayList<>();
            for (PhantomParticle q : p.particles()) {
                if (!q.model().equals(PhantomParticle.DIFFUSION)) {
                    continue;
                }
                ParticleGeometry g = new ParticleGeometry(q.id(), q.xPx(), q.yPx(), q.radiusNm(), Math.abs(q.offsetNm()),
                        p.settings().sectionNm(), 0);
                out.add(ProfiledParticle.of(g, s.labels(), size, px, px, s.distance(), p.thicknessNm(),
                        p.fractions().get(1), s.profiler(), bins));
            }
            return out;
        });
    }

    static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
