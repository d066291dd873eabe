package org.oxymap.command;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.ij.AlignStackPlugin;
import org.oxymap.ij.ImageJProgress;
import org.oxymap.ij.StepResult;

/** OxyMap Align Stack for scripts; see {@link AlignStackPlugin}. */
@Plugin(type = Command.class, label = "OxyMap Align Stack", headless = true)
public class AlignStackCommand implements Command {

    @Parameter(label = "Transmission stack", persist = false)
    private ImagePlus stack;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus aligned;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable shifts;

    @Override
    public void run() {
        Steps.require(stack, "stack");
        StepResult r = AlignStackPlugin.align(stack, new ImageJProgress());
        aligned = r.image("aligned");
        shifts = Steps.table(r, "OxyMap Shifts");
    }
}
