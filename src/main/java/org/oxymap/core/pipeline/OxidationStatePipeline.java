package org.oxymap.core.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.oxymap.core.align.AlignmentResult;
import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.align.Shift;
import org.oxymap.core.align.StackAligner;
import org.oxymap.core.fit.FitMaps;
import org.oxymap.core.fit.LinearCombinationFitter;
import org.oxymap.core.model.DiffusionFit;
import org.oxymap.core.model.ModelFit;
import org.oxymap.core.model.ModelFitSettings;
import org.oxymap.core.model.ModelFits;
import org.oxymap.core.model.ParticleGeometry;
import org.oxymap.core.model.ProfileModel;
import org.oxymap.core.model.ProfileModelFitter;
import org.oxymap.core.model.ProfiledParticle;
import org.oxymap.core.energy.EnergyAxisCalibrator;
import org.oxymap.core.od.EmptyRegionI0Estimator;
import org.oxymap.core.od.OpticalDensityConverter;
import org.oxymap.core.od.ProbeDeconvolution;
import org.oxymap.core.od.RegionI0Estimator;
import org.oxymap.core.outlier.OutlierPixelReplacer;
import org.oxymap.core.profile.EdgeDistanceProfiler;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.ParticleMeasurement;
import org.oxymap.core.segment.Segmentation;
import org.oxymap.core.segment.ThresholdMethod;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

/**
 * The whole chain of DESIGN.md §1 on one transmission stack: energy-axis shift and outlier replacement when asked
 * for, alignment across energies ({@link StackAligner}, by default to the mean drift position with a Lanczos-6
 * resampling of ln(counts)), I0 (given, from a rectangle, or from the empty region), optical density, per-pixel linear-combination fit, particles from the thickness map,
 * distance from each particle's edge, thickness-weighted profiles of the chosen fraction, and the depth-averaged
 * diffusion and core–shell fits (per particle, then global over the particles that diffusion describes), compared
 * per particle and globally. Particles may also come from outside as a label image. Flagged particles (touching
 * the border or another particle, outside the size limits, non-convex, without interior) are measured but neither
 * profiled nor fitted.
 */
public final class OxidationStatePipeline {

    /** A particle whose diffusion fit has χ²_red above this many times the median is left out of the global fit. */
    public static final double OUTLIER_CHI2_FACTOR = 5.0;

    private final PipelineSettings settings;
    private final List<ReferenceSpectrum> references;
    private final ModelFitSettings modelFitSettings;

    public OxidationStatePipeline(PipelineSettings settings, List<ReferenceSpectrum> references) {
        settings.validate();
        this.settings = settings;
        this.references = List.copyOf(references);
        this.modelFitSettings = settings.modelFits();
    }

    /** The reference profiled by default: the one with valence 3 (e.g. Mn3+). */
    public static String defaultProfile(List<ReferenceSpectrum> references) {
        for (ReferenceSpectrum r : references) {
            if (r.valence() == 3) {
                return r.name();
            }
        }
        throw new IllegalArgumentException("no reference has valence 3; name the profiled component with --profile "
                + "(references: " + references.stream().map(ReferenceSpectrum::name).toList() + ")");
    }

    public PipelineResult run(SpectralStack transmission, ProgressListener listener) {
        return run(transmission, null, listener);
    }

