package org.oxymap.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.oxymap.core.agglomerate.AgglomerateAnalysis;
import org.oxymap.core.agglomerate.AgglomerateSettings;
import org.oxymap.core.align.AlignmentResult;
import org.oxymap.core.align.AlignmentSettings;
import org.oxymap.core.align.StackAligner;
import org.oxymap.core.distance.EuclideanDistanceTransform;
import org.oxymap.core.fit.BackgroundModel;
import org.oxymap.core.fit.FitMaps;
import org.oxymap.core.fit.LinearCombinationFitter;
import org.oxymap.core.model.ModelFitSettings;
import org.oxymap.core.model.OffsetMode;
import org.oxymap.core.model.ProfileModel;
import org.oxymap.core.model.ProfileModelFitter;
import org.oxymap.core.model.ParticleGeometry;
import org.oxymap.core.model.ParticleGeometryFitter;
import org.oxymap.core.model.ProfiledParticle;
import org.oxymap.core.od.EmptyRegionI0Estimator;
import org.oxymap.core.od.OpticalDensityConverter;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.pipeline.OxidationStatePipeline;
import org.oxymap.core.pipeline.ParticleProfiling;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.profile.EdgeDistanceProfiler;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.ParticleSegmenter;
import org.oxymap.core.segment.Segmentation;
import org.oxymap.core.segment.ThresholdMethod;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.TiffStackIO;

/**
 * Times the pipeline's stages on a phantom of fixed seed (point probe, so that the phantom itself is quick to
 * make), each as the median of {@code reps} runs after a warm-up (one run, or for a short stage as many as
 * fit in {@value #WARM_UP_S} s, at most {@value #MAX_WARM_UP_RUNS}), next to the yardstick: one parallel pass
 * that reads every value of the stack once and sums it, i.e. the memory-bandwidth limit. Single-thread times for
 * the fit and the distance transform come from running the same code inside a one-thread ForkJoinPool (the
 * stages parallelise with parallel streams, which run in the pool that calls them).
 */
public final class PipelineBenchmark {

    /** Seconds a stage runs before it is timed (at least one run). */
    static final double WARM_UP_S = 1.0;
    /** Most warm-up runs of a stage. */
    static final int MAX_WARM_UP_RUNS = 20;

    /**
     * Benchmark inputs.
     *
     * @param until          last stage to run ("align", or null for all)
     * @param exportProfiles where to write the fitted profiles for the SciPy yardstick (null = nowhere)
     * @param only           "fit" = only I0/OD and the per-pixel fit, on the unaligned stack; "pipeline" = only the
     *                       whole pipeline (null = all stages)
     */
    public record Settings(int sizePx, int energies, int reps, int maxFits, Path scratch, String until,
            Path exportProfiles, String only) {

        /** All stages (no --only). */
        public Settings(int sizePx, int energies, int reps, int maxFits, Path scratch, String until,
                Path exportProfiles) {
            this(sizePx, energies, reps, maxFits, scratch, until, exportProfiles, null);
        }
    }

    /** The whole benchmark result. */
    public record Report(int sizePx, int energies, int reps, int cores, long maxHeapMb, double yardstickS,
            double stackMb, int particles, List<StageTiming> stages) {
    }

    private final Settings settings;
    private final ProgressListener listener;

    public PipelineBenchmark(Settings settings, ProgressListener listener) {
        if (settings.sizePx() < 64 || settings.energies() < 5 || settings.reps() < 1) {
            throw new IllegalArgumentException("bench needs --size >= 64, >= 5 energies and >= 1 repetition");
        }
        this.settings = settings;
        this.listener = listener;
    }

