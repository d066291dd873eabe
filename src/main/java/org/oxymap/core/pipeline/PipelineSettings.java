package org.oxymap.core.pipeline;

import org.oxymap.core.align.AlignmentSettings;
import org.oxymap.core.fit.BackgroundModel;
import org.oxymap.core.fit.FitOptions;
import org.oxymap.core.model.ModelFitSettings;
import org.oxymap.core.segment.ThresholdMethod;

/**
 * Every scientific parameter of one pipeline run, with defaults and validation. The same names are the keys of
 * {@code params.json} and (in kebab case) the command-line options.
 *
 * @param profile        the reference whose fraction is profiled and fitted; null = the one with valence 3
 * @param sectionNm      lamella thickness h
 * @param timeS          time over which diffusion acted; NaN when unknown (fits then report D·t/a² only)
 * @param binNm          profile bin width; NaN = one pixel
 * @param background     background terms of the linear-combination fit
 * @param threshold      how particles are thresholded on the thickness map
 * @param minAreaNm2     components smaller than this are dropped as noise; smaller particles from outside or
 *                       from the watershed are flagged too_small
 * @param align          whether the energy images are aligned
 * @param preparation    energy shift, outliers, alignment options and I0 region (see {@link PreparationSettings})
 * @param particles      hole filling, watershed, exclusion limits and extra profiles ({@link ParticleSettings})
 * @param modelFits      lamella-offset handling and bootstrap of the model fits ({@link ModelFitSettings})
 * @param pixelFit       sum-to-one, weights and edge-jump threshold of the per-pixel fit ({@link FitOptions}; its
 *                       background is ignored: {@code background} above is the one used, see {@link #fitOptions()})
 */
public record PipelineSettings(String profile, double sectionNm, double timeS, double binNm,
        BackgroundModel background, ThresholdMethod threshold, double minAreaNm2, boolean align,
        PreparationSettings preparation, ParticleSettings particles, ModelFitSettings modelFits,
        FitOptions pixelFit) {

    /** Settings with the default per-pixel fit options. */
    public PipelineSettings(String profile, double sectionNm, double timeS, double binNm, BackgroundModel background,
            ThresholdMethod threshold, double minAreaNm2, boolean align, PreparationSettings preparation,
            ParticleSettings particles, ModelFitSettings modelFits) {
        this(profile, sectionNm, timeS, binNm, background, threshold, minAreaNm2, align, preparation, particles,
                modelFits, FitOptions.defaults());
    }

    /** The per-pixel fit options with this run's background model. */
    public FitOptions fitOptions() {
        return pixelFit.withBackground(background);
    }

    public PipelineSettings withPixelFit(FitOptions v) {
        return new PipelineSettings(profile, sectionNm, timeS, binNm, background, threshold, minAreaNm2, align,
                preparation, particles, modelFits, v);
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(null, 80.0, Double.NaN, Double.NaN, BackgroundModel.CONSTANT, ThresholdMethod.NOISE,
                2000.0, true, PreparationSettings.defaults(), ParticleSettings.defaults(),
                ModelFitSettings.defaults(), FitOptions.defaults());
    }

    public PipelineSettings withProfile(String v) {
        return new PipelineSettings(v, sectionNm, timeS, binNm, background, threshold, minAreaNm2, align,
                preparation, particles, modelFits, pixelFit);
    }

    public PipelineSettings withSectionNm(double v) {
        return new PipelineSettings(profile, v, timeS, binNm, background, threshold, minAreaNm2, align, preparation,
                particles, modelFits, pixelFit);
    }

    public PipelineSettings withTimeS(double v) {
        return new PipelineSettings(profile, sectionNm, v, binNm, background, threshold, minAreaNm2, align,
                preparation, particles, modelFits, pixelFit);
    }

    public PipelineSettings withBinNm(double v) {
        return new PipelineSettings(profile, sectionNm, timeS, v, background, threshold, minAreaNm2, align,
                preparation, particles, modelFits, pixelFit);
    }

    public PipelineSettings withBackground(BackgroundModel v) {
        return new PipelineSettings(profile, sectionNm, timeS, binNm, v, threshold, minAreaNm2, align, preparation,
                particles, modelFits, pixelFit);
    }

    public PipelineSettings withThreshold(ThresholdMethod v) {
        return new PipelineSettings(profile, sectionNm, timeS, binNm, background, v, minAreaNm2, align, preparation,
                particles, modelFits, pixelFit);
    }

    public PipelineSettings withMinAreaNm2(double v) {
        return new PipelineSettings(profile, sectionNm, timeS, binNm, background, threshold, v, align, preparation,
                particles, modelFits, pixelFit);
    }

    public PipelineSettings withAlign(boolean v) {
        return new PipelineSettings(profile, sectionNm, timeS, binNm, background, threshold, minAreaNm2, v,
                preparation, particles, modelFits, pixelFit);
    }

    public PipelineSettings withPreparation(PreparationSettings v) {
        return new PipelineSettings(profile, sectionNm, timeS, binNm, background, threshold, minAreaNm2, align, v,
                particles, modelFits, pixelFit);
    }

    public PipelineSettings withParticles(ParticleSettings v) {
        return new PipelineSettings(profile, sectionNm, timeS, binNm, background, threshold, minAreaNm2, align,
                preparation, v, modelFits, pixelFit);
    }

    public PipelineSettings withModelFits(ModelFitSettings v) {
        return new PipelineSettings(profile, sectionNm, timeS, binNm, background, threshold, minAreaNm2, align,
                preparation, particles, v, pixelFit);
    }

    /** The alignment options. */
    public AlignmentSettings alignment() {
        return preparation.alignment();
    }

    public PipelineSettings withAlignment(AlignmentSettings v) {
        return withPreparation(preparation.withAlignment(v));
    }

    /** Largest drift the alignment looks for, pixels. */
    public double maxShiftPx() {
        return preparation.alignment().maxShiftPx();
    }

    public PipelineSettings withMaxShiftPx(double v) {
        return withAlignment(alignment().withMaxShiftPx(v));
    }

    /** Throws IllegalArgumentException naming the first parameter out of range. */
    public void validate() {
        check(sectionNm > 0 && Double.isFinite(sectionNm), "section-nm", sectionNm, "a positive number of nm");
        check(Double.isNaN(timeS) || (timeS > 0 && Double.isFinite(timeS)), "time-s", timeS, "a positive number of s");
        check(Double.isNaN(binNm) || (binNm > 0 && Double.isFinite(binNm)), "bin-nm", binNm, "a positive number of nm");
        check(minAreaNm2 >= 0 && Double.isFinite(minAreaNm2), "min-area-nm2", minAreaNm2, "a number >= 0");
        if (background == null || threshold == null || preparation == null || particles == null
                || modelFits == null || pixelFit == null) {
            throw new IllegalArgumentException("parameters background, threshold, the preparation and the particle "
                    + "settings must be given");
        }
        preparation.validate();
        particles.validate(minAreaNm2);
        modelFits.validate();
    }

    private static void check(boolean ok, String name, double value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("parameter " + name + " is " + value + ", expected " + expected);
        }
    }
}
