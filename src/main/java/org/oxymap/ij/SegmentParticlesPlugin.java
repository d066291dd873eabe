package org.oxymap.ij;

import java.util.Locale;

import ij.ImagePlus;
import ij.plugin.PlugIn;

import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.pipeline.PipelineSteps;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.Segmentation;
import org.oxymap.core.segment.ThresholdMethod;
import org.oxymap.io.PipelineRunner;

/**
 * Plugins › OxyMap › OxyMap Segment Particles: particles from the thickness map. Macro keys: {@code thickness},
 * {@code mask} (fitted pixels, optional), {@code empty} (the I0 region, needed by the noise threshold),
 * {@code threshold} (noise, otsu, li, ...), {@code min_area_nm2}. Makes the label image "labels" with the particle
 * outlines in its overlay (and in the ROI Manager when there is a display).
 */
public class SegmentParticlesPlugin implements PlugIn {

    public static final String TITLE = "OxyMap Segment Particles";

    @Override
    public void run(String arg) {
        try {
            PipelineSettings def = PipelineSettings.defaults();
            MacroDialog d = new MacroDialog(TITLE);
            d.addString("thickness", StepPlugins.openTitle("thickness"));
            d.addString("mask", StepPlugins.openTitle("mask"));
            d.addString("empty", StepPlugins.openTitle("i0_region"));
            d.addChoice("threshold", ThresholdMethod.labels().toArray(new String[0]), def.threshold().label());
            d.addNumber("min_area_nm2", def.minAreaNm2());
            if (!d.show()) {
                return;
            }
            ImagePlus thickness = StepImages.resolve(d.nextString(), "thickness", false);
            ImagePlus mask = StepImages.optional(d.nextString(), "mask");
            ImagePlus empty = StepImages.optional(d.nextString(), "empty");
            String threshold = d.nextString();
            double minArea = d.nextNumber();
            StepResult r = segment(thickness, mask, empty, threshold, minArea, new ImageJProgress());
            ImagePlus labels = r.image("labels");
            StepImages.present(r, labels.getOverlay() == null ? null : labels.getOverlay().toArray());
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }

    public static StepResult segment(ImagePlus thickness, ImagePlus mask, ImagePlus empty, String threshold,
            double minAreaNm2, ProgressListener listener) {
        int w = thickness.getWidth();
        int h = thickness.getHeight();
        double[] px = StepImages.pixelNm(thickness);
        PipelineSettings settings = PipelineRunner.settings(0, PipelineSettings.defaults().sectionNm(), 0, null,
                threshold, minAreaNm2);
        if (settings.threshold() == ThresholdMethod.NOISE && empty == null) {
            throw new IllegalArgumentException("parameter threshold is noise, which needs the empty region: give "
                    + "empty=i0_region (made by OxyMap Optical Density) or another threshold");
        }
        Segmentation s = PipelineSteps.segment(settings, StepImages.plane(thickness, "thickness", w, h),
                StepImages.mask(mask, "mask", w, h), StepImages.mask(empty, "empty", w, h), w, h, px[0], px[1],
                listener);
        ImagePlus labels = StepImages.labelImage("labels", s.labels(), s.count(), w, h, px[0], px[1]);
        return new StepResult().image(labels).summary(String.format(Locale.ROOT,
                "%d particles (threshold %.4g nm)", s.count(), s.thresholdNm()));
    }
}
