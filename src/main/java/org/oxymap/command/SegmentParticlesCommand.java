package org.oxymap.command;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.ij.ImageJProgress;
import org.oxymap.ij.MacroKeys;
import org.oxymap.ij.ParticleOptions;
import org.oxymap.ij.SegmentParticlesPlugin;
import org.oxymap.ij.StepResult;

/** OxyMap Segment Particles for scripts; see {@link SegmentParticlesPlugin}. */
@Plugin(type = Command.class, label = "OxyMap Segment Particles", headless = true)
public class SegmentParticlesCommand implements Command {

    private static final ParticleOptions DEFAULTS = ParticleOptions.defaults();

    @Parameter(label = "Thickness map", persist = false)
    private ImagePlus thickness;

    @Parameter(label = "Fitted mask", persist = false, required = false)
    private ImagePlus mask;

    @Parameter(label = "Empty (I0) region", persist = false, required = false)
    private ImagePlus empty;

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

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus labels;

    /** Shape and exclusion flags per particle (particles.csv's columns without the fraction). */
    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable segments;

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    /** Runs the step; an error names a parameter by its key ({@link MacroKeys}). */
    @Override
    public void run() {
        try {
            runStep();
        } catch (RuntimeException e) {
            throw MacroKeys.inMacroTerms(e);
        }
    }

    private void runStep() {
        Steps.require(thickness, "thickness");
        ParticleOptions p = DEFAULTS.withSegmentation(fill_holes, watershed, watershed_h_nm)
                .withLimits(max_area_nm2, min_solidity, min_circularity, exclude_touching);
        StepResult r = SegmentParticlesPlugin.segment(thickness, mask, empty, threshold, min_area_nm2, p,
                new ImageJProgress());
        labels = r.image("labels");
        segments = Steps.table(r, "OxyMap Segments");
        summary = r.summary();
    }
}
