package org.oxymap.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.core.stoichiometry.StoichiometryInput;
import org.oxymap.ij.StoichiometryTable;
import org.oxymap.io.StoichiometryRunner;

/**
 * Oxygen loss and the oxygen-vacancy vs densified structure models from oxidation states, like
 * {@code oxymap stoichiometry}. Field names are the macro keys of the ImageJ 1.x entry and the JSON input keys.
 * Numbers left at 0 mean "not given". Scientific parameters are not persisted: yesterday's Li:TM must not silently
 * become today's.
 */
@Plugin(type = Command.class, label = "OxyMap Stoichiometry", headless = true)
public class StoichiometryCommand implements Command {

    @Parameter(label = "Pristine formula", persist = false, description = "e.g. Li1.18Ni0.21Mn0.53Co0.08O2")
    private String formula = "Li1.18Ni0.21Mn0.53Co0.08O2";

    @Parameter(label = "Pristine oxidation states", persist = false, description = "e.g. Ni=2,Mn=4,Co=3")
    private String pristine = "Ni=2,Mn=4,Co=3";

    @Parameter(label = "Cycled oxidation states", persist = false, required = false,
            description = "e.g. Ni=2,Mn=3.7,Co=2.9; the valence map's element comes from the map")
    private String cycled = "";

    @Parameter(label = "Cycled uncertainties", persist = false, required = false, description = "e.g. Mn=0.05,Ni=0.05")
    private String uncertainty = "";

    @Parameter(label = "Pristine uncertainties", persist = false, required = false)
    private String pristine_uncertainty = "";

    @Parameter(label = "Measured Li:TM (0 = none)", persist = false, min = "0")
    private double li_tm = 0;

    @Parameter(label = "Li:TM uncertainty", persist = false, min = "0")
    private double li_tm_uncertainty = 0;

    @Parameter(label = "Measured density, g/cm³ (0 = none)", persist = false, min = "0")
    private double density = 0;

    @Parameter(label = "Density uncertainty, g/cm³", persist = false, min = "0")
    private double density_uncertainty = 0;

    @Parameter(label = "Pristine density, g/cm³ (0 = none)", persist = false, min = "0")
    private double pristine_density = 0;

    @Parameter(label = "Pristine cell volume per formula unit, Å³ (0 = none)", persist = false, min = "0")
    private double cell_volume_pristine = 0;

    @Parameter(label = "Cycled cell volume per formula unit, Å³ (0 = as pristine)", persist = false, min = "0")
    private double cell_volume_cycled = 0;

    @Parameter(label = "Valence map (optional)", persist = false, required = false)
    private File valence_map;

    @Parameter(label = "Region mask", persist = false, required = false, description = "non-zero = region")
    private File mask;

    @Parameter(label = "Thickness map (weights)", persist = false, required = false)
    private File thickness;

    @Parameter(label = "Element of the valence map", persist = false)
    private String valence_element = "Mn";

    @Parameter(label = "Monte Carlo samples", persist = false, min = "100")
    private int samples = StoichiometryInput.DEFAULT_SAMPLES;

    @Parameter(label = "Monte Carlo seed", persist = false)
    private long seed = StoichiometryInput.DEFAULT_SEED;

    @Parameter(label = "JSON file (optional)", persist = false, required = false, style = "save")
    private File json;

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    @Parameter(type = ItemIO.OUTPUT)
    private String warnings;

    @Override
    public void run() {
        try {
            StoichiometryRunner.Outcome outcome = StoichiometryRunner.run(new StoichiometryRunner.Options(formula,
                    pristine, cycled, uncertainty, pristine_uncertainty, given(li_tm), given(li_tm_uncertainty),
                    given(density), given(density_uncertainty), given(pristine_density), given(cell_volume_pristine),
                    given(cell_volume_cycled), path(valence_map), path(mask), path(thickness), valence_element, samples,
                    seed));
            if (json != null) {
                StoichiometryRunner.writeJson(outcome, json.toPath());
            }
            summary = StoichiometryRunner.summary(outcome);
            warnings = String.join("\n", outcome.result().warnings());
            if (!java.awt.GraphicsEnvironment.isHeadless()) {
                StoichiometryTable.present(outcome);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static double given(double v) {
        return v == 0 ? Double.NaN : v;
    }

    private static Path path(File f) {
        return f == null ? null : f.toPath();
    }
}
