package org.oxymap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.oxymap.core.edge.EdgeEnergyMethod;
import org.oxymap.core.edge.EdgeMapSettings;
import org.oxymap.io.EdgeMapRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oxymap edge}: the per-pixel edge-energy map, and a valence map through a calibration line. */
@Command(name = "edge", mixinStandardHelpOptions = true,
        description = "Edge-energy map of a stack (half-height of the normalised edge or largest derivative), and "
                + "with --calibration a valence map with its standard error.")
final class EdgeVerb implements Callable<Integer> {

    @Option(names = "--stack", required = true, description = "Stack file (transmission counts, or OD with --od).")
    Path stack;
    @Option(names = "--energies", description = "Energy file, one eV per line (default: sidecar or slice labels).")
    Path energies;
    @Option(names = "--pixel-nm", description = "Pixel size in nm (default: from the stack file).")
    Double pixelNm;
    @Option(names = "--od", description = "The stack already holds optical density (no I0 conversion).")
    boolean od;
    @Option(names = "--edge-method", defaultValue = "half-height",
            description = "half-height or max-derivative (default ${DEFAULT-VALUE}).")
    String method;
    @Option(names = "--pre-edge-max-ev", description = "Energies up to this are the pre-edge (default: lowest "
            + "quarter of the energies).")
    Double preEdgeMaxEv;
    @Option(names = "--post-edge-min-ev", description = "Energies from this are the post-edge (default: highest "
            + "quarter).")
    Double postEdgeMinEv;
    @Option(names = "--min-jump", defaultValue = "0.05",
            description = "Pixels with a smaller edge jump (OD) are masked (default ${DEFAULT-VALUE}).")
    double minJump;
    @Option(names = "--calibration", description = "Calibration table of 'oxymap references calibrate': adds "
            + "maps/valence_edge.tif and maps/valence_edge_sigma.tif.")
    Path calibration;
    @Option(names = "--out", required = true, description = "Results folder to write.")
    Path outDir;

    @Override
    public Integer call() throws IOException {
        EdgeMapSettings s = new EdgeMapSettings(EdgeEnergyMethod.fromLabel(method),
                preEdgeMaxEv != null ? preEdgeMaxEv : Double.NaN, postEdgeMinEv != null ? postEdgeMinEv : Double.NaN,
                minJump);
        if (calibration != null) {
            String calMethod = org.oxymap.io.CalibrationTable.method(calibration);
            if (!calMethod.equalsIgnoreCase(s.method().label())) {
                OxyMapCli.Verb.err.println("oxymap: warning: the calibration was made with edge method " + calMethod
                        + ", the map uses " + s.method().label());
            }
        }
        EdgeMapRunner.Result r = EdgeMapRunner.run(stack, energies, pixelNm != null ? pixelNm : Double.NaN, od, s,
                calibration, outDir, new ConsoleProgress(OxyMapCli.Verb.err));
        OxyMapCli.Verb.out.printf(Locale.ROOT, "oxymap: edge energy (%s) measured in %d of %d pixels%s; results in "
                + "%s%n", s.method().label(), r.edges().validCount(), r.edges().valid().length,
                r.edges().validCount() > 0 ? String.format(Locale.ROOT, ", mean %.2f eV",
                        r.edges().meanEdgeEnergyEv()) : "", outDir);
        return 0;
    }
}
