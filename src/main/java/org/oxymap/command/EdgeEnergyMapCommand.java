package org.oxymap.command;

import java.io.IOException;
import java.io.UncheckedIOException;

import ij.ImagePlus;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.ij.EdgeEnergyMapPlugin;
import org.oxymap.ij.StepResult;

/**
 * OxyMap Edge-Energy Map for scripts; see {@link EdgeEnergyMapPlugin}. {@code valence_edge} and
 * {@code valence_edge_sigma} are null without a calibration.
 */
@Plugin(type = Command.class, label = "OxyMap Edge-Energy Map", headless = true)
public class EdgeEnergyMapCommand implements Command {

    @Parameter(label = "Optical-density stack", persist = false)
    private ImagePlus stack;

    @Parameter(label = "Edge method", persist = false, choices = {"half-height", "max-derivative"})
    private String method = "half-height";

    @Parameter(label = "Pre-edge up to (eV, 0 = lowest quarter)", persist = false, required = false)
    private double pre_edge_max_ev = 0;

    @Parameter(label = "Post-edge from (eV, 0 = highest quarter)", persist = false, required = false)
    private double post_edge_min_ev = 0;

    @Parameter(label = "Smallest edge jump (OD)", persist = false, required = false)
    private double min_jump = 0.05;

    @Parameter(label = "Calibration table (optional)", persist = false, required = false)
    private String calibration = "";

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus edge_energy;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus edge_jump;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus edge_mask;

    @Parameter(type = ItemIO.OUTPUT, required = false)
    private ImagePlus valence_edge;

    @Parameter(type = ItemIO.OUTPUT, required = false)
    private ImagePlus valence_edge_sigma;

    @Override
    public void run() {
        Steps.require(stack, "stack");
        try {
            StepResult r = EdgeEnergyMapPlugin.edgeEnergyMap(stack, method, pre_edge_max_ev, post_edge_min_ev,
                    min_jump, calibration);
            edge_energy = r.image("edge_energy");
            edge_jump = r.image("edge_jump");
            edge_mask = r.image("edge_mask");
            if (calibration != null && !calibration.isBlank()) {
                valence_edge = r.image("valence_edge");
                valence_edge_sigma = r.image("valence_edge_sigma");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
