package org.oxymap.ij;

import java.nio.file.Path;
import java.util.Map;

import ij.IJ;
import ij.plugin.PlugIn;

import org.oxymap.core.fit.FitMaps;
import org.oxymap.core.pipeline.MemoryEstimate;
import org.oxymap.core.pipeline.ParticleSettings;
import org.oxymap.core.pipeline.PipelineResult;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.segment.ThresholdMethod;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.PipelineRunner;

/**
 * Plugins › OxyMap › OxyMap Run Pipeline for ImageJ 1.x and its macro language. The macro keys are the SciJava
 * command's field names and params.json's keys, so one recorded macro line works in both worlds. The particle
 * options ({@link ParticleOptions}) and then the extra profiles ({@link ExtraProfileOptions}) came after the first
 * documented line: a line that names none of them runs with their defaults, those of {@code oxymap run}.
 */
public class RunPipelinePlugin implements PlugIn {

    static final String TITLE = "OxyMap Run Pipeline";

    @Override
    public void run(String arg) {
        try {
            MacroDialog d = new MacroDialog(TITLE);
            PipelineSettings def = PipelineSettings.defaults();
            d.addFile("stack", "");
            d.addFile("energies", "");
            d.addString("references", "");
            d.addDirectory("out", "");
            d.addNumber("time_s", 0);
            d.addNumber("section_nm", def.sectionNm());
            d.addNumber("bin_nm", 0);
            d.addChoice("background", new String[] {"none", "constant", "linear"}, def.background().label());
            d.addChoice("threshold", ThresholdMethod.labels().toArray(new String[0]), "noise");
            d.addNumber("min_area_nm2", def.minAreaNm2());
            StepPlugins.addParticleOptions(d, ParticleOptions.defaults());
            StepPlugins.addExtraProfiles(d, ExtraProfileOptions.none());
            d.addNumber("probe_fwhm_nm", 0);
            d.addCheckbox("deconvolve_probe", true);
            d.addFile("particles", "");
            d.addedLater(ParticleOptions.KEYS.toArray(new String[0]));
            if (!d.show()) {
                return;
            }
            Path stack = requiredPath(d.nextString(), "stack");
            String energies = d.nextString();
            String references = d.nextString();
            Path out = requiredPath(d.nextString(), "out");
            double timeS = d.nextNumber();
            double sectionNm = d.nextNumber();
            double binNm = d.nextNumber();
            String background = d.nextString();
            String threshold = d.nextString();
            double minAreaNm2 = d.nextNumber();
            ParticleOptions particleOptions = StepPlugins.nextParticleOptions(d, ParticleOptions.defaults());
            ExtraProfileOptions extra = StepPlugins.nextExtraProfiles(d);
            PipelineSettings settings = settings(timeS, sectionNm, binNm, background, threshold, minAreaNm2,
                    particleOptions, extra, d.nextNumber(), d.nextBoolean());
            String particles = d.nextString();
            Path energiesFile = energies == null || energies.isBlank() ? null : Path.of(energies.trim());
            // a stack that cannot fit stops here with advice, before anything is read
            PipelineRunner.checkMemory(stack, energiesFile, PipelineRunner.splitPaths(references).size(),
                    MemoryEstimate.heapBytes(), MemoryEstimate.Front.FIJI);
            PipelineRunner.Inputs inputs = withParticles(PipelineRunner.load(stack, energiesFile,
                    PipelineRunner.splitPaths(references), null, Double.NaN, Map.of()), particles);
            PipelineResult r = PipelineRunner.run(inputs, settings, out, null, new ImageJProgress());
            String summary = PipelineRunner.summary(r, out);
            IJ.log("OxyMap: " + summary);
            IJ.showStatus("OxyMap: " + summary);
            if (!MacroDialog.headless()) {
                show(r, inputs.stack());
            }
        } catch (Exception e) {
            Errors.report(TITLE, e);
        } catch (OutOfMemoryError e) {
            // the run's data are unreachable once it has unwound: one message with what to do, no stack trace
            Errors.report(TITLE, new IllegalStateException(MemoryEstimate.outOfMemoryAdvice(
                    MemoryEstimate.heapBytes(), MemoryEstimate.Front.FIJI)));
        }
    }

    /**
     * The run's settings from the dialog's values, as {@code oxymap run} makes them from the same options:
     * {@code timeS} and {@code binNm} 0 = unknown time and one-pixel bins; the particle options as the steps take
     * them ({@link ParticleOptions}: {@code watershed_h_nm} 0 = one pixel, {@code max_area_nm2} 0 = no limit),
     * with the extra profiles ({@link ExtraProfileOptions}: profiles_normalised.csv, profiles_sectors.csv);
     * {@code probeFwhmNm} 0 = point probe, else the models carry the probe and, with {@code deconvolveProbe}, the
     * aligned transmission is deconvolved.
     *
     * @throws IllegalArgumentException naming the key of a value out of range
     */
    public static PipelineSettings settings(double timeS, double sectionNm, double binNm, String background,
            String threshold, double minAreaNm2, ParticleOptions particles, ExtraProfileOptions extra,
            double probeFwhmNm, boolean deconvolveProbe) {
        ParticleSettings p = extra.applyTo(particles.settings(minAreaNm2));
        PipelineSettings s = PipelineRunner.withProbe(PipelineRunner.settings(timeS, sectionNm, binNm, background,
                threshold, minAreaNm2).withParticles(p), probeFwhmNm, deconvolveProbe);
        s.validate();
        return s;
    }

    /** Opens the profiled fraction and the thickness so the user sees at once whether the fit is sensible. */
    private static void show(PipelineResult r, SpectralStack s) {
        FitMaps m = r.maps();
        String profile = r.settings().profile();
        StepImages.map("fraction_" + profile, m.fractions().get(m.indexOf(profile)), m.width(), m.height(),
                s.pixelWidthNm(), s.pixelHeightNm(), StepImages.Look.FRACTION).show();
        StepImages.map("thickness", m.thickness(), m.width(), m.height(), s.pixelWidthNm(), s.pixelHeightNm(),
                StepImages.Look.GREY).show();
    }

    /**
     * The run's inputs with the particles of the {@code particles} key: empty = segment the thickness map; a file
     * as {@code oxymap run --particles} reads it; {@code ROI Manager} = its area ROIs, as the file reader turns a
     * RoiManager {@code .zip} into particles (params.json records the source and the number of ROIs).
     */
    public static PipelineRunner.Inputs withParticles(PipelineRunner.Inputs inputs, String particles)
            throws java.io.IOException {
        if (particles == null || particles.isBlank()) {
            return inputs;
        }
        int w = inputs.stack().width();
        int h = inputs.stack().height();
        if (StepParticles.namesRoiManager(particles)) {
            ij.gui.Roi[] rois = StepParticles.roiManagerRois("particles");
            return inputs.withParticles(StepParticles.fromRois(rois, "particles", w, h),
                    StepParticles.ROI_MANAGER + " (" + rois.length + " ROIs)");
        }
        Path file = Path.of(particles.trim());
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("parameter particles is '" + particles.trim() + "', which is neither "
                    + StepParticles.ROI_MANAGER + " nor a file (label or mask TIFF, .roi, .zip)");
        }
        return inputs.withParticles(file);
    }

    static Path requiredPath(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("parameter " + key + " is empty: give a path");
        }
        return Path.of(value.trim());
    }
}
