package org.oxymap.ij;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.oxymap.core.pipeline.ParticleSettings;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.pipeline.PipelineSteps;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.ExclusionFlag;
import org.oxymap.core.segment.ParticleMeasurement;
import org.oxymap.core.segment.Segmentation;
import org.oxymap.core.segment.ThresholdMethod;
import org.oxymap.io.PipelineRunner;

/**
 * Plugins › OxyMap › OxyMap Segment Particles: particles from the thickness map. Macro keys: {@code thickness},
 * {@code mask} (fitted pixels, optional), {@code empty} (the I0 region, needed by the noise threshold),
 * {@code threshold} (noise, otsu, li, ...), {@code min_area_nm2}, and the particle options of {@code oxymap run}
 * ({@link ParticleOptions}): {@code fill_holes}, {@code watershed}, {@code watershed_h_nm} (0 = one pixel),
 * {@code max_area_nm2} (0 = no limit), {@code min_solidity}, {@code min_circularity}, {@code exclude_touching}.
 * Makes the label image "labels" with the particle outlines in its overlay (and in the ROI Manager when there is a
 * display; a particle the limits exclude from profiling is outlined in orange and named with its flags), and the
 * table "OxyMap Segments" (shape and flags per particle, as particles.csv).
 */
public class SegmentParticlesPlugin implements PlugIn {

    public static final String TITLE = "OxyMap Segment Particles";
    static final String SEGMENTS_TABLE = "OxyMap Segments";

    @Override
    public void run(String arg) {
        try {
            PipelineSettings def = PipelineSettings.defaults();
            ParticleOptions p = ParticleOptions.defaults();
            MacroDialog d = new MacroDialog(TITLE);
            d.addString("thickness", StepPlugins.openTitle("thickness"));
            d.addString("mask", StepPlugins.openTitle("mask"));
            d.addString("empty", StepPlugins.openTitle("i0_region"));
            d.addChoice("threshold", ThresholdMethod.labels().toArray(new String[0]), def.threshold().label());
            d.addNumber("min_area_nm2", def.minAreaNm2());
            d.addCheckbox(ParticleOptions.FILL_HOLES, p.fillHoles());
            d.addCheckbox(ParticleOptions.WATERSHED, p.watershed());
            d.addNumber(ParticleOptions.WATERSHED_H_NM, p.watershedHNm());
            StepPlugins.addLimits(d, p);
            d.addedLater(ParticleOptions.FILL_HOLES, ParticleOptions.WATERSHED, ParticleOptions.WATERSHED_H_NM,
                    ParticleOptions.MAX_AREA_NM2, ParticleOptions.MIN_SOLIDITY, ParticleOptions.MIN_CIRCULARITY,
                    ParticleOptions.EXCLUDE_TOUCHING);
            if (!d.show()) {
                return;
            }
            ImagePlus thickness = StepImages.resolve(d.nextString(), "thickness", false);
            ImagePlus mask = StepImages.optional(d.nextString(), "mask");
            ImagePlus empty = StepImages.optional(d.nextString(), "empty");
            String threshold = d.nextString();
            double minArea = d.nextNumber();
            p = p.withSegmentation(d.nextBoolean(), d.nextBoolean(), d.nextNumber());
            p = StepPlugins.nextLimits(d, p);
            StepResult r = segment(thickness, mask, empty, threshold, minArea, p, new ImageJProgress());
            ImagePlus labels = r.image("labels");
            StepImages.present(r, labels.getOverlay() == null ? null : labels.getOverlay().toArray());
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }

    /** The particles of the thickness map and the flags profiling will give them, as the pipeline computes both. */
    public static StepResult segment(ImagePlus thickness, ImagePlus mask, ImagePlus empty, String threshold,
            double minAreaNm2, ParticleOptions particles, ProgressListener listener) {
        int w = thickness.getWidth();
        int h = thickness.getHeight();
        double[] px = StepImages.pixelNm(thickness);
        ParticleSettings p = particles.settings(minAreaNm2);
        PipelineSettings settings = PipelineRunner.settings(0, PipelineSettings.defaults().sectionNm(), 0, null,
                threshold, minAreaNm2).withParticles(p);
        if (settings.threshold() == ThresholdMethod.NOISE && empty == null) {
            throw new IllegalArgumentException("parameter threshold is noise, which needs the empty region: give "
                    + "empty=i0_region (made by OxyMap Optical Density) or another threshold");
        }
        float[] t = StepImages.plane(thickness, "thickness", w, h);
        Segmentation s = PipelineSteps.segment(settings, t, StepImages.mask(mask, "mask", w, h),
                StepImages.mask(empty, "empty", w, h), w, h, px[0], px[1], listener);
        ParticleMeasurement[] m = PipelineSteps.measure(settings, s, t, w, px[0], px[1]);
        String[] flags = new String[m.length];
        Map<ExclusionFlag, Integer> counts = new EnumMap<>(ExclusionFlag.class);
        for (int l = 0; l < m.length; l++) {
            flags[l] = m[l].flagLabels();
            for (ExclusionFlag f : m[l].flags()) {
                counts.merge(f, 1, Integer::sum);
            }
        }
        ImagePlus labels = StepImages.labelImage("labels", s.labels(), s.count(), w, h, px[0], px[1], flags);
        long profiled = java.util.Arrays.stream(m).filter(ParticleMeasurement::profiled).count();
        String excluded = counts.isEmpty() ? "" : " (" + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", ")) + ")";
        return new StepResult().image(labels).table(SEGMENTS_TABLE, segmentTable(m))
                .summary(String.format(Locale.ROOT, "%d particles (threshold %.4g nm), %d to profile%s", s.count(),
                        s.thresholdNm(), profiled, excluded));
    }

    /** particles.csv's columns that do not need the fraction map. */
    private static ResultsTable segmentTable(ParticleMeasurement[] particles) {
        ResultsTable t = new ResultsTable();
        t.setPrecision(6);
        for (ParticleMeasurement m : particles) {
            t.addRow();
            t.addValue("particle", m.label());
            t.addValue("x_px", m.xPx());
            t.addValue("y_px", m.yPx());
            t.addValue("area_nm2", m.areaNm2());
            t.addValue("radius_nm", m.radiusNm());
            t.addValue("mean_thickness_nm", m.meanThicknessNm());
            t.addValue("circularity", m.circularity());
            t.addValue("solidity", m.solidity());
            t.addValue("profiled", m.profiled() ? 1 : 0);
            t.addValue("flags", m.flagLabels());
        }
        return t;
    }
}
