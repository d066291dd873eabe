package org.oxymap.ij;

import java.nio.file.Path;

import ij.plugin.PlugIn;

import org.oxymap.core.stoichiometry.StoichiometryInput;
import org.oxymap.io.StoichiometryRunner;

/**
 * Plugins › OxyMap › OxyMap Stoichiometry for ImageJ 1.x and its macro language, with the SciJava command's field
 * names as macro keys. Numbers left at 0 mean "not given" (no measured Li:TM, no density, no cell volume), as
 * {@code time_s=0} does for the pipeline.
 */
public class StoichiometryPlugin implements PlugIn {

    static final String TITLE = "OxyMap Stoichiometry";

    @Override
    public void run(String arg) {
        try {
            MacroDialog d = new MacroDialog(TITLE);
            d.addString("formula", "Li1.18Ni0.21Mn0.53Co0.08O2");
            d.addString("pristine", "Ni=2,Mn=4,Co=3");
            d.addString("cycled", "");
            d.addString("uncertainty", "");
            d.addString("pristine_uncertainty", "");
            d.addNumber("li_tm", 0);
            d.addNumber("li_tm_uncertainty", 0);
            d.addNumber("density", 0);
            d.addNumber("density_uncertainty", 0);
            d.addNumber("pristine_density", 0);
            d.addNumber("cell_volume_pristine", 0);
            d.addNumber("cell_volume_cycled", 0);
            d.addString("valence_map", "");
            d.addString("mask", "");
            d.addString("thickness", "");
            d.addString("valence_element", "Mn");
            d.addNumber("samples", StoichiometryInput.DEFAULT_SAMPLES);
            d.addNumber("seed", StoichiometryInput.DEFAULT_SEED);
            d.addString("json", "");
            if (!d.show()) {
                return;
            }
            StoichiometryRunner.Options o = new StoichiometryRunner.Options(d.nextString(), d.nextString(),
                    d.nextString(), d.nextString(), d.nextString(), given(d.nextNumber()), given(d.nextNumber()),
                    given(d.nextNumber()), given(d.nextNumber()), given(d.nextNumber()), given(d.nextNumber()),
                    given(d.nextNumber()), path(d.nextString()), path(d.nextString()), path(d.nextString()),
                    d.nextString(), wholeNumber(d.nextNumber(), "samples"), (long) wholeNumber(d.nextNumber(), "seed"));
            Path json = path(d.nextString());
            StoichiometryRunner.Outcome outcome = StoichiometryRunner.run(o);
            if (json != null) {
                StoichiometryRunner.writeJson(outcome, json);
            }
            StoichiometryTable.present(outcome);
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }

    /** 0 = not given. */
    static double given(double v) {
        return v == 0 ? Double.NaN : v;
    }

    static Path path(String s) {
        return s == null || s.isBlank() ? null : Path.of(s.trim());
    }

    static int wholeNumber(double v, String key) {
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter " + key + " is " + v + ", expected a whole number");
        }
        return (int) v;
    }
}
