package org.oxymap.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.oxymap.core.distance.EuclideanDistanceTransform;
import org.oxymap.core.profile.EdgeDistanceProfiler;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.progress.ProgressListener;

/**
 * The model fits on synthetic sectioned spheres whose maps are computed with {@link LamellaProjection} (the
 * adaptive quadrature, independent of the fitter's Fourier basis): known parameters are recovered, the intervals
 * behave, the offset options agree where they must, and degenerate profiles give a reason instead of a fit.
 */
class ProfileModelFitterTest {

    private static final double PX = 10.0;
    private static final double H = 80.0;
    private static final int SIZE = 40;

    /** A sphere of radius a cut at offset z0, centred in a SIZE × SIZE image, with its fraction map. */
    record Synthetic(int[] labels, float[] thickness, float[] fraction, ParticleGeometry geometry) {
    }

    static Synthetic sphere(double a, double z0, RadialConcentration c, double noise, long seed) {
        LamellaProjection projection = new LamellaProjection(a, H, z0);
        double centre = (SIZE - 1) / 2.0 + 0.3;
        int[] labels = new int[SIZE * SIZE];
        float[] thickness = new float[SIZE * SIZE];
        float[] fraction = new float[SIZE * SIZE];
        SplittableRandom random = new SplittableRandom(seed);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double rho = Math.hypot(x - centre, y - centre) * PX;
                double l = projection.chordLengthNm(rho);
                if (l > 0) {
                    int i = y * SIZE + x;
                    labels[i] = 1;
                    thickness[i] = (float) l;
                    double f = projection.depthAverage(rho, c::at, c.discontinuitiesNm());
                    fraction[i] = (float) (f + noise * ModelFitPhantomAcceptanceTest.gaussian(random) * 80 / Math.max(l, 5));
                }
            }
        }
        return new Synthetic(labels, thickness, fraction,
                new ParticleGeometry(1, centre, centre, a, Math.abs(z0), H, 0));
    }

    static ProfiledParticle profiled(Synthetic s) {
        float[] distance = EuclideanDistanceTransform.distanceToOwnBoundary(s.labels(), SIZE, SIZE, PX, PX, true);
        EdgeDistanceProfiler profiler = new EdgeDistanceProfiler(PX, PX / 2);
        List<ProfileBin> bins = profiler.profile(s.labels(), 1, new boolean[] {true}, distance, s.fraction(),
                s.thickness());
        return ProfiledParticle.of(s.geometry(), s.labels(), SIZE, PX, PX, distance, s.thickness(), s.fraction(),
                profiler, bins);
    }

    private static ProfileModelFitter fitter(int bootstrap) {
        return new ProfileModelFitter(ModelFitSettings.defaults().withBootstrap(bootstrap, 7));
    }

    @Test
    void basisMatchesAdaptiveDepthAverage() {
        double a = 110;
        for (double z0 : new double[] {0, 30, 70}) {
            for (double tau : new double[] {0.01, 0.05, 0.3}) {
                Synthetic s = sphere(a, z0, RadialConcentration.sphereDiffusion(a, tau, 1, 0), 0, 1);
                ProfiledParticle p = profiled(s);
                SphereDiffusionShape shape = new SphereDiffusionShape(p,
                        LamellaSection.of(p.geometry(), ModelFitSettings.defaults()));
                double[] unit = new double[p.binCount()];
                shape.unit(Math.log10(tau * a * a), unit);
                // the same bins from the exact map: thickness-weighted means of the adaptive depth averages
                for (int b = 0; b < p.binCount(); b++) {
                    if (p.fitBin[b]) {
                        assertEquals(p.dataMean[b], unit[b], 1e-6, "z0=" + z0 + " tau=" + tau + " bin " + b);
                    }
                }
            }
        }
    }

    @Test
    void coreShellShapeIsExact() {
        double a = 120;
        Synthetic s = sphere(a, 25, RadialConcentration.coreShell(a, 30, 1, 0), 0, 1);
        ProfiledParticle p = profiled(s);
        CoreShellShape shape = new CoreShellShape(p, LamellaSection.of(p.geometry(), ModelFitSettings.defaults()));
        double[] unit = new double[p.binCount()];
        shape.unit(30, unit);
        for (int b = 0; b < p.binCount(); b++) {
            if (p.fitBin[b]) {
                assertEquals(p.dataMean[b], unit[b], 1e-7, "bin " + b);
            }
        }
    }

    @Test
    void noiseFreeProfilesGiveTheTrueParameters() {
        double a = 120;
        double tau = 0.08;
        ProfiledParticle d = profiled(sphere(a, 20, RadialConcentration.sphereDiffusion(a, tau, 0.6, 0.1), 0, 1));
        ModelFit fit = fitter(0).fitParticle(d, ProfileModel.DIFFUSION);
        assertEquals("ok", fit.status());
        assertEquals(tau * a * a, fit.shape(), 1e-4 * tau * a * a);
        assertEquals(tau, fit.dtOverA2(), 1e-5);
        assertEquals(0.6, fit.concentrations().get(0).cOuter(), 1e-5);
        assertEquals(0.1, fit.concentrations().get(0).cInner(), 1e-5);
        assertTrue(fit.chi2() < 1e-3, "chi2 " + fit.chi2());

        ProfiledParticle c = profiled(sphere(a, 20, RadialConcentration.coreShell(a, 35, 0.6, 0.1), 0, 1));
        ModelFit cs = fitter(0).fitParticle(c, ProfileModel.CORE_SHELL);
        assertEquals(35, cs.shape(), 0.05);
        assertEquals(0.6, cs.concentrations().get(0).cOuter(), 1e-4);
        assertEquals(0.1, cs.concentrations().get(0).cInner(), 1e-4);
        ModelComparison verdict = ModelComparison.of(fitter(0).fitParticle(c, ProfileModel.DIFFUSION), cs);
        assertEquals(Verdict.CORE_SHELL, verdict.verdict());
        assertTrue(verdict.deltaBic() < -ModelComparison.DECISIVE_MARGIN);
    }

    @Test
    void globalFitSharesDButKeepsConcentrations() {
        double dt = 900;
        double[][] particles = {{80, 10, 0.5, 0.1}, {110, 40, 0.7, 0.2}, {135, 5, 0.6, 0.05}};
        List<ProfiledParticle> list = new java.util.ArrayList<>();
        for (double[] q : particles) {
            Synthetic s = sphere(q[0], q[1], RadialConcentration.sphereDiffusion(q[0], dt / (q[0] * q[0]), q[2], q[3]),
                    0.01, (long) q[0]);
            list.add(profiled(s));
        }
        ModelFit global = fitter(100).fitGlobal(list, ProfileModel.DIFFUSION, ProgressListener.NONE);
        assertEquals("ok", global.status());
        assertEquals(7, global.parameters());
        assertEquals(dt, global.shape(), 0.08 * dt);
        assertTrue(global.shapeCi95().contains(dt), "covariance interval " + global.shapeCi95());
        assertNotNull(global.shapeBootstrapCi95());
        assertEquals(100, global.bootstrapReplicates());
        for (int i = 0; i < particles.length; i++) {
            assertEquals(particles[i][2], global.concentrations().get(i).cOuter(), 0.03);
            assertEquals(particles[i][3], global.concentrations().get(i).cInner(), 0.03);
        }
        assertEquals(110, global.radiusNm(), 1e-9, "median radius");
        // the ensemble rows (particle 0) follow the per-particle rows
        assertTrue(global.residuals().stream().anyMatch(r -> r.particle() == 0));
    }

    @Test
    void bootstrapOverPixelsIsReproducibleAndCoversTruth() {
        double a = 130;
        double tau = 0.06;
        ProfiledParticle p = profiled(sphere(a, 15, RadialConcentration.sphereDiffusion(a, tau, 0.6, 0.1), 0.01, 3));
        ModelFit first = fitter(200).fitParticle(p, ProfileModel.DIFFUSION);
        ModelFit again = fitter(200).fitParticle(p, ProfileModel.DIFFUSION);
        assertEquals(first.shapeBootstrapCi95(), again.shapeBootstrapCi95(), "same seed, same interval");
        assertTrue(first.shapeBootstrapCi95().contains(tau * a * a), "bootstrap " + first.shapeBootstrapCi95());
        assertTrue(first.shapeCi95().contains(tau * a * a), "covariance " + first.shapeCi95());
        // both intervals describe the same uncertainty: their widths agree within a factor of 3
        double covWidth = Math.log(first.shapeCi95().high() / first.shapeCi95().low());
        double bootWidth = Math.log(first.shapeBootstrapCi95().high() / first.shapeBootstrapCi95().low());
        assertTrue(bootWidth > covWidth / 3 && bootWidth < covWidth * 3, "widths " + covWidth + " " + bootWidth);
        ModelFit otherSeed = new ProfileModelFitter(ModelFitSettings.defaults().withBootstrap(200, 8))
                .fitParticle(p, ProfileModel.DIFFUSION);
        assertFalse(first.shapeBootstrapCi95().equals(otherSeed.shapeBootstrapCi95()));
    }

    /**
     * The bootstrap refits each resample by Gauss–Newton from the original optimum (before: Levenberg–Marquardt
     * from there). On resampled profiles it must reach a minimum at least as low as Levenberg–Marquardt from the
     * same start, with the same shape parameter; for diffusion, whose χ² is smooth, also the optimum of the full
     * multi-start fit. (Measured: D·t equal to 1e−5 relative; δ within 0.01 nm, χ² within 1e−4.)
     */
    @Test
    void bootstrapRefitFindsTheSameOptimum() {
        double a = 110;
        ProfiledParticle diffusion = profiled(sphere(a, 20, RadialConcentration.sphereDiffusion(a, 0.08, 0.6, 0.1),
                0.01, 5));
        ProfiledParticle coreShell = profiled(sphere(a, 20, RadialConcentration.coreShell(a, 25, 0.6, 0.1), 0.01, 6));
        ProfileModelFitter fitter = fitter(0);
        SplittableRandom random = new SplittableRandom(11);
        for (ProfiledParticle p : List.of(diffusion, coreShell)) {
            ProfileModel model = p == diffusion ? ProfileModel.DIFFUSION : ProfileModel.CORE_SHELL;
            ModelFit original = fitter.fitParticle(p, model);
            double start = model == ProfileModel.DIFFUSION ? Math.log10(original.shape()) : original.shape();
            for (int r = 0; r < 10; r++) {
                double[] mean = p.binMeans();
                double[] se = p.binSe();
                for (int b = 0; b < mean.length; b++) {
                    mean[b] += se[b] * ModelFitPhantomAcceptanceTest.gaussian(random);
                }
                ProfiledParticle resample = p.withData(mean, se);
                double[] gaussNewton = fitter.refitShape(resample, model, start, true);
                double[] levenberg = fitter.refitShape(resample, model, start, false);
                String what = model.label() + " resample " + r;
                assertTrue(gaussNewton[1] <= levenberg[1] + 1e-3, what + ": chi2 " + gaussNewton[1] + " against "
                        + levenberg[1]);
                assertEquals(levenberg[0], gaussNewton[0], 0.1 * original.shapeSe(), what);
                if (model == ProfileModel.DIFFUSION) {
                    ModelFit full = fitter.fitParticle(resample, model);
                    assertEquals(full.shape(), gaussNewton[0], 1e-4 * full.shape(), what);
                }
            }
        }
    }

    @Test
    void offsetModesAgreeWhereTheyMust() {
        double a = 100;
        double z0 = 50;
        double tau = 0.1;
        ProfiledParticle p = profiled(sphere(a, z0, RadialConcentration.sphereDiffusion(a, tau, 0.6, 0.1), 0, 1));
        // fixed at the true offset: radius from the visible radius is the true one, the fit the same
        ProfileModelFitter fixed = new ProfileModelFitter(ModelFitSettings.defaults().withBootstrap(0, 1)
                .withOffset(OffsetMode.FIXED, z0));
        List<LamellaSection> sections = fixed.sectionsOf(p);
        assertEquals(a, sections.get(0).radiusNm(), 1e-9);
        ModelFit f = fixed.fitParticle(p, ProfileModel.DIFFUSION);
        assertEquals(tau * a * a, f.shape(), 1e-3 * tau * a * a);
        // uniform over [0, zmax]: weights sum to 1, every section keeps the visible radius
        ProfileModelFitter uniform = new ProfileModelFitter(ModelFitSettings.defaults().withBootstrap(0, 1)
                .withOffset(OffsetMode.UNIFORM, 90));
        List<LamellaSection> us = uniform.sectionsOf(p);
        assertEquals(1.0, us.stream().mapToDouble(LamellaSection::weight).sum(), 1e-12);
        double visible = p.geometry().projection().visibleRadiusNm();
        for (LamellaSection s : us) {
            assertEquals(visible, s.visibleRadiusNm(), 1e-9);
        }
        ModelFit u = uniform.fitParticle(p, ProfileModel.DIFFUSION);
        assertTrue(u.fitted(), u.status());
        // a uniform average over a single offset (z_max tiny) is the fixed model at ~0
        ProfileModelFitter narrow = new ProfileModelFitter(ModelFitSettings.defaults().withBootstrap(0, 1)
                .withOffset(OffsetMode.UNIFORM, 1e-3));
        ProfileModelFitter zero = new ProfileModelFitter(ModelFitSettings.defaults().withBootstrap(0, 1)
                .withOffset(OffsetMode.FIXED, 0));
        assertEquals(zero.fitParticle(p, ProfileModel.DIFFUSION).shape(), narrow.fitParticle(p, ProfileModel.DIFFUSION)
                .shape(), 1e-6 * tau * a * a);
    }

    @Test
    void degenerateProfilesAreReportedNotFitted() {
        ProfileModelFitter fitter = fitter(10);
        // one bin: a 2 x 2 particle
        int[] labels = new int[SIZE * SIZE];
        float[] thickness = new float[SIZE * SIZE];
        float[] fraction = new float[SIZE * SIZE];
        for (int i : new int[] {5 * SIZE + 5, 5 * SIZE + 6, 6 * SIZE + 5, 6 * SIZE + 6}) {
            labels[i] = 1;
            thickness[i] = 50;
            fraction[i] = 0.3f + 0.01f * i % 3;
        }
        ParticleGeometry g = new ParticleGeometry(1, 5.5, 5.5, 15, 0, H, 0);
        ProfiledParticle tiny = profiled(new Synthetic(labels, thickness, fraction, g));
        for (ProfileModel m : ProfileModel.values()) {
            ModelFit f = fitter.fitParticle(tiny, m);
            assertFalse(f.fitted());
            assertEquals("not fitted: 1 bin with at least 3 pixels, the model needs 4", f.status());
        }
        // a profile shorter than the model needs: 3 bins
        Synthetic small = sphere(35, 0, RadialConcentration.sphereDiffusion(35, 0.1, 0.6, 0.1), 0, 1);
        ModelFit shortFit = fitter.fitParticle(profiled(small), ProfileModel.DIFFUSION);
        assertFalse(shortFit.fitted());
        assertTrue(shortFit.status().matches("not fitted: [0-3] bins? with at least 3 pixels, the model needs 4"),
                shortFit.status());
        // all-equal values
        Synthetic flat = sphere(120, 0, r -> 0.4, 0, 1);
        ModelFit flatFit = fitter.fitParticle(profiled(flat), ProfileModel.CORE_SHELL);
        assertFalse(flatFit.fitted());
        assertTrue(flatFit.status().startsWith("not fitted: all ") && flatFit.status().contains("same value 0.4"),
                flatFit.status());
        // zero weights: no pixel has a positive thickness
        Synthetic s = sphere(120, 0, RadialConcentration.sphereDiffusion(120, 0.1, 0.6, 0.1), 0, 1);
        float[] zero = new float[s.thickness().length];
        ProfiledParticle weightless = profiled(new Synthetic(s.labels(), zero, s.fraction(), s.geometry()));
        ModelFit w = fitter.fitParticle(weightless, ProfileModel.DIFFUSION);
        assertEquals("not fitted: no pixel has a positive thickness weight", w.status());
        assertEquals(Verdict.UNDECIDED, ModelComparison.of(w, fitter.fitParticle(weightless, ProfileModel.CORE_SHELL))
                .verdict());
        // a global fit with nothing to share
        ModelFit none = fitter.fitGlobal(List.of(tiny), ProfileModel.DIFFUSION, ProgressListener.NONE);
        assertEquals("not fitted: 1 bin over 1 particles with at least 3 pixels, the model needs 4", none.status());
    }

    @Test
    void parameterAtItsBoundIsReported() {
        double a = 90;
        // a 1 nm shell is sharper than any diffusion profile the fit allows: D·t sits at its lower bound
        ProfiledParticle p = profiled(sphere(a, 0, RadialConcentration.coreShell(a, 1, 0.6, 0.1), 0, 2));
        ModelFit f = fitter(0).fitParticle(p, ProfileModel.DIFFUSION);
        assertTrue(f.fitted());
        assertEquals(SphereDiffusionShape.TAU_MIN, f.dtOverA2(), 1e-9);
        assertTrue(f.status().startsWith("ok; D·t at its lower bound"), f.status());
    }

    @Test
    void verdictRuleScalesByOverdispersion() {
        // N = 10 bins, k = 3 each: ΔBIC = Δχ²; ĉ = max(1, smaller χ²_red)
        ModelComparison clear = ModelComparison.of(fitWithChi2(ProfileModel.DIFFUSION, 5), fitWithChi2(ProfileModel.CORE_SHELL, 40));
        assertEquals(35, clear.deltaBic(), 1e-12);
        assertEquals(35, clear.deltaAic(), 1e-12);
        assertEquals(1.0, clear.overdispersion());
        assertEquals(35, clear.margin(), 1e-12);
        assertEquals(Verdict.DIFFUSION, clear.verdict());
        // both models miss the data: ĉ = 21/7 = 3, margin = −30/3 = −10, just decisive for core–shell
        ModelComparison poor = ModelComparison.of(fitWithChi2(ProfileModel.DIFFUSION, 51), fitWithChi2(ProfileModel.CORE_SHELL, 21));
        assertEquals(3.0, poor.overdispersion(), 1e-12);
        assertEquals(-10, poor.margin(), 1e-12);
        assertEquals(Verdict.CORE_SHELL, poor.verdict());
        ModelComparison close = ModelComparison.of(fitWithChi2(ProfileModel.DIFFUSION, 49), fitWithChi2(ProfileModel.CORE_SHELL, 21));
        assertEquals(Verdict.UNDECIDED, close.verdict(), "margin " + close.margin());
    }

    private static ModelFit fitWithChi2(ProfileModel model, double chi2) {
        return new ModelFit(3, model, "ok", true, 1, 10, 3, chi2, 100, 1, null, null, 0,
                List.of(new ParticleConcentrations(3, 0.6, 0.01, 0.1, 0.01)), 100, List.of());
    }

    @Test
    void boxLeastSquaresFindsTheConstrainedMinimum() {
        // brute force over a grid on the box
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            double a = random.nextDouble(0.1, 3);
            double c = random.nextDouble(0.1, 3);
            double b = random.nextDouble(-0.9, 0.9) * Math.sqrt(a * c);
            double d1 = random.nextDouble(-2, 4);
            double d2 = random.nextDouble(-2, 4);
            double[] x = ProfileModelFitter.boxLeastSquares(a, b, c, d1, d2, 0);
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= 400; i++) {
                for (int j = 0; j <= 400; j++) {
                    double u = i / 400.0;
                    double v = j / 400.0;
                    best = Math.min(best, a * u * u + 2 * b * u * v + c * v * v - 2 * d1 * u - 2 * d2 * v);
                }
            }
            double got = a * x[0] * x[0] + 2 * b * x[0] * x[1] + c * x[1] * x[1] - 2 * d1 * x[0] - 2 * d2 * x[1];
            assertTrue(got <= best + 1e-9, "trial " + trial + ": " + Arrays.toString(x));
        }
        assertArrayEquals(new double[] {0.5, 0.25}, ProfileModelFitter.boxLeastSquares(1, 0, 1, 0.5, 0.25, 0), 1e-15);
    }
}
