package org.oxymap.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.ij.ImageJProgress;
import org.oxymap.io.PipelineRunner;

/**
 * Writes a synthetic stack with its known answer, like {@code oxymap phantom}, so the pipeline can be checked
 * inside Fiji on data whose diffusivity is known.
 */
@Plugin(type = Command.class, label = "OxyMap Generate Phantom", headless = true)
public class GeneratePhantomCommand implements Command {

    @Parameter(label = "Output folder", style = "directory")
    private File out;

    @Parameter(label = "Random seed", persist = false)
    private long seed = PhantomSettings.defaults().seed();

    @Parameter(label = "Size (px)", persist = false, min = "16")
    private int size = PhantomSettings.defaults().sizePx();

    @Parameter(label = "Incident counts per pixel (0 = no noise)", persist = false, min = "0")
    private double noise = PhantomSettings.defaults().i0Counts();

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    @Override
    public void run() {
        if (out == null) {
            throw new IllegalArgumentException("parameter out is not set");
        }
        PhantomSettings s = PhantomSettings.defaults().withSeed(seed).withSize(size).withNoise(noise);
        s.validate();
        try {
            Phantom p = PipelineRunner.writePhantom(s, out.toPath(), new ImageJProgress());
            summary = PipelineRunner.phantomSummary(p, out.toPath());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
    }
}
