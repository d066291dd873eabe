package org.oxymap.core.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.oxymap.core.align.ImageShifter;
import org.oxymap.core.align.PhaseCorrelationAligner;
import org.oxymap.core.align.Shift;
import org.oxymap.core.distance.EuclideanDistanceTransform;
import org.oxymap.core.fit.FitMaps;
import org.oxymap.core.fit.LinearCombinationFitter;
import org.oxymap.core.model.DiffusionFit;
import org.oxymap.core.model.ModelFit;
import org.oxymap.core.model.ModelFitSettings;
import org.oxymap.core.model.ModelFits;
import org.oxymap.core.model.ParticleGeometry;
import org.oxymap.core.model.ParticleGeometryFitter;
import org.oxymap.core.model.ProfileModel;
import org.oxymap.core.model.ProfileModelFitter;
import org.oxymap.core.model.ProfiledParticle;
import org.oxymap.core.od.EmptyRegionI0Estimator;
import org.oxymap.core.od.OpticalDensityConverter;
import org.oxymap.core.profile.EdgeDistanceProfiler;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.ParticleMeasurement;
import org.oxymap.core.segment.ParticleSegmenter;
import org.oxymap.core.segment.Segmentation;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

/**
 * The whole chain of DESIGN.md §1 on one transmission stack: alignment to the mean drift position, I0 (given or
 * from the empty region), optical density, per-pixel linear-combination fit, particles from the thickness map,
 * distance from each particle's edge, thickness-weighted profiles of the chosen fraction, and the depth-averaged
 * diffusion and core–shell fits (per particle, then global over the particles that diffusion describes), compared
 * per particle and globally. Particles touching the image border are measured but neither profiled nor fitted.
 */
public final class OxidationStatePipeline {

    /** A particle whose diffusion fit has χ²_red above this many times the median is left out of the global fit. */
    public static final double OUTLIER_CHI2_FACTOR = 5.0;

    private final PipelineSettings settings;
    private final List<ReferenceSpectrum> references;
    private final ModelFitSettings modelFitSettings;

    public OxidationStatePipeline(PipelineSettings settings, List<ReferenceSpectrum> references) {
        this(settings, references, ModelFitSettings.defaults());
    }

