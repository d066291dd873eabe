package org.oxymap.command;

import java.io.IOException;
import java.io.UncheckedIOException;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.ij.OpticalDensityPlugin;
import org.oxymap.ij.StepResult;

/** OxyMap Optical Density for scripts; see {@link OpticalDensityPlugin}. */
@Plugin(type = Command.class, label = "OxyMap Optical Density", headless = true)
public class OpticalDensityCommand implements Command {

    @Parameter(label = "Transmission stack (aligned)", persist = false)
    private ImagePlus stack;

    @Parameter(label = "I0", persist = false, choices = {"auto", "roi", "file"})
    private String i0 = "auto";

    @Parameter(label = "I0 rectangle x,y,w,h", persist = false, required = false)
    private String i0_roi = "";

    @Parameter(label = "I0 spectrum file", persist = false, required = false)
    private String i0_file = "";

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus od;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus i0_region;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable i0_spectrum;

    @Override
    public void run() {
        Steps.require(stack, "stack");
        try {
            StepResult r = OpticalDensityPlugin.opticalDensity(stack, i0, i0_roi, i0_file);
            od = r.image("OD");
            i0_region = r.image("i0_region");
            i0_spectrum = Steps.table(r, "OxyMap I0");
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
