package org.oxymap.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.GsonBuilder;

import org.oxymap.core.cluster.SpectralClustering;
import org.oxymap.core.fit.EnergyRatioMap;
import org.oxymap.core.od.EmptyRegionI0Estimator;
import org.oxymap.core.od.OpticalDensityConverter;
import org.oxymap.core.pca.PrincipalComponents;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

/**
 * The exploratory analyses of one stack without references, shared by {@code oxymap pca} and Fiji: OD (I0 given or
 * from the empty region), PCA with the scree table and score maps, thickness-corrected k-means clusters with their
 * mean spectra as reference CSVs, and optionally a two-energy ratio map. Writes into a results folder atomically:
 * <pre>
 * pca/scree.csv          component, eigenvalue, variance_fraction, cumulative_fraction (normalised spectra of the
 *                        pixels whose edge jump reaches min-jump-od)
 * pca/components.csv     energy_eV, then one column per leading component (unit eigenvectors)
 * pca/score_N.tif        score map of component N (1-based), 0 outside the analysed pixels
 * pca/clusters.tif       cluster 1..k per pixel, 0 = not clustered
 * pca/cluster_N.csv      mean OD spectrum of cluster N, a reference CSV (no "# valence:" line: add one to use it)
 * pca/clusters.csv       cluster, pixels, fraction of the clustered pixels
 * maps/ratio.tif         the ratio map (when asked), maps/ratio_mask.tif 1 where valid
 * params.json            inputs and parameters
 * </pre>
 */
public final class SpectralAnalysisRunner {

    /**
     * @param components  leading components written as score maps and used for clustering
     * @param clusters    k (0 = no clustering)
     * @param minJumpOd   thickness threshold: edge jump in OD
     * @param seed        k-means++ seed
     * @param ratio       the ratio map, or null
     */
    public record Settings(int components, int clusters, double minJumpOd, long seed, EnergyRatioMap ratio,
            double[] ratioParameters) {

        public void validate() {
            if (components < 1) {
                throw new IllegalArgumentException("parameter components is " + components + ", expected at least 1");
            }
            if (clusters < 0) {
                throw new IllegalArgumentException("parameter clusters is " + clusters + ", expected 0 or more");
            }
            if (!Double.isFinite(minJumpOd)) {
                throw new IllegalArgumentException("parameter min-jump-od is " + minJumpOd + ", expected a number");
            }
        }
    }

    private SpectralAnalysisRunner() {
    }

