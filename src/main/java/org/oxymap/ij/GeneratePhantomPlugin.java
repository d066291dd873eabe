package org.oxymap.ij;

import java.nio.file.Path;

import ij.IJ;
import ij.plugin.PlugIn;

import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.io.PipelineRunner;

/**
 * Plugins › OxyMap › OxyMap Generate Phantom: writes a synthetic stack with its known answer, so a user can check
 * the pipeline on data whose diffusivity is known before trusting it on a measurement.
 */
public class GeneratePhantomPlugin implements PlugIn {

    static final String TITLE = "OxyMap Generate Phantom";

    @Override
    public void run(String arg) {
        try {
            PhantomSettings def = PhantomSettings.defaults();
            MacroDialog d = new MacroDialog(TITLE);
            d.addDirectory("out", "");
            d.addNumber("seed", def.seed());
            d.addNumber("size", def.sizePx());
            d.addNumber("noise", def.i0Counts());
            if (!d.show()) {
                return;
            }
            Path out = RunPipelinePlugin.requiredPath(d.nextString(), "out");
            PhantomSettings s = def.withSeed((long) d.nextNumber()).withSize((int) d.nextNumber())
                    .withNoise(d.nextNumber());
            s.validate();
            Phantom p = PipelineRunner.writePhantom(s, out, new ImageJProgress());
            String summary = PipelineRunner.phantomSummary(p, out);
            IJ.log("OxyMap: " + summary);
            IJ.showStatus("OxyMap: " + summary);
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }
}