    public Report run() throws IOException {
        PhantomSettings ps = PhantomSettings.defaults().withSize(settings.sizePx()).withProbeFwhmNm(0);
        listener.progress("bench: phantom", 0, 1);
        Phantom phantom = new PhantomGenerator(ps, PhantomGenerator.energiesEv(settings.energies()))
                .generate(ProgressListener.NONE);
        SpectralStack stack = phantom.stack();
        int w = stack.width();
        int h = stack.height();
        long pixels = (long) w * h;
        long values = pixels * stack.energyCount();
        int cores = ForkJoinPool.commonPool().getParallelism() + 1; // parallel streams also run on the caller

        double yardstick = median(time(() -> {
            double[] sums = new double[stack.energyCount()];
            IntStream.range(0, stack.energyCount()).parallel().forEach(k -> {
                double s = 0;
                for (float v : stack.plane(k)) {
                    s += v;
                }
                sums[k] = s;
            });
            return sums;
        }));
        List<StageTiming> stages = new ArrayList<>();
        if ("fit".equals(settings.only())) {
            EmptyRegionI0Estimator.Result i0 = new EmptyRegionI0Estimator().estimate(stack);
            OpticalDensityConverter.Result od = new OpticalDensityConverter().convert(stack, i0.i0());
            stages.add(fitStage(phantom, od, yardstick, pixels, cores, new FitMaps[1]));
            return report(stages, yardstick, values, phantom.particles().size());
        }

        if ("pipeline".equals(settings.only())) {
            stages.add(wholePipeline(phantom, ps, yardstick, values, cores));
            return report(stages, yardstick, values, phantom.particles().size());
        }

        Files.createDirectories(settings.scratch());
        Path tif = settings.scratch().resolve("bench-stack.tif");
        TiffStackIO.write(stack, tif);
        try {
            stages.add(stage("read TIFF", () -> TiffStackIO.read(tif, null, Double.NaN), yardstick, values, "values/s",
                    cores, false));
        } finally {
            Files.deleteIfExists(tif);
            Files.deleteIfExists(tif.resolveSibling("bench-stack.energies.txt"));
        }

        stages.add(largeLabelDistanceTransform(cores));

        StackAligner aligner = new StackAligner(AlignmentSettings.defaults());
        AlignmentResult[] alignment = new AlignmentResult[1];
        // The previous repetition's result is dropped first: a run holds one aligned stack, not two.
        StageTiming alignStage = stage("align (pipeline default)", () -> {
            alignment[0] = null;
            return alignment[0] = aligner.align(stack, ProgressListener.NONE);
        }, yardstick, values, "values/s", cores, true);
        stages.add(alignStage.withNote("drift on the centred " + AlignmentSettings.DEFAULT_WINDOW_PX
                + " px window, Lanczos-6 resampling of ln(counts); " + shiftError(alignment[0], phantom)));
        StackAligner estimator = new StackAligner(AlignmentSettings.defaults());
        stages.add(stage("align: drift estimate only", () -> estimator.estimate(stack, ProgressListener.NONE),
                yardstick, values, "values/s", cores, false));
        if (only("align")) {
            return report(stages, yardstick, values, phantom.particles().size());
        }
        SpectralStack aligned = alignment[0].aligned();

        EmptyRegionI0Estimator.Result[] i0 = new EmptyRegionI0Estimator.Result[1];
        OpticalDensityConverter.Result[] od = new OpticalDensityConverter.Result[1];
        stages.add(stage("I0 and OD", () -> {
            od[0] = null;
            i0[0] = new EmptyRegionI0Estimator().estimate(aligned);
            od[0] = new OpticalDensityConverter().convert(aligned, i0[0].i0());
            return od[0];
        }, yardstick, values, "values/s", cores, false));

        FitMaps[] maps = new FitMaps[1];
        stages.add(fitStage(phantom, od[0], yardstick, pixels, cores, maps));
        if (only("fit")) {
            return report(stages, yardstick, values, phantom.particles().size());
        }

        Segmentation[] seg = new Segmentation[1];
        ParticleSegmenter segmenter = new ParticleSegmenter(ThresholdMethod.NOISE, 2000);
        stages.add(stage("segment", () -> seg[0] = segmenter.segment(maps[0].thickness(), maps[0].fitted(),
                i0[0].emptyMask(), w, h, stack.pixelWidthNm(), stack.pixelHeightNm()), yardstick, pixels, "pixels/s",
                cores, false));

        float[][] distance = new float[1][];
        stages.add(stage("distance transform", () -> distance[0] = EuclideanDistanceTransform.distanceToOwnBoundary(
                seg[0].labels(), w, h, stack.pixelWidthNm(), stack.pixelHeightNm(), true), yardstick, pixels,
                "pixels/s", cores, true));

        float[] fraction = maps[0].fractions().get(maps[0].indexOf("Mn3"));
        boolean[] include = new boolean[seg[0].count()];
        for (int l = 0; l < include.length; l++) {
            include[l] = !seg[0].touchesBorder()[l];
        }
        EdgeDistanceProfiler profiler = new EdgeDistanceProfiler(stack.pixelWidthNm(), stack.pixelWidthNm() / 2);
        List<List<ProfileBin>> bins = new ArrayList<>(List.of(List.of()));
        stages.add(stage("profiles", () -> {
            List<ProfileBin> b = profiler.profile(seg[0].labels(), seg[0].count(), include, distance[0], fraction,
                    maps[0].thickness());
            bins.set(0, b);
            return b;
        }, yardstick, pixels, "pixels/s", cores, false));

        stages.add(stage("agglomerates (auto, classes, statistics, 200 bootstrap)", () -> new AgglomerateAnalysis(
                AgglomerateSettings.defaults().withBootstrap(200, 1)).run(seg[0].labels(), null, "auto", "Mn3",
                        fraction, maps[0].thickness(), maps[0].fitted(), w, h, stack.pixelWidthNm(),
                        stack.pixelHeightNm(), null, ProgressListener.NONE), yardstick, pixels, "pixels/s", cores,
                false));

        ParticleGeometryFitter geometry = new ParticleGeometryFitter(ps.sectionNm());
        List<ProfiledParticle> profiled = new ArrayList<>();
        List<ParticleGeometry> distinct = new ArrayList<>();
        int[][] pixelsOf = ParticleProfiling.pixelLists(seg[0].labels(), seg[0].count());
        for (int l = 1; l <= seg[0].count() && profiled.size() < settings.maxFits(); l++) {
            if (include[l - 1]) {
                ParticleGeometry g = geometry.fitPixels(l, pixelsOf[l - 1], maps[0].thickness(), w,
                        stack.pixelWidthNm(), stack.pixelHeightNm());
                ProfiledParticle p = ProfiledParticle.ofPixels(g, pixelsOf[l - 1], w, stack.pixelWidthNm(),
                        stack.pixelHeightNm(), distance[0], maps[0].thickness(), fraction, profiler, bins.get(0));
                if (p.fittedBins() > 3) {
                    profiled.add(p);
                    distinct.add(g);
                }
            }
        }
        // Fewer particles than --max-fits (893 at 1024 px): the particles again, each as a fit of its own (its own
        // pixel arrays, so its own model basis), until there are --max-fits fits.
        int distinctParticles = profiled.size();
        for (int i = 0; profiled.size() < settings.maxFits() && !distinct.isEmpty(); i++) {
            ParticleGeometry g = distinct.get(i % distinct.size());
            profiled.add(ProfiledParticle.ofPixels(g, pixelsOf[g.label() - 1], w, stack.pixelWidthNm(),
                    stack.pixelHeightNm(), distance[0], maps[0].thickness(), fraction, profiler, bins.get(0)));
        }
        // the fits themselves, without the bootstrap (which repeats them)
        ProfileModelFitter modelFitter = new ProfileModelFitter(new ModelFitSettings(OffsetMode.FITTED, 0.0,
                Double.NaN, 0, 1L));
        long evaluationsBefore = modelFitter.modelEvaluations();
        StageTiming fits = stage("diffusion fits (" + profiled.size() + " fits, " + distinctParticles + " particles)",
                () -> modelFitter.fitEach(profiled, ProfileModel.DIFFUSION, ProgressListener.NONE), yardstick,
                profiled.size(), "fits/s", cores, false);
        double perFit = (modelFitter.modelEvaluations() - evaluationsBefore)
                / (double) (profiled.size() * (settings.reps() + 1L));
        stages.add(fits.withNote(String.format(java.util.Locale.ROOT, "%.1f model evaluations per fit", perFit)));
        if (settings.exportProfiles() != null) {
            ProfileExport.write(profiled, ps.sectionNm(), settings.exportProfiles());
        }

        stages.add(wholePipeline(phantom, ps, yardstick, values, cores));

        return report(stages, yardstick, values, phantom.particles().size());
    }