    /** Loads the stack (and I0 spectrum, if given), runs the analyses and writes {@code outDir}. */
    public static String run(Path stackFile, Path energiesFile, Path i0File, double pixelNm, Settings settings,
            Path outDir, ProgressListener listener) throws IOException {
        settings.validate();
        SpectralStack s = StackReaders.read(stackFile, energiesFile, pixelNm);
        if (i0File != null) {
            ReferenceSpectrum spectrum = i0File.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xsp")
                    ? AlsXspSpectrum.read(i0File) : ReferenceCsv.read(i0File);
            s = s.withI0(spectrum.interpolate(s.energiesEv()));
        }
        double[] i0 = s.i0OrNull() != null ? s.i0OrNull() : new EmptyRegionI0Estimator().estimate(s).i0();
        OpticalDensityConverter.Result od = new OpticalDensityConverter().convert(s, i0);
        SpectralStack stack = od.od();
        int w = stack.width();
        int h = stack.height();
        double pw = stack.pixelWidthNm();
        double ph = stack.pixelHeightNm();
        boolean[] keep = new boolean[w * h];
        float[] jump = org.oxymap.core.fit.EdgeJump.map(stack);
        int kept = 0;
        for (int i = 0; i < keep.length; i++) {
            keep[i] = !od.invalid()[i] && jump[i] >= settings.minJumpOd();
            kept += keep[i] ? 1 : 0;
        }
        if (kept == 0) {
            throw new IllegalArgumentException("no pixel has an edge jump of at least " + settings.minJumpOd()
                    + " OD (parameter min-jump-od)");
        }
        String summary;
        try (ResultsFolder folder = ResultsFolder.open(outDir, stackFile, energiesFile, i0File)) {
            Path pca = folder.subdir("pca");
            PrincipalComponents.Result pc = PrincipalComponents.compute(stack, keep, true, listener);
            List<List<Object>> scree = new ArrayList<>();
            for (int c = 0; c < pc.eigenvalues().length; c++) {
                scree.add(List.of(c + 1, fmt(pc.eigenvalues()[c]), fmt(pc.varianceFraction(c)),
                        fmt(pc.cumulativeFraction(c))));
            }
            CsvTable.write(pca.resolve("scree.csv"), List.of("component", "eigenvalue", "variance_fraction",
                    "cumulative_fraction"), scree);
            int nc = Math.min(settings.components(), stack.energyCount());
            List<String> header = new ArrayList<>(List.of("energy_eV"));
            for (int c = 0; c < nc; c++) {
                header.add("component_" + (c + 1));
            }
            List<List<Object>> comps = new ArrayList<>();
            for (int e = 0; e < stack.energyCount(); e++) {
                List<Object> row = new ArrayList<>(List.of(fmt(stack.energyEv(e))));
                for (int c = 0; c < nc; c++) {
                    row.add(fmt(pc.components()[c][e]));
                }
                comps.add(row);
            }
            CsvTable.write(pca.resolve("components.csv"), header, comps);
            List<float[]> scores = PrincipalComponents.scores(stack, pc, nc, keep, true);
            for (int c = 0; c < nc; c++) {
                TiffStackIO.writeMap(scores.get(c), w, h, pw, ph, pca.resolve("score_" + (c + 1) + ".tif"));
            }
            summary = String.format(Locale.ROOT, "PCA of %d pixels: first %d components carry %.4f of the total",
                    pc.pixels(), nc, pc.cumulativeFraction(nc - 1));
            if (settings.clusters() > 0) {
                SpectralClustering.Result cl = new SpectralClustering(settings.clusters(), nc, settings.minJumpOd(),
                        settings.seed()).cluster(stack, od.invalid(), listener);
                float[] map = new float[w * h];
                for (int i = 0; i < map.length; i++) {
                    map[i] = cl.labels()[i];
                }
                TiffStackIO.writeMap(map, w, h, pw, ph, pca.resolve("clusters.tif"));
                List<List<Object>> rows = new ArrayList<>();
                for (int c = 0; c < settings.clusters(); c++) {
                    rows.add(List.of(c + 1, cl.sizes()[c], fmt(cl.sizes()[c] / (double) cl.clustered())));
                    if (cl.sizes()[c] > 0) {
                        ReferenceCsv.write(new ReferenceSpectrum("cluster_" + (c + 1), Double.NaN,
                                stack.energiesEv(), cl.meanOd().get(c)), pca.resolve("cluster_" + (c + 1) + ".csv"),
                                "od");
                    }
                }
                CsvTable.write(pca.resolve("clusters.csv"), List.of("cluster", "pixels", "fraction"), rows);
                summary += String.format(Locale.ROOT, "; %d clusters of %d pixels", settings.clusters(),
                        cl.clustered());
            }
            if (settings.ratio() != null) {
                EnergyRatioMap.Result r = settings.ratio().compute(stack);
                Path maps = folder.subdir("maps");
                TiffStackIO.writeMap(r.ratio(), w, h, pw, ph, maps.resolve("ratio.tif"));
                float[] mask = new float[w * h];
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = r.valid()[i] ? 1f : 0f;
                }
                TiffStackIO.writeMap(mask, w, h, pw, ph, maps.resolve("ratio_mask.tif"));
                summary += String.format(Locale.ROOT, "; ratio OD(%.2f eV)/OD(%.2f eV) over a %d-energy pre-edge band",
                        r.e2Ev(), r.e1Ev(), r.bandEnergies());
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("oxymap_version", OxyMapVersion.get());
            root.put("created", Instant.now().toString());
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("stack", stackFile.toString());
            inputs.put("energies", energiesFile == null ? null : energiesFile.toString());
            inputs.put("i0", i0File == null ? null : i0File.toString());
            root.put("inputs", inputs);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("components", settings.components());
            p.put("clusters", settings.clusters());
            p.put("min_jump_od", settings.minJumpOd());
            p.put("seed", settings.seed());
            p.put("ratio", settings.ratioParameters());
            p.put("pixel_nm", pw);
            root.put("parameters", p);
            root.put("summary", summary);
            Files.writeString(folder.dir().resolve("params.json"), new GsonBuilder().setPrettyPrinting().serializeNulls()
                    .create().toJson(root) + "\n", StandardCharsets.UTF_8);
            folder.commit();
        }
        return summary;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
