package org.oxymap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.oxymap.core.stoichiometry.StoichiometryInput;
import org.oxymap.io.StoichiometryRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oxymap stoichiometry}: oxygen loss and structure models from oxidation states (CONTRACT.md). */
@Command(name = "stoichiometry", mixinStandardHelpOptions = true,
        description = "Oxygen deficiency, oxygen released and the oxygen-vacancy vs densified structure models from "
                + "pristine and cycled oxidation states.")
final class StoichiometryVerb implements Callable<Integer> {

    @Option(names = "--formula", required = true, description = "Pristine composition, e.g. Li1.18Ni0.21Mn0.53Co0.08O2.")
    String formula;
    @Option(names = "--pristine", required = true, description = "Pristine oxidation states, e.g. Ni=2,Mn=4,Co=3.")
    String pristine;
    @Option(names = "--cycled", description = "Cycled oxidation states, e.g. Ni=2,Mn=3.7,Co=2.9 (the element of "
            + "--valence-map comes from the map).")
    String cycled;
    @Option(names = "--uncertainty", description = "Standard uncertainties of the cycled states, e.g. Mn=0.05,Ni=0.05.")
    String uncertainty;
    @Option(names = "--pristine-uncertainty", description = "Standard uncertainties of the pristine states.")
    String pristineUncertainty;
    @Option(names = "--li-tm", description = "Measured Li:TM atomic ratio of the cycled material (ICP).")
    Double liTm;
    @Option(names = "--li-tm-uncertainty", description = "Its standard uncertainty.")
    Double liTmUncertainty;
    @Option(names = "--density", description = "Measured density of the cycled material, g/cm³ (needs "
            + "--pristine-density or --cell-volume-pristine).")
    Double density;
    @Option(names = "--density-uncertainty", description = "Its standard uncertainty, g/cm³.")
    Double densityUncertainty;
    @Option(names = "--pristine-density", description = "Pristine density, g/cm³: sets the volume per anion site.")
    Double pristineDensity;
    @Option(names = "--cell-volume-pristine", description = "Pristine cell volume per formula unit as written, Å³ "
            + "(e.g. a hexagonal R-3m cell divided by Z = 3).")
    Double cellVolumePristine;
    @Option(names = "--cell-volume-cycled", description = "Cycled cell volume per formula unit, Å³ (default: the "
            + "pristine volume per anion site).")
    Double cellVolumeCycled;
    @Option(names = "--valence-map", description = "Valence map TIFF (maps/valence.tif of a run): the region's mean "
            + "gives the cycled state of --valence-element.")
    Path valenceMap;
    @Option(names = "--mask", description = "Region TIFF for --valence-map, non-zero = inside.")
    Path mask;
    @Option(names = "--thickness", description = "Thickness TIFF weighting the region's pixels (default: equal).")
    Path thickness;
    @Option(names = "--valence-element", defaultValue = "Mn",
            description = "Element the valence map describes (default ${DEFAULT-VALUE}).")
    String valenceElement;
    @Option(names = "--samples", defaultValue = "" + StoichiometryInput.DEFAULT_SAMPLES,
            description = "Monte Carlo samples (default ${DEFAULT-VALUE}).")
    int samples;
    @Option(names = "--seed", defaultValue = "" + StoichiometryInput.DEFAULT_SEED,
            description = "Monte Carlo seed (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--json", description = "Write every result and input to this JSON file.")
    Path json;

    @Override
    public Integer call() throws IOException {
        StoichiometryRunner.Outcome outcome = StoichiometryRunner.run(new StoichiometryRunner.Options(formula,
                pristine, cycled, uncertainty, pristineUncertainty, nan(liTm), nan(liTmUncertainty), nan(density),
                nan(densityUncertainty), nan(pristineDensity), nan(cellVolumePristine), nan(cellVolumeCycled),
                valenceMap, mask, thickness, valenceElement, samples, seed));
        if (json != null) {
            StoichiometryRunner.writeJson(outcome, json);
        }
        OxyMapCli.Verb.out.print(StoichiometryRunner.summary(outcome));
        if (json != null) {
            OxyMapCli.Verb.out.println("oxymap: results in " + json);
        }
        return 0;
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }
}
