package org.oxymap.ij;

import java.nio.file.Path;

import ij.IJ;
import ij.plugin.PlugIn;

import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.io.PipelineRunner;

/**
 * Plugins › OxyMap › OxyMap Generate Phantom: writes a synthetic stack with its known answer, so a user can check
 * the pipeline on data whose diffusivity (kind primary) or agglomerate classes (kind agglomerate) are known before
 * trusting it on a measurement. A size or pixel of 0 means the kind's default.
 */
public class GeneratePhantomPlugin implements PlugIn {

    static final String TITLE = "OxyMap Generate Phantom";

    @Override
    public void run(String arg) {
        try {
            PhantomSettings def = PhantomSettings.defaults();
            MacroDialog d = new MacroDialog(TITLE);
            d.addDirectory("out", "");
            d.addChoice("kind", new String[] {"primary", "agglomerate"}, "primary");
            d.addNumber("seed", def.seed());
            d.addNumber("size", 0);
            d.addNumber("noise", def.i0Counts());
            d.addNumber("drift_px", def.maxDriftPx());
            d.addNumber("probe_fwhm_nm", def.probeFwhmNm());
            d.addNumber("pixel_nm", 0);
            if (!d.show()) {
                return;
            }
            Path out = RunPipelinePlugin.requiredPath(d.nextString(), "out");
            String kind = d.nextString();
            long seed = (long) d.nextNumber();
            int size = (int) d.nextNumber();
            double noise = d.nextNumber();
            double drift = d.nextNumber();
            double probe = d.nextNumber();
            double pixel = d.nextNumber();
            String summary = PipelineRunner.writePhantom(kind, seed, size > 0 ? size : null, noise, drift, probe,
                    pixel > 0 ? pixel : null, out, new ImageJProgress());
            IJ.log("OxyMap: " + summary);
            IJ.showStatus("OxyMap: " + summary);
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }
}
