package org.oxymap.core.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.fit.BackgroundModel;
import org.oxymap.core.fit.FitMaps;
import org.oxymap.core.fit.FitOptions;
import org.oxymap.core.fit.LinearCombinationFitter;
import org.oxymap.core.model.DiffusionFit;
import org.oxymap.core.model.ModelFits;
import org.oxymap.core.model.ParticleGeometry;
import org.oxymap.core.model.ParticleGeometryFitter;
import org.oxymap.core.model.ProfiledParticle;
import org.oxymap.core.od.EmptyRegionI0Estimator;
import org.oxymap.core.od.OpticalDensityConverter;
import org.oxymap.core.od.RegionI0Estimator;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.ParticleMeasurement;
import org.oxymap.core.segment.ParticleSegmenter;
import org.oxymap.core.segment.Segmentation;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

/**
 * The pipeline of {@link OxidationStatePipeline} cut into the steps a person runs one at a time (Fiji's per-step
 * commands): optical density, reference fit, segmentation, profiles, model fits. Each step makes the same calls in
 * the same order as the whole pipeline, so steps run one after the other on the same inputs give the same maps as
 * one pipeline run (the ImageJ batch test checks this against the command line).
 */
public final class PipelineSteps {

    private PipelineSteps() {
    }

    /**
     * Optical density and where I0 came from.
     *
     * @param od      the OD stack; pixels without positive counts at some energy are NaN at every energy
     * @param invalid those pixels
     * @param i0      the I0 spectrum used
     * @param empty   the empty region (the pixels I0 was taken from, or, for an I0 given with the stack, the
     *                region the estimator finds, none when it finds none), which the noise threshold needs
     */
    public record OpticalDensity(SpectralStack od, boolean[] invalid, int invalidCount, double[] i0, boolean[] empty,
            String i0Source) {
    }

    /**
     * Optical density of an (aligned) transmission stack: I0 from the stack itself when it carries one (e.g. from an
     * I0 file), else from the rectangle, else from the empty region the estimator finds.
     *
     * @param i0Roi rectangle of empty pixels, or null
     */
    public static OpticalDensity opticalDensity(SpectralStack transmission, PixelRectangle i0Roi) {
        double[] i0 = transmission.i0OrNull();
        boolean[] empty;
        String source;
        if (i0 != null) {
            source = "given";
            try {
                empty = new EmptyRegionI0Estimator().estimate(transmission).emptyMask();
            } catch (IllegalArgumentException e) {
                // an I0 given because the field has no empty region: the empty mask stays empty, and only the
                // noise threshold, which needs it, will say so
                empty = new boolean[transmission.width() * transmission.height()];
                source = "given (no empty region for the noise threshold: " + e.getMessage() + ")";
            }
        } else {
            EmptyRegionI0Estimator.Result estimate = i0Roi != null
                    ? RegionI0Estimator.fromRectangle(transmission, i0Roi)
                    : new EmptyRegionI0Estimator().estimate(transmission);
            i0 = estimate.i0();
            empty = estimate.emptyMask();
            source = i0Roi != null ? "rectangle " + i0Roi : "empty region (" + estimate.pixelCount() + " px)";
        }
        OpticalDensityConverter.Result r = new OpticalDensityConverter().convert(transmission, i0);
        int n = transmission.width() * transmission.height();
        if (r.invalidCount() == n) {
            throw new IllegalArgumentException("no pixel has positive counts at every energy: nothing to fit");
        }
        if (r.invalidCount() > 0) {
            for (float[] plane : r.od().planes()) {
                for (int i = 0; i < n; i++) {
                    if (r.invalid()[i]) {
                        plane[i] = Float.NaN;
                    }
                }
            }
        }
        return new OpticalDensity(r.od(), r.invalid(), r.invalidCount(), i0, empty, source);
    }

    /** Pixels of an OD stack that are not finite at some energy (how {@link #opticalDensity} marks them). */
    public static boolean[] invalidPixels(SpectralStack od) {
        int n = od.width() * od.height();
        boolean[] invalid = new boolean[n];
        for (float[] plane : od.planes()) {
            for (int i = 0; i < n; i++) {
                if (!Float.isFinite(plane[i])) {
                    invalid[i] = true;
                }
            }
        }
        return invalid;
    }

    /** The per-pixel linear-combination fit of the references, skipping the invalid pixels of the OD stack. */
    public static FitMaps fitReferences(SpectralStack od, List<ReferenceSpectrum> references,
            BackgroundModel background, ProgressListener listener) {
        return fitReferences(od, references, FitOptions.of(background), listener);
    }

    /**
     * As {@link #fitReferences(SpectralStack, List, BackgroundModel, ProgressListener)} with the fit's options
     * (background, sum to one, edge-jump threshold); Poisson weights need the counts, which a step on an OD stack
     * does not have.
     */
    public static FitMaps fitReferences(SpectralStack od, List<ReferenceSpectrum> references, FitOptions options,
            ProgressListener listener) {
        boolean[] invalid = invalidPixels(od);
        int count = 0;
        for (boolean b : invalid) {
            count += b ? 1 : 0;
        }
        if (count == invalid.length) {
            throw new IllegalArgumentException("no pixel of the OD stack is finite at every energy: nothing to fit");
        }
        return new LinearCombinationFitter(references, options).fit(od, count == 0 ? null : invalid, listener);
    }

