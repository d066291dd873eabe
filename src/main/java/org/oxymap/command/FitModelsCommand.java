package org.oxymap.command;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.ij.FitModelsPlugin;
import org.oxymap.ij.ImageJProgress;
import org.oxymap.ij.StepResult;

/** OxyMap Fit Models for scripts; see {@link FitModelsPlugin}. */
@Plugin(type = Command.class, label = "OxyMap Fit Models", headless = true)
public class FitModelsCommand implements Command {

    @Parameter(label = "Particle labels", persist = false)
    private ImagePlus labels;

    @Parameter(label = "Fraction map", persist = false)
    private ImagePlus fraction;

    @Parameter(label = "Thickness map", persist = false)
    private ImagePlus thickness;

    @Parameter(label = "Time (s), 0 = unknown", persist = false, min = "0")
    private double time_s = 0;

    @Parameter(label = "Section (nm)", persist = false)
    private double section_nm = 80;

    @Parameter(label = "Profile bin (nm), 0 = one pixel", persist = false, min = "0")
    private double bin_nm = 0;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable fits;

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    @Override
    public void run() {
        Steps.require(labels, "labels");
        Steps.require(fraction, "fraction");
        Steps.require(thickness, "thickness");
        StepResult r = FitModelsPlugin.fit(labels, fraction, thickness, time_s, section_nm, bin_nm,
                new ImageJProgress());
        fits = Steps.table(r, "OxyMap Fits");
        summary = r.summary();
    }
}
