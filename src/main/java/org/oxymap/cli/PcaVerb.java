package org.oxymap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.oxymap.core.fit.EnergyRatioMap;
import org.oxymap.io.SpectralAnalysisRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oxymap pca}: PCA scree and score maps, thickness-corrected k-means clusters, optional ratio map. */
@Command(name = "pca", mixinStandardHelpOptions = true,
        description = "PCA of the OD stack (scree, score maps), thickness-corrected k-means clusters with their mean "
                + "spectra as reference CSVs, and optionally a two-energy ratio map.")
final class PcaVerb extends OxyMapCli.Verb {

    @Option(names = "--stack", required = true, description = "Stack file in any format OxyMap reads.")
    Path stack;
    @Option(names = "--energies", description = "Energy file, one eV per line (default: sidecar or slice labels).")
    Path energies;
    @Option(names = "--pixel-nm", description = "Pixel size in nm (default: from the file).")
    Double pixelNm;
    @Option(names = "--i0", description = "I0 spectrum, CSV or ALS .xsp; default: the stack's empty region.")
    Path i0;
    @Option(names = "--out", required = true, description = "Results folder to write.")
    Path out;
    @Option(names = "--components", defaultValue = "3",
            description = "Leading components: score maps and clustering coordinates (default ${DEFAULT-VALUE}).")
    int components;
    @Option(names = "--clusters", defaultValue = "3", description = "k of k-means; 0 = no clustering (default "
            + "${DEFAULT-VALUE}).")
    int clusters;
    @Option(names = "--min-jump-od", defaultValue = "0.02", description = "Only pixels whose edge jump reaches this "
            + "OD are analysed (default ${DEFAULT-VALUE}).")
    double minJumpOd;
    @Option(names = "--seed", defaultValue = "1", description = "k-means++ seed (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--ratio", split = ",", description = "Ratio map OD(E2)/OD(E1) with the pre-edge band "
            + "subtracted: E1,E2,BAND_FROM,BAND_TO in eV.")
    List<Double> ratio;
    @Option(names = "--ratio-min-od", defaultValue = "0.02", description = "Mask the ratio where OD(E1) minus the "
            + "band is below this (default ${DEFAULT-VALUE}).")
    double ratioMinOd;

    @Override
    public Integer call() throws IOException {
        EnergyRatioMap map = null;
        double[] ratioParameters = null;
        if (ratio != null) {
            if (ratio.size() != 4) {
                throw new IllegalArgumentException("parameter ratio has " + ratio.size()
                        + " values, expected E1,E2,BAND_FROM,BAND_TO in eV");
            }
            map = new EnergyRatioMap(ratio.get(0), ratio.get(1), ratio.get(2), ratio.get(3), ratioMinOd);
            ratioParameters = new double[] {ratio.get(0), ratio.get(1), ratio.get(2), ratio.get(3), ratioMinOd};
        }
        String summary = SpectralAnalysisRunner.run(stack, energies, i0, pixelNm != null ? pixelNm : Double.NaN,
                new SpectralAnalysisRunner.Settings(components, clusters, minJumpOd, seed, map, ratioParameters), out,
                new ConsoleProgress(err));
        OxyMapCli.Verb.out.println("oxymap: " + summary + " -> " + out);
        return 0;
    }
}