    /**
     * Particles from the thickness map with the settings' threshold, size limit, hole filling and watershed.
     *
     * @param fitted pixels that carry a value (the fit's mask), or null
     * @param empty  the empty region, needed by the noise threshold; null otherwise
     */
    public static Segmentation segment(PipelineSettings settings, float[] thicknessNm, boolean[] fitted,
            boolean[] empty, int width, int height, double pixelWidthNm, double pixelHeightNm,
            ProgressListener listener) {
        settings.validate();
        ParticleSettings p = settings.particles();
        return new ParticleSegmenter(settings.threshold(), settings.minAreaNm2(), p.fillHoles(),
                p.watershed() ? p.watershedHNm(pixelWidthNm, pixelHeightNm) : Double.NaN)
                .segment(thicknessNm, fitted, empty, width, height, pixelWidthNm, pixelHeightNm, listener);
    }

    /**
     * The measurements and exclusion flags that {@link #profiles} will give the particles of a segmentation with the
     * same settings, before there is a fraction map (the mean fraction is 0).
     */
    public static ParticleMeasurement[] measure(PipelineSettings settings, Segmentation segmentation,
            float[] thicknessNm, int width, double pixelWidthNm, double pixelHeightNm) {
        settings.validate();
        return ParticleMeasurement.measureAll(segmentation, width, pixelWidthNm, pixelHeightNm,
                new float[thicknessNm.length], thicknessNm, settings.particles().limits(settings.minAreaNm2()));
    }

    /**
     * Distance from each particle's edge, measurements, flags and the profiles of the fraction map for the given
     * particles (a label image, e.g. from {@link #segment}).
     */
    public static ParticleProfiles profiles(PipelineSettings settings, int[] labels, float[] thicknessNm,
            float[] fraction, int width, int height, double pixelWidthNm, double pixelHeightNm,
            ProgressListener listener) {
        return new ParticleProfiling(resolvedBin(settings, pixelWidthNm)).run(thicknessNm, fraction, null, null, width,
                height, pixelWidthNm, pixelHeightNm, labels, listener);
    }

    /** The settings with an unknown bin width resolved to one pixel, as the pipeline does. */
    public static PipelineSettings resolvedBin(PipelineSettings settings, double pixelWidthNm) {
        return Double.isNaN(settings.binNm()) ? settings.withBinNm(pixelWidthNm) : settings;
    }

    /** The model step's result: the fitted geometries, the fits and the particles left out of the global fit. */
    public record ModelStep(List<ParticleGeometry> geometries, ModelFits fits, List<Integer> outliers,
            DiffusionFit global) {
    }

    /**
     * Sphere geometry from the thickness, then the diffusion and core–shell fits per particle and globally, as in
     * {@link OxidationStatePipeline}: particles whose diffusion fit is far worse than the median are left out of the
     * global fits. The geometries are those the profiling fitted (with the settings' probe blur), else fitted here
     * the same way. The maps are taken as they are: the probe blur of the settings is carried by the geometry and
     * the models, as in a run without {@code deconvolve_probe}.
     */
    public static ModelStep fitModels(PipelineSettings settings, ParticleProfiles profiles, float[] thicknessNm,
            float[] fraction, int width, double pixelWidthNm, double pixelHeightNm, ProgressListener listener) {
        Segmentation segmentation = profiles.segmentation();
        boolean[] include = profiles.included();
        ParticleGeometryFitter geometryFitter = new ParticleGeometryFitter(settings.sectionNm(),
                settings.modelFits().probeFwhmNm());
        List<ParticleGeometry> geometries = new ArrayList<>();
        List<ProfiledParticle> profiled = new ArrayList<>();
        for (int l = 1; l <= segmentation.count(); l++) {
            listener.checkCancelled("particle geometry");
            if (!include[l - 1]) {
                continue;
            }
            ParticleGeometry g = profiles.geometries()[l - 1] != null ? profiles.geometries()[l - 1]
                    : geometryFitter.fit(l, segmentation.labels(), thicknessNm, width, pixelWidthNm, pixelHeightNm);
            geometries.add(g);
            ProfiledParticle p = ProfiledParticle.of(g, segmentation.labels(), width, pixelWidthNm, pixelHeightNm,
                    profiles.distanceNm(), thicknessNm, fraction, profiles.profiler(), profiles.bins());
            if (p.fittedBins() > 0) {
                profiled.add(p);
            }
            listener.progress("particle geometry", l, segmentation.count());
        }
        if (profiled.isEmpty()) {
            throw new IllegalArgumentException("no profiled particle has a profile to fit (" + segmentation.count()
                    + " particles found; every profile has fewer than " + ProfiledParticle.MIN_PIXELS_PER_BIN
                    + " pixels per bin)");
        }
        ModelFits fits = OxidationStatePipeline.fitModels(settings.modelFits(), profiled, listener);
        List<Integer> left = profiled.stream().map(p -> p.geometry().label())
                .filter(l -> !fits.globalParticles().contains(l)).toList();
        return new ModelStep(List.copyOf(geometries), fits, left, fits.globalDiffusion().toDiffusionFit());
    }
}
