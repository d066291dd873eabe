package org.oxymap.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import ij.ImagePlus;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.ij.ImportStackPlugin;
import org.oxymap.io.StackReadOptions;

/** OxyMap Open Stack for scripts: any stack OxyMap reads as a calibrated ImagePlus with energies in the labels. */
@Plugin(type = Command.class, label = "OxyMap Open Stack", headless = true)
public class OpenStackCommand implements Command {

    @Parameter(label = "Stack", persist = false, description = "ALS .hdr, NXstxm, CXI, .ncb, .stk or TIFF")
    private File stack;

    @Parameter(label = "Energy file", persist = false, required = false, description = "empty = sidecar or labels")
    private File energies;

    @Parameter(label = "Pixel (nm), 0 = from the file", persist = false, min = "0")
    private double pixel_nm = 0;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus image;

    @Override
    public void run() {
        Steps.require(stack, "stack");
        try {
            image = ImportStackPlugin.open(stack.toPath(), energies == null ? null : energies.toPath(),
                    pixel_nm > 0 ? pixel_nm : Double.NaN, StackReadOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(stack + ": " + e.getMessage(), e);
        }
    }
}