    /**
     * Runs the pipeline with particles given from outside (a label image of the stack's size, 0 = background,
     * any positive ids) instead of segmenting the thickness map; null = segment.
     */
    public PipelineResult run(SpectralStack transmission, int[] particleLabels, ProgressListener listener) {
        if (particleLabels != null && particleLabels.length != transmission.width() * transmission.height()) {
            throw new IllegalArgumentException("the particle label image has " + particleLabels.length
                    + " pixels but the stack is " + transmission.width() + " x " + transmission.height());
        }
        String profileName = settings.profile() != null ? settings.profile() : defaultProfile(references);
        if (references.stream().noneMatch(r -> r.name().equals(profileName))) {
            throw new IllegalArgumentException("parameter profile names '" + profileName + "', but the references are "
                    + references.stream().map(ReferenceSpectrum::name).toList());
        }
        double binNm = Double.isNaN(settings.binNm()) ? transmission.pixelWidthNm() : settings.binNm();
        PipelineSettings used = settings.withProfile(profileName).withBinNm(binNm);
        PreparationSettings prep = settings.preparation();
        SpectralStack input = EnergyAxisCalibrator.shifted(transmission, prep.energyShiftEv());
        int outlierPixels = 0;
        if (prep.outlierSigma() > 0) {
            OutlierPixelReplacer.Result cleaned = new OutlierPixelReplacer(prep.outlierSigma()).replace(input, listener);
            input = cleaned.cleaned();
            outlierPixels = cleaned.replacedTotal();
        }
        Shift[] shifts = new Shift[input.energyCount()];
        Arrays.fill(shifts, new Shift(0, 0));
        SpectralStack aligned = input;
        PixelRectangle area = PixelRectangle.of(input.width(), input.height());
        if (settings.align() && input.energyCount() > 1) {
            AlignmentResult alignment = new StackAligner(settings.alignment()).align(input, listener);
            aligned = alignment.aligned();
            shifts = alignment.shifts();
            if (alignment.cropped()) {
                area = alignment.crop();
            }
        }
        int w = aligned.width();
        int h = aligned.height();
        double pw = aligned.pixelWidthNm();
        double ph = aligned.pixelHeightNm();
        double blurLeftFwhmNm = modelFitSettings.probeFwhmNm();
        double noiseGain = 1.0;
        if (modelFitSettings.deconvolves()) {
            ProbeDeconvolution deconvolution = new ProbeDeconvolution(modelFitSettings.probeFwhmNm(), pw, ph);
            aligned = deconvolution.deconvolve(aligned, listener);
            blurLeftFwhmNm = deconvolution.residualFwhmNm();
            noiseGain = deconvolution.noiseVarianceGain();
        }
        listener.checkCancelled("I0");

        double[] i0 = aligned.i0OrNull();
        boolean[] empty = null;
        if (i0 == null) {
            EmptyRegionI0Estimator.Result estimate = prep.i0Roi() != null
                    ? RegionI0Estimator.fromRectangle(aligned, inArea(prep.i0Roi(), area))
                    : new EmptyRegionI0Estimator().estimate(aligned);
            i0 = estimate.i0();
            empty = estimate.emptyMask();
        }
        OpticalDensityConverter.Result od = new OpticalDensityConverter().convert(aligned, i0);
        if (od.invalidCount() == w * h) {
            throw new IllegalArgumentException("no pixel has positive counts at every energy: nothing to fit");
        }

        double i0Readings = i0Readings(empty);
        FitMaps maps = new LinearCombinationFitter(references, settings.fitOptions()).fit(od.od(),
                weightCounts(aligned, noiseGain, settings.fitOptions().weights()), i0, i0Readings, od.invalid(), listener);
        SpectralStack alignedStack = aligned;
        return finish(used, profileName, shifts, i0, empty, od.invalidCount(), maps,
                () -> new EmptyRegionI0Estimator().estimate(alignedStack).emptyMask(), w, h, pw, ph, particleLabels,
                area, outlierPixels, blurLeftFwhmNm, listener);
    }

    /**
     * The counts the Poisson weights are computed from: the stack itself, or, after the probe deconvolution, the
     * counts divided by its noise-variance gain, since var(OD) ≈ gain/I + 1/(N·I0) = 1/(I/gain) + 1/(N·I0) for the
     * deconvolved counts I (the I0 term is a mean over many pixels, which the deconvolution leaves alone).
     */
    static SpectralStack weightCounts(SpectralStack counts, double noiseGain, org.oxymap.core.fit.FitWeights weights) {
        if (noiseGain == 1.0 || weights != org.oxymap.core.fit.FitWeights.POISSON) {
            return counts;
        }
        List<float[]> scaled = new ArrayList<>();
        for (float[] plane : counts.planes()) {
            float[] s = new float[plane.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = (float) (plane[i] / noiseGain);
            }
            scaled.add(s);
        }
        return counts.withPlanes(scaled);
    }

    /** {@link #finish} on maps that carry the whole probe blur of the settings (not deconvolved). */
    PipelineResult finish(PipelineSettings used, String profileName, Shift[] shifts, double[] i0, boolean[] empty,
                          int invalidCount, FitMaps maps, java.util.function.Supplier<boolean[]> emptyOfAligned,
                          int w, int h, double pw, double ph, int[] particleLabels, PixelRectangle area,
                          int outlierPixels, ProgressListener listener) {
        return finish(used, profileName, shifts, i0, empty, invalidCount, maps, emptyOfAligned, w, h, pw, ph,
                particleLabels, area, outlierPixels, modelFitSettings.probeFwhmNm(), listener);
    }

