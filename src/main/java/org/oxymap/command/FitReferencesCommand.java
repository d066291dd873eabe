package org.oxymap.command;

import java.io.IOException;
import java.io.UncheckedIOException;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.ij.FitReferencesPlugin;
import org.oxymap.ij.ImageJProgress;
import org.oxymap.ij.StepResult;
import org.oxymap.io.PipelineRunner;

/**
 * OxyMap Fit References for scripts; see {@link FitReferencesPlugin}. The maps come out as a list of images
 * (fraction_NAME per reference, then thickness, valence, residual, mask), the thickness and the mask also alone.
 */
@Plugin(type = Command.class, label = "OxyMap Fit References", headless = true)
public class FitReferencesCommand implements Command {

    @Parameter(label = "OD stack", persist = false)
    private ImagePlus stack;

    /** A comma-separated String rather than File[]: it survives macros, scripts and headless argument strings. */
    @Parameter(label = "Reference CSVs", persist = false, description = "Comma-separated reference spectra")
    private String references;

    @Parameter(label = "Background", persist = false, choices = {"none", "constant", "linear"})
    private String background = "constant";

    @Parameter(label = "Fractions sum to one", persist = false, required = false)
    private boolean sum_to_one;

    @Parameter(type = ItemIO.OUTPUT)
    private java.util.List<ImagePlus> maps;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus thickness;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus mask;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable summary;

    @Override
    public void run() {
        Steps.require(stack, "stack");
        try {
            StepResult r = FitReferencesPlugin.fit(stack, PipelineRunner.splitPaths(references), background,
                    sum_to_one, new ImageJProgress());
            maps = r.images();
            thickness = r.image("thickness");
            mask = r.image("mask");
            summary = Steps.table(r, "OxyMap Fit");
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
