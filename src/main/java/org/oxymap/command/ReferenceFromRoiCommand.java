package org.oxymap.command;

import java.io.IOException;
import java.io.UncheckedIOException;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.ij.ReferenceFromRoiPlugin;
import org.oxymap.ij.StepResult;

/**
 * OxyMap Reference From ROI for scripts; see {@link ReferenceFromRoiPlugin}. The region is a mask image (non-zero
 * = inside); without one, the stack's selection.
 */
@Plugin(type = Command.class, label = "OxyMap Reference From ROI", headless = true)
public class ReferenceFromRoiCommand implements Command {

    @Parameter(label = "Optical-density stack", persist = false)
    private ImagePlus stack;

    @Parameter(label = "Region mask (non-zero = inside; empty = the selection)", persist = false, required = false)
    private ImagePlus mask;

    @Parameter(label = "Reference name (empty = file name)", persist = false, required = false)
    private String name = "";

    @Parameter(label = "Nominal valence (e.g. 3 or 8/3; empty = none)", persist = false, required = false)
    private String valence = "";

    @Parameter(label = "Reference CSV to write", persist = false)
    private String out;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable spectrum;

    @Override
    public void run() {
        Steps.require(stack, "stack");
        try {
            StepResult r = ReferenceFromRoiPlugin.referenceFromRoi(stack, mask, name, valence, out);
            spectrum = Steps.table(r, "OxyMap Reference");
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