    /**
     * The whole pipeline with its default settings (the phantom's diffusion time given), and one more run, untimed,
     * split into its steps by a {@link StepClock} (each step from its first progress report to the next one's).
     */
    private StageTiming wholePipeline(Phantom phantom, PhantomSettings ps, double yardstick, long values, int cores) {
        SpectralStack stack = phantom.stack();
        OxidationStatePipeline pipeline = new OxidationStatePipeline(PipelineSettings.defaults()
                .withTimeS(ps.timeS()), phantom.references());
        StageTiming whole = stage("whole pipeline", () -> pipeline.run(stack, ProgressListener.NONE), yardstick,
                values, "values/s", cores, false);
        StepClock clock = new StepClock();
        pipeline.run(stack, clock);
        clock.stop();
        return whole.withNote("steps of one more run: " + clock.summary());
    }

    /**
     * The per-pixel fit with 3 references and a constant, 1 and all threads. The note gives the size of the maps
     * the fit returns (its only large allocation; workspaces are a few kB per thread), alone and with the OD stack
     * it reads, relative to the size of one stack: the fit's own footprint, which the issue asks to keep ≤ 1.5×
     * the stack. (The stage's peak heap also holds the earlier stages' stacks and uncollected garbage.)
     */
    private StageTiming fitStage(Phantom phantom, OpticalDensityConverter.Result od, double yardstick, long pixels,
            int cores, FitMaps[] maps) {
        LinearCombinationFitter fitter = new LinearCombinationFitter(phantom.references(), BackgroundModel.CONSTANT);
        StageTiming t = stage("fit (NNLS, 3 refs + constant)", () -> {
            maps[0] = null;
            return maps[0] = fitter.fit(od.od(), od.invalid(), ProgressListener.NONE);
        }, yardstick, pixels, "pixels/s", cores, true);
        double stackMb = pixels * (double) od.od().energyCount() * 4 / (1 << 20);
        FitMaps m = maps[0];
        long floatMaps = 3L * m.names().size() + 6;
        double mapsMb = pixels * (floatMaps * 4 + 2) / (double) (1 << 20);
        return t.withNote(String.format(java.util.Locale.ROOT,
                "maps %.0f MB (%.2f x stack); OD stack + maps = %.2f x stack", mapsMb, mapsMb / stackMb,
                1 + mapsMb / stackMb));
    }