    /** @param modelFitSettings offset handling and bootstrap of the model fits */
    public OxidationStatePipeline(PipelineSettings settings, List<ReferenceSpectrum> references,
            ModelFitSettings modelFitSettings) {
        settings.validate();
        modelFitSettings.validate();
        this.settings = settings;
        this.references = List.copyOf(references);
        this.modelFitSettings = modelFitSettings;
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
        String profileName = settings.profile() != null ? settings.profile() : defaultProfile(references);
        if (references.stream().noneMatch(r -> r.name().equals(profileName))) {
            throw new IllegalArgumentException("parameter profile names '" + profileName + "', but the references are "
                    + references.stream().map(ReferenceSpectrum::name).toList());
        }
        double binNm = Double.isNaN(settings.binNm()) ? transmission.pixelWidthNm() : settings.binNm();
        PipelineSettings used = settings.withProfile(profileName).withBinNm(binNm);
        int w = transmission.width();
        int h = transmission.height();
        double pw = transmission.pixelWidthNm();
        double ph = transmission.pixelHeightNm();

        Shift[] shifts = new Shift[transmission.energyCount()];
        Arrays.fill(shifts, new Shift(0, 0));
        SpectralStack aligned = transmission;
        if (settings.align() && transmission.energyCount() > 1) {
            int reference = transmission.energyCount() / 2;
            shifts = PhaseCorrelationAligner.relativeToMean(new PhaseCorrelationAligner(settings.maxShiftPx())
                    .estimateShifts(transmission.planes(), w, h, reference, listener));
            aligned = transmission.withPlanes(ImageShifter.alignAll(transmission.planes(), w, h, shifts));
        }
        listener.checkCancelled("I0");

        double[] i0 = transmission.i0OrNull();
        boolean[] empty = null;
        if (i0 == null) {
            EmptyRegionI0Estimator.Result estimate = new EmptyRegionI0Estimator().estimate(aligned);
            i0 = estimate.i0();
            empty = estimate.emptyMask();
        }
        OpticalDensityConverter.Result od = new OpticalDensityConverter().convert(aligned, i0);
        if (od.invalidCount() == w * h) {
            throw new IllegalArgumentException("no pixel has positive counts at every energy: nothing to fit");
        }

        FitMaps maps = new LinearCombinationFitter(references, settings.background()).fit(od.od(), od.invalid(),
                listener);
        float[] thickness = maps.thickness();
        boolean[] emptyForThreshold = empty;
        if (emptyForThreshold == null) {
            emptyForThreshold = new EmptyRegionI0Estimator().estimate(aligned).emptyMask();
        }
        Segmentation segmentation = new ParticleSegmenter(settings.threshold(), settings.minAreaNm2())
                .segment(thickness, maps.fitted(), emptyForThreshold, w, h, pw, ph);
        listener.checkCancelled("distance transform");
        float[] distance = EuclideanDistanceTransform.distanceToOwnBoundary(segmentation.labels(), w, h, pw, ph, true,
                listener);

        float[] fraction = maps.fractions().get(maps.indexOf(profileName));
        ParticleMeasurement[] particles = ParticleMeasurement.measureAll(segmentation, w, pw, ph, fraction, thickness);
        boolean[] include = new boolean[segmentation.count()];
        for (int l = 0; l < include.length; l++) {
            include[l] = !segmentation.touchesBorder()[l];
        }
        EdgeDistanceProfiler profiler = new EdgeDistanceProfiler(binNm, 0.5 * Math.min(pw, ph));
        List<ProfileBin> bins = profiler.profile(segmentation.labels(), segmentation.count(), include, distance,
                fraction, thickness);

        ParticleGeometryFitter geometryFitter = new ParticleGeometryFitter(settings.sectionNm());
        List<ParticleGeometry> geometries = new ArrayList<>();
        List<ProfiledParticle> profiled = new ArrayList<>();
        for (int l = 1; l <= segmentation.count(); l++) {
            listener.checkCancelled("particle geometry");
            if (!include[l - 1]) {
                continue;
            }
            ParticleGeometry g = geometryFitter.fit(l, segmentation.labels(), thickness, w, pw, ph);
            geometries.add(g);
            ProfiledParticle p = ProfiledParticle.of(g, segmentation.labels(), w, pw, ph, distance, thickness, fraction,
                    profiler, bins);
            if (p.fittedBins() > 0) {
                profiled.add(p);
            }
            listener.progress("particle geometry", l, segmentation.count());
        }
        if (profiled.isEmpty()) {
            throw new IllegalArgumentException("no particle away from the image border has a profile to fit ("
                    + segmentation.count() + " particles found, all touching the border)");
        }
        ModelFits fits = fitModels(profiled, listener);
        List<DiffusionFit> each = fits.diffusion().stream().filter(ModelFit::fitted).map(ModelFit::toDiffusionFit)
                .toList();
        List<Integer> outliers = profiled.stream().map(p -> p.geometry().label())
                .filter(l -> !fits.globalParticles().contains(l)).toList();
        DiffusionFit global = fits.globalDiffusion().toDiffusionFit();
        return new PipelineResult(used, shifts, i0, empty != null, empty, od.invalidCount(), maps, segmentation,
                distance, particles, bins, geometries, global, each, outliers, fits);
    }

    /**
     * Both models per particle, the diffusion outliers left out, both models globally over the rest, and the
     * comparisons. Throws IllegalArgumentException (with the fit's reason) when not even the global diffusion fit
     * can be made.
     */
    private ModelFits fitModels(List<ProfiledParticle> profiled, ProgressListener listener) {
        ProfileModelFitter fitter = new ProfileModelFitter(modelFitSettings);
        List<ModelFit> diffusion = fitter.fitEach(profiled, ProfileModel.DIFFUSION, listener);
        List<ModelFit> coreShell = fitter.fitEach(profiled, ProfileModel.CORE_SHELL, listener);
        List<DiffusionFit> each = diffusion.stream().filter(ModelFit::fitted).map(ModelFit::toDiffusionFit).toList();
        List<Integer> outliers = diffusionOutliers(each);
        List<ProfiledParticle> consistent = profiled.stream()
                .filter(p -> !outliers.contains(p.geometry().label())).toList();
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
