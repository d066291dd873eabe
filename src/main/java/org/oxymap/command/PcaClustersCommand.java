package org.oxymap.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.ij.ImageJProgress;
import org.oxymap.ij.PcaClustersPlugin;
import org.oxymap.ij.StepResult;

/** OxyMap PCA and Clusters for scripts; see {@link PcaClustersPlugin}. */
@Plugin(type = Command.class, label = "OxyMap PCA and Clusters", headless = true)
public class PcaClustersCommand implements Command {

    @Parameter(label = "OD stack", persist = false)
    private ImagePlus stack;

    @Parameter(label = "Components", persist = false, min = "1")
    private int components = 3;

    @Parameter(label = "Clusters (0 = PCA only)", persist = false, min = "0")
    private int clusters = 3;

    @Parameter(label = "Minimum edge jump (OD)", persist = false)
    private double min_jump_od = 0.02;

    @Parameter(label = "Seed", persist = false)
    private long seed = 1;

    @Parameter(label = "Save cluster spectra to", persist = false, required = false, style = "directory")
    private File save_references;

    @Parameter(type = ItemIO.OUTPUT)
    private java.util.List<ImagePlus> scores;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus cluster_map;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable scree;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable cluster_table;

    @Override
    public void run() {
        Steps.require(stack, "stack");
        try {
            StepResult r = PcaClustersPlugin.analyse(stack, components, clusters, min_jump_od, seed,
                    save_references == null ? null : save_references.toPath(), new ImageJProgress());
            scores = r.images().stream().filter(i -> i.getTitle().startsWith("score_")).toList();
            cluster_map = clusters > 0 ? r.image("clusters") : null;
            scree = Steps.table(r, "OxyMap Scree");
            cluster_table = clusters > 0 ? Steps.table(r, "OxyMap Clusters") : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