    /**
     * The distance transform of a 4096 × 4096 label image with 2000 disc particles (radius 10–34 px, seed 1, later
     * discs overwrite earlier ones where they overlap), against its own yardstick: one plain pass over that image.
     */
    private StageTiming largeLabelDistanceTransform(int cores) {
        int n = 4096;
        int[] labels = new int[n * n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int id = 1; id <= 2000; id++) {
            int cx = 40 + random.nextInt(n - 80);
            int cy = 40 + random.nextInt(n - 80);
            int r = 10 + random.nextInt(25);
            for (int y = cy - r; y <= cy + r; y++) {
                for (int x = cx - r; x <= cx + r; x++) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                        labels[y * n + x] = id;
                    }
                }
            }
        }
        double pass = median(time(() -> {
            long sum = 0;
            for (int v : labels) {
                sum += v;
            }
            return sum;
        }));
        StageTiming t = stage("distance transform 4096², 2000 labels",
                () -> EuclideanDistanceTransform.distanceToOwnBoundary(labels, n, n, 5.0, 5.0, true), pass,
                (long) n * n, "pixels/s", cores, true);
        return t.withNote(String.format(java.util.Locale.ROOT, "ratio to one pass over the label image (%.1f ms)",
                pass * 1000));
    }

    /**
     * The recovered drift against the phantom's true drift (plane k shows the scene displaced by the drift, in the
     * frame of the mean drift position, the frame the default alignment returns): 2-D RMS and largest error.
     */
    private static String shiftError(AlignmentResult alignment, Phantom phantom) {
        double sum2 = 0;
        double worst = 0;
        int n = alignment.shifts().length;
        for (int k = 0; k < n; k++) {
            double e = Math.hypot(alignment.shifts()[k].dxPx() - phantom.driftXPx()[k],
                    alignment.shifts()[k].dyPx() - phantom.driftYPx()[k]);
            sum2 += e * e;
            worst = Math.max(worst, e);
        }
        return String.format(java.util.Locale.ROOT, "shift error vs the phantom's drift %.4f px RMS, %.4f px largest",
                Math.sqrt(sum2 / n), worst);
    }

    private Report report(List<StageTiming> stages, double yardstick, long values, int particles) {
        return new Report(settings.sizePx(), settings.energies(), settings.reps(),
                ForkJoinPool.commonPool().getParallelism() + 1, Runtime.getRuntime().maxMemory() >> 20, yardstick,
                values * 4.0 / (1 << 20), particles, stages);
    }

    /** True when the benchmark stops after {@code stage} (the --until option). */
    private boolean only(String stage) {
        return stage.equals(settings.until());
    }

    private StageTiming stage(String name, Callable<?> work, double yardstick, long units, String unit, int cores,
            boolean singleThread) {
        listener.checkCancelled("bench");
        listener.progress("bench: " + name, 0, 1);
        resetPeaks();
        double[] times = time(work);
        double peak = peakHeapMb();
        double single = Double.NaN;
        if (singleThread) {
            ForkJoinPool one = new ForkJoinPool(1);
            try {
                single = median(time(() -> one.submit(work).get()));
            } finally {
                one.shutdown();
            }
        }
        double median = median(times);
        return new StageTiming(name, median, median / yardstick, units / median, unit, peak, cores, single, "");
    }

    private double[] time(Callable<?> work) {
        try {
            // Warm-up: at least one run, and short stages until they have run for WARM_UP_S in all, so that the
            // JIT has compiled their code before timing (one run of a 50 ms stage left the parallel runs, timed
            // first, slower than the one-thread runs timed after them).
            long warmStart = System.nanoTime();
            int warmRuns = 0;
            do {
                work.call();
                warmRuns++;
            } while (warmRuns < MAX_WARM_UP_RUNS && System.nanoTime() - warmStart < WARM_UP_S * 1e9);
            double[] t = new double[settings.reps()];
            for (int r = 0; r < t.length; r++) {
                long start = System.nanoTime();
                work.call();
                t[r] = (System.nanoTime() - start) / 1e9;
            }
            return t;
        } catch (ExecutionException e) {
            throw new IllegalStateException("bench stage failed: " + e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("bench stage failed: " + e.getMessage(), e);
        }
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (double) (1 << 20);
    }
}
