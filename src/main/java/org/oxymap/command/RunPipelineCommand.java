package org.oxymap.command;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.core.pipeline.MemoryEstimate;
import org.oxymap.core.pipeline.PipelineResult;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.ij.ExtraProfileOptions;
import org.oxymap.ij.ImageJProgress;
import org.oxymap.ij.MacroKeys;
import org.oxymap.ij.ParticleOptions;
import org.oxymap.ij.RunPipelinePlugin;
import org.oxymap.io.PipelineRunner;

/**
 * Runs the whole pipeline on one stack file and writes a results folder, like {@code oxymap run}. Field names are
 * params.json's keys so a script reads like the record of the run it makes; the particle options are those of the
 * steps ({@link ParticleOptions}: {@code watershed_h_nm} 0 = one pixel, {@code max_area_nm2} 0 = no limit), the
 * extra profiles those of Edge-Distance Profiles ({@link ExtraProfileOptions}), and an error names a parameter by
 * that key. Scientific parameters are not persisted: a value left over from yesterday's sample would silently
 * change today's result.
 */
@Plugin(type = Command.class, label = "OxyMap Run Pipeline", headless = true)
public class RunPipelineCommand implements Command {

    private static final ParticleOptions DEFAULTS = ParticleOptions.defaults();
    private static final ExtraProfileOptions EXTRA = ExtraProfileOptions.none();

    @Parameter(label = "Stack (TIFF)", description = "Transmission stack; energies from the sidecar or slice labels")
    private File stack;

    @Parameter(label = "Energy file", required = false, description = "One eV per line; empty = sidecar or labels")
    private File energies;

    /** A comma-separated String rather than File[]: it survives macros, scripts and headless argument strings. */
    @Parameter(label = "Reference CSVs", persist = false,
            description = "Comma-separated reference spectra (energy eV, value)")
    private String references;

    @Parameter(label = "Results folder", style = "directory")
    private File out;

    @Parameter(label = "Time (s)", persist = false, description = "Time diffusion acted; 0 = unknown (fits give D·t)")
    private double time_s = 0;

    @Parameter(label = "Section (nm)", persist = false, description = "Lamella thickness")
    private double section_nm = 80;

    @Parameter(label = "Profile bin (nm)", persist = false, description = "0 = one pixel")
    private double bin_nm = 0;

    @Parameter(label = "Background", persist = false, choices = {"none", "constant", "linear"})
    private String background = "constant";

    @Parameter(label = "Threshold", persist = false, choices = {"noise", "otsu", "li", "triangle", "huang", "default"})
    private String threshold = "noise";

    @Parameter(label = "Min. particle area (nm²)", persist = false)
    private double min_area_nm2 = 2000;

    @Parameter(label = "Fill holes", persist = false)
    private boolean fill_holes = DEFAULTS.fillHoles();

    @Parameter(label = "Split touching particles (watershed)", persist = false)
    private boolean watershed = DEFAULTS.watershed();

    @Parameter(label = "Watershed seed depth (nm), 0 = one pixel", persist = false, min = "0")
    private double watershed_h_nm = DEFAULTS.watershedHNm();

    @Parameter(label = "Max. particle area (nm²), 0 = no limit", persist = false, min = "0")
    private double max_area_nm2 = DEFAULTS.maxAreaNm2();

    @Parameter(label = "Min. solidity", persist = false, min = "0", max = "1")
    private double min_solidity = DEFAULTS.minSolidity();

    @Parameter(label = "Min. circularity", persist = false, min = "0", max = "1")
    private double min_circularity = DEFAULTS.minCircularity();

    @Parameter(label = "Exclude touching particles", persist = false)
    private boolean exclude_touching = DEFAULTS.excludeTouching();

    @Parameter(label = "Shared boundary counts as edge", persist = false)
    private boolean touching_counts_as_edge = DEFAULTS.touchingCountsAsEdge();

    @Parameter(label = "Sub-pixel edge", persist = false)
    private boolean subpixel_edge = DEFAULTS.subpixelEdge();

    @Parameter(label = "Also profiles against distance / radius", persist = false)
    private boolean normalise_distance = EXTRA.normaliseDistance();

    @Parameter(label = "Their bin (fraction of the radius)", persist = false, min = "0", max = "1")
    private double normalised_bin = EXTRA.normalisedBin();

    @Parameter(label = "Angular sectors, 0 = none", persist = false, min = "0", max = "360")
    private int sectors = (int) EXTRA.sectors();

    @Parameter(label = "Probe FWHM (nm)", persist = false,
            description = "The beam's spatial resolution; 0 = point probe (no blur in the models, no deconvolution)")
    private double probe_fwhm_nm = 0;

    @Parameter(label = "Deconvolve probe", persist = false,
            description = "With a probe FWHM: undo the probe blur on the aligned transmission before the logarithm")
    private boolean deconvolve_probe = true;

    @Parameter(label = "Particles", persist = false, required = false,
            description = "Empty = segment; ROI Manager (the running ImageJ's), or a label/mask TIFF, .roi or .zip")
    private String particles;

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    /** Runs the pipeline; an error names a parameter by its key ({@link MacroKeys}). */
    @Override
    public void run() {
        try {
            runPipeline();
        } catch (RuntimeException e) {
            throw MacroKeys.inMacroTerms(e);
        }
    }

    private void runPipeline() {
        if (stack == null) {
            throw new IllegalArgumentException("parameter stack is not set");
        }
        if (out == null) {
            throw new IllegalArgumentException("parameter out is not set");
        }
        ParticleOptions p = DEFAULTS.withSegmentation(fill_holes, watershed, watershed_h_nm)
                .withLimits(max_area_nm2, min_solidity, min_circularity, exclude_touching)
                .withEdge(touching_counts_as_edge, subpixel_edge);
        PipelineSettings settings = RunPipelinePlugin.settings(time_s, section_nm, bin_nm, background, threshold,
                min_area_nm2, p, new ExtraProfileOptions(normalise_distance, normalised_bin, sectors), probe_fwhm_nm,
                deconvolve_probe);
        try {
            PipelineRunner.checkMemory(stack.toPath(), energies == null ? null : energies.toPath(),
                    PipelineRunner.splitPaths(references).size(), MemoryEstimate.heapBytes(),
                    MemoryEstimate.Front.FIJI);
            PipelineRunner.Inputs inputs = RunPipelinePlugin.withParticles(PipelineRunner.load(stack.toPath(),
                    energies == null ? null : energies.toPath(), PipelineRunner.splitPaths(references), null,
                    Double.NaN, Map.of()), particles);
            Path outDir = out.toPath();
            PipelineResult r = PipelineRunner.run(inputs, settings, outDir, null, new ImageJProgress());
            summary = PipelineRunner.summary(r, outDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new IllegalStateException(MemoryEstimate.outOfMemoryAdvice(MemoryEstimate.heapBytes(),
                    MemoryEstimate.Front.FIJI));
        }
    }
}
