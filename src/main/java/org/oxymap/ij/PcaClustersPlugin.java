package org.oxymap.ij;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.oxymap.core.cluster.SpectralClustering;
import org.oxymap.core.pca.PrincipalComponents;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.ReferenceCsv;

/**
 * Plugins › OxyMap › OxyMap PCA and Clusters: principal components and k-means clusters of an OD stack's
 * thickness-normalised spectra (as {@code oxymap pca}). Macro keys: {@code stack} (the OD stack), {@code components}
 * (leading components kept as score maps and used by k-means), {@code clusters} (k; 0 = PCA only),
 * {@code min_jump_od} (pixels with a smaller edge jump are left out), {@code seed}, {@code save_references} (a folder
 * for cluster_N.csv, the clusters' mean OD spectra, ready to be given a "# valence:" line; empty = don't save).
 * Makes score_N maps, "clusters" (1..k, 0 = not clustered), the tables "OxyMap Scree" and "OxyMap Clusters", and a
 * plot of the clusters' mean spectra.
 */
public class PcaClustersPlugin implements PlugIn {

    public static final String TITLE = "OxyMap PCA and Clusters";

    @Override
    public void run(String arg) {
        try {
            MacroDialog d = new MacroDialog(TITLE);
            d.addString("stack", StepPlugins.currentTitle());
            d.addNumber("components", 3);
            d.addNumber("clusters", 3);
            d.addNumber("min_jump_od", 0.02);
            d.addNumber("seed", 1);
            d.addDirectory("save_references", "");
            if (!d.show()) {
                return;
            }
            ImagePlus stack = StepImages.resolve(d.nextString(), "stack", true);
            int components = (int) d.nextNumber();
            int clusters = (int) d.nextNumber();
            double minJump = d.nextNumber();
            long seed = (long) d.nextNumber();
            String save = d.nextString();
            StepImages.present(analyse(stack, components, clusters, minJump, seed,
                    save.isBlank() ? null : Path.of(save), new ImageJProgress()), null);
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }

    public static StepResult analyse(ImagePlus odStack, int components, int clusters, double minJumpOd, long seed,
            Path saveReferences, ProgressListener listener) throws IOException {
        if (components < 1) {
            throw new IllegalArgumentException("parameter components is " + components + ", expected at least 1");
        }
        if (clusters < 0) {
            throw new IllegalArgumentException("parameter clusters is " + clusters + ", expected 0 (PCA only) or more");
        }
        SpectralStack od = ImagePlusStacks.wrap(odStack, null);
        int w = od.width();
        int h = od.height();
        double pw = od.pixelWidthNm();
        double ph = od.pixelHeightNm();
        int n = w * h;
        boolean[] keep = new boolean[n];
        float[] jump = org.oxymap.core.fit.EdgeJump.map(od);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            keep[i] = Float.isFinite(jump[i]) && jump[i] >= minJumpOd;
            kept += keep[i] ? 1 : 0;
        }
        if (kept == 0) {
            throw new IllegalArgumentException("no pixel has an edge jump of at least " + minJumpOd
                    + " OD (parameter min_jump_od)");
        }
        StepResult r = new StepResult();
        PrincipalComponents.Result pc = PrincipalComponents.compute(od, keep, true, listener);
        int nc = Math.min(components, od.energyCount());
        ResultsTable scree = new ResultsTable();
        scree.setPrecision(-6);
        for (int c = 0; c < pc.eigenvalues().length; c++) {
            scree.addRow();
            scree.addValue("component", c + 1);
            scree.addValue("eigenvalue", pc.eigenvalues()[c]);
            scree.addValue("variance_fraction", pc.varianceFraction(c));
            scree.addValue("cumulative_fraction", pc.cumulativeFraction(c));
        }
        r.table("OxyMap Scree", scree);
        List<float[]> scores = PrincipalComponents.scores(od, pc, nc, keep, true);
        for (int c = 0; c < nc; c++) {
            r.image(StepImages.map("score_" + (c + 1), scores.get(c), w, h, pw, ph, StepImages.Look.GREY));
        }
        String summary = String.format(Locale.ROOT, "PCA of %d pixels: first %d components carry %.4f of the total",
                pc.pixels(), nc, pc.cumulativeFraction(nc - 1));
        if (clusters > 0) {
            boolean[] skip = new boolean[n];
            for (int i = 0; i < n; i++) {
                skip[i] = !Float.isFinite(jump[i]);
            }
            SpectralClustering.Result cl = new SpectralClustering(clusters, nc, minJumpOd, seed).cluster(od, skip,
                    listener);
            int[] labels = cl.labels();
            r.image(StepImages.labelImage("clusters", labels, clusters, w, h, pw, ph));
            ResultsTable table = new ResultsTable();
            Plot plot = new Plot("OxyMap cluster spectra", "Energy (eV)", "Mean OD");
            if (saveReferences != null) {
                Files.createDirectories(saveReferences);
            }
            for (int c = 0; c < clusters; c++) {
                table.addRow();
                table.addValue("cluster", c + 1);
                table.addValue("pixels", cl.sizes()[c]);
                table.addValue("fraction", cl.sizes()[c] / (double) cl.clustered());
                if (cl.sizes()[c] > 0) {
                    plot.setColor(java.awt.Color.getHSBColor(c / (float) clusters, 0.8f, 0.8f));
                    plot.addPoints(od.energiesEv(), cl.meanOd().get(c), Plot.LINE);
                    if (saveReferences != null) {
                        ReferenceCsv.write(new ReferenceSpectrum("cluster_" + (c + 1), Double.NaN, od.energiesEv(),
                                cl.meanOd().get(c)), saveReferences.resolve("cluster_" + (c + 1) + ".csv"), "od");
                    }
                }
            }
            r.table("OxyMap Clusters", table).plot(plot);
            summary += String.format(Locale.ROOT, "; %d clusters of %d pixels", clusters, cl.clustered());
        }
        return r.summary(summary);
    }
}
