package org.oxymap.command;

import ij.ImagePlus;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.ij.ImageJProgress;
import org.oxymap.ij.SegmentParticlesPlugin;
import org.oxymap.ij.StepResult;

/** OxyMap Segment Particles for scripts; see {@link SegmentParticlesPlugin}. */
@Plugin(type = Command.class, label = "OxyMap Segment Particles", headless = true)
public class SegmentParticlesCommand implements Command {

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

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus labels;

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    @Override
    public void run() {
        Steps.require(thickness, "thickness");
        StepResult r = SegmentParticlesPlugin.segment(thickness, mask, empty, threshold, min_area_nm2,
                new ImageJProgress());
        labels = r.image("labels");
        summary = r.summary();
    }
}