    /**
     * Everything after the per-pixel fit, on the 2-D maps: particles, distances, profiles, geometry and model fits.
     * Shared by {@link #run} and {@link TiledPipeline}, which builds the same maps band by band.
     *
     * @param emptyOfAligned the empty mask of the aligned stack, asked for only when the noise threshold needs it
     *                       and I0 was not estimated from the stack
     * @param blurLeftFwhmNm the probe blur left in the maps (the settings' probe FWHM, or what the deconvolution
     *                       left of it): the geometry fit and the models carry this blur
     */
    PipelineResult finish(PipelineSettings used, String profileName, Shift[] shifts, double[] i0, boolean[] empty,
                          int invalidCount, FitMaps maps, java.util.function.Supplier<boolean[]> emptyOfAligned,
                          int w, int h, double pw, double ph, int[] particleLabels, PixelRectangle area,
                          int outlierPixels, double blurLeftFwhmNm, ProgressListener listener) {
        ModelFitSettings blurLeft = modelFitSettings.withProbeFwhmNm(blurLeftFwhmNm);
        float[] thickness = maps.thickness();
        boolean[] emptyForThreshold = empty;
        if (emptyForThreshold == null && particleLabels == null && settings.threshold() == ThresholdMethod.NOISE) {
            emptyForThreshold = emptyOfAligned.get();
        }
        float[] fraction = maps.fractions().get(maps.indexOf(profileName));
        ParticleProfiles particleProfiles = new ParticleProfiling(used.withModelFits(blurLeft)).run(thickness, fraction, maps.fitted(),
                emptyForThreshold, w, h, pw, ph, particleLabels, listener);
        Segmentation segmentation = particleProfiles.segmentation();
        float[] distance = particleProfiles.distanceNm();
        ParticleMeasurement[] particles = particleProfiles.particles();
        boolean[] include = particleProfiles.included();
        EdgeDistanceProfiler profiler = particleProfiles.profiler();
        List<ProfileBin> bins = particleProfiles.bins();

        List<ParticleGeometry> geometries = new ArrayList<>();
        List<ProfiledParticle> profiled = new ArrayList<>();
        // every particle's pixels and bins from one pass each, then the particles in parallel (in label order)
        int count = segmentation.count();
        int[][] pixels = ParticleProfiling.pixelLists(segmentation.labels(), count);
        List<List<ProfileBin>> binsOf = binsByParticle(bins, count);
        ProfiledParticle[] built = new ProfiledParticle[count];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.stream.IntStream.range(0, count).parallel().forEach(i -> {
            listener.checkCancelled("particle geometry");
            if (include[i]) {
                built[i] = ProfiledParticle.ofPixels(particleProfiles.geometries()[i], pixels[i], w, pw, ph, distance,
                        thickness, fraction, profiler, binsOf.get(i));
            }
            int n = done.incrementAndGet();
            synchronized (listener) {
                listener.progress("particle geometry", n, count);
            }
        });
        for (int l = 1; l <= count; l++) {
            if (!include[l - 1]) {
                continue;
            }
            geometries.add(particleProfiles.geometries()[l - 1]);
            if (built[l - 1].fittedBins() > 0) {
                profiled.add(built[l - 1]);
            }
        }
        if (profiled.isEmpty()) {
            throw new IllegalArgumentException("no profiled particle has a profile to fit (" + segmentation.count()
                    + " particles found; every profile has fewer than " + ProfiledParticle.MIN_PIXELS_PER_BIN
                    + " pixels per bin)");
        }
        ModelFits fits = fitModels(blurLeft, profiled, listener);
        List<DiffusionFit> each = fits.diffusion().stream().filter(ModelFit::fitted).map(ModelFit::toDiffusionFit)
                .toList();
        java.util.Set<Integer> inGlobal = new java.util.HashSet<>(fits.globalParticles());
        List<Integer> outliers = profiled.stream().map(p -> p.geometry().label())
                .filter(l -> !inGlobal.contains(l)).toList();
        DiffusionFit global = fits.globalDiffusion().toDiffusionFit();
        return new PipelineResult(used, shifts, i0, empty != null, empty, invalidCount, maps, segmentation,
                distance, particles, bins, geometries, global, each, outliers, area, outlierPixels,
                particleProfiles.normalisedBins(), particleProfiles.sectorBins(), fits);
    }

