package org.oxymap.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.ij.ImageJProgress;
import org.oxymap.ij.MacroKeys;
import org.oxymap.io.PipelineRunner;

/**
 * Writes a synthetic stack with its known answer, like {@code oxymap phantom}, so the pipeline can be checked
 * inside Fiji on data whose diffusivity (kind primary) or agglomerate classes (kind agglomerate) are known. A size
 * or pixel of 0 means the kind's default.
 */
@Plugin(type = Command.class, label = "OxyMap Generate Phantom", headless = true)
public class GeneratePhantomCommand implements Command {

    @Parameter(label = "Output folder", style = "directory")
    private File out;

    @Parameter(label = "Kind", choices = {"primary", "agglomerate"}, persist = false)
    private String kind = "primary";

    @Parameter(label = "Random seed", persist = false)
    private long seed = PhantomSettings.defaults().seed();

    @Parameter(label = "Size (px, 0 = the kind's default)", persist = false, min = "0")
    private int size;

    @Parameter(label = "Incident counts per pixel (0 = no noise)", persist = false, min = "0")
    private double noise = PhantomSettings.defaults().i0Counts();

    @Parameter(label = "Largest drift (px)", persist = false, min = "0")
    private double drift_px = PhantomSettings.defaults().maxDriftPx();

    @Parameter(label = "Probe FWHM (nm, 0 = point probe)", persist = false, min = "0")
    private double probe_fwhm_nm = PhantomSettings.defaults().probeFwhmNm();

    @Parameter(label = "Pixel (nm, agglomerate kind; 0 = default)", persist = false, min = "0")
    private double pixel_nm;

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    /** Runs the step; an error names a parameter by its key ({@link MacroKeys}). */
    @Override
    public void run() {
        try {
            runStep();
        } catch (RuntimeException e) {
            throw MacroKeys.inMacroTerms(e);
        }
    }

    private void runStep() {
        if (out == null) {
            throw new IllegalArgumentException("parameter out is not set");
        }
        try {
            summary = PipelineRunner.writePhantom(kind, seed, size > 0 ? size : null, noise, drift_px, probe_fwhm_nm,
                    pixel_nm > 0 ? pixel_nm : null, out.toPath(), new ImageJProgress());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
    }
}
