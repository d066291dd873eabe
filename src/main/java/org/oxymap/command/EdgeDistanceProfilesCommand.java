package org.oxymap.command;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.ij.EdgeDistanceProfilesPlugin;
import org.oxymap.ij.ImageJProgress;
import org.oxymap.ij.StepResult;

/** OxyMap Edge-Distance Profiles for scripts; see {@link EdgeDistanceProfilesPlugin}. */
@Plugin(type = Command.class, label = "OxyMap Edge-Distance Profiles", headless = true)
public class EdgeDistanceProfilesCommand implements Command {

    @Parameter(label = "Particle labels", persist = false)
    private ImagePlus labels;

    @Parameter(label = "Fraction map", persist = false)
    private ImagePlus fraction;

    @Parameter(label = "Thickness map", persist = false)
    private ImagePlus thickness;

    @Parameter(label = "Profile bin (nm), 0 = one pixel", persist = false, min = "0")
    private double bin_nm = 0;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus distance;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable profiles;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable particles;

    @Override
    public void run() {
        Steps.require(labels, "labels");
        Steps.require(fraction, "fraction");
        Steps.require(thickness, "thickness");
        StepResult r = EdgeDistanceProfilesPlugin.profiles(labels, fraction, thickness, bin_nm, new ImageJProgress());
        distance = r.image("distance");
        profiles = Steps.table(r, "OxyMap Profiles");
        particles = Steps.table(r, "OxyMap Particles");
    }
}