    /** The profile bins of each particle (index = label − 1), in their order; the ensemble's bins are left out. */
    static List<List<ProfileBin>> binsByParticle(List<ProfileBin> bins, int count) {
        List<List<ProfileBin>> out = new ArrayList<>(count);
        for (int l = 0; l < count; l++) {
            out.add(new ArrayList<>());
        }
        for (ProfileBin b : bins) {
            if (b.particle() >= 1 && b.particle() <= count) {
                out.get(b.particle() - 1).add(b);
            }
        }
        return out;
    }

    /**
     * Both models per particle, the diffusion outliers left out, both models globally over the rest, and the
     * comparisons. Throws IllegalArgumentException (with the fit's reason) when not even the global diffusion fit
     * can be made.
     */
    static ModelFits fitModels(ModelFitSettings modelFitSettings, List<ProfiledParticle> profiled,
            ProgressListener listener) {
        ProfileModelFitter fitter = new ProfileModelFitter(modelFitSettings);
        List<ModelFit> diffusion = fitter.fitEach(profiled, ProfileModel.DIFFUSION, listener);
        List<ModelFit> coreShell = fitter.fitEach(profiled, ProfileModel.CORE_SHELL, listener);
        List<DiffusionFit> each = diffusion.stream().filter(ModelFit::fitted).map(ModelFit::toDiffusionFit).toList();
        List<Integer> outliers = diffusionOutliers(each);
        java.util.Set<Integer> outlierSet = new java.util.HashSet<>(outliers);
        List<ProfiledParticle> consistent = profiled.stream()
                .filter(p -> !outlierSet.contains(p.geometry().label())).toList();
        List<ProfiledParticle> shared = consistent.isEmpty() ? profiled : consistent;
        ModelFit globalDiffusion = fitter.fitGlobal(shared, ProfileModel.DIFFUSION, listener);
        if (!globalDiffusion.fitted()) {
            throw new IllegalArgumentException("the diffusion fit over all particles was " + globalDiffusion.status());
        }
        ModelFit globalCoreShell = fitter.fitGlobal(shared, ProfileModel.CORE_SHELL, listener);
        return ModelFits.of(modelFitSettings, diffusion, coreShell, globalDiffusion, globalCoreShell,
                shared.stream().map(p -> p.geometry().label()).toList());
    }

    /**
     * N in the Poisson weights var(OD) = 1/I + 1/(N·I0): the readings averaged into I0, i.e. the empty region's
     * pixels, or 1 when I0 was given ({@code empty} null).
     */
    static double i0Readings(boolean[] empty) {
        if (empty == null) {
            return 1.0;
        }
        int count = 0;
        for (boolean e : empty) {
            count += e ? 1 : 0;
        }
        return Math.max(1, count);
    }

    /**
     * The I0 rectangle, given in the input stack's pixels, in the pixels of the (possibly cropped) aligned stack: moved
     * by the crop's origin and clipped to it.
     */
    static PixelRectangle inArea(PixelRectangle roi, PixelRectangle area) {
        int x0 = Math.max(roi.x(), area.x());
        int y0 = Math.max(roi.y(), area.y());
        int x1 = Math.min(roi.x() + roi.width(), area.x() + area.width());
        int y1 = Math.min(roi.y() + roi.height(), area.y() + area.height());
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("parameter i0-roi is " + roi + ", which lies outside the area "
                    + area + " that is left after cropping to the common area");
        }
        return new PixelRectangle(x0 - area.x(), y0 - area.y(), x1 - x0, y1 - y0);
    }

    /**
     * Particles whose own diffusion fit is far worse than the typical particle's: reduced χ² above
     * {@link #OUTLIER_CHI2_FACTOR} times the median over particles. Such a particle is not described by
     * single-phase diffusion (e.g. it has a two-phase core–shell profile, or it is a cluster), so it would bias the
     * shared D; it is left out of the global fit and listed in the fits table.
     */
    static List<Integer> diffusionOutliers(List<DiffusionFit> fits) {
        if (fits.size() < 3) {
            return List.of();
        }
        double[] chi2 = fits.stream().mapToDouble(DiffusionFit::reducedChi2).sorted().toArray();
        double median = chi2[chi2.length / 2];
        List<Integer> out = new ArrayList<>();
        for (DiffusionFit f : fits) {
            if (f.reducedChi2() > OUTLIER_CHI2_FACTOR * Math.max(1.0, median)) {
                out.add(f.particle());
            }
        }
        return out;
    }
}
