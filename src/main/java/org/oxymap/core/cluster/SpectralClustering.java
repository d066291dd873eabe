package org.oxymap.core.cluster;

import java.util.ArrayList;
import java.util.List;

import org.oxymap.core.fit.EdgeJump;
import org.oxymap.core.pca.PrincipalComponents;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/**
 * Thickness-corrected clustering of an OD stack: pixels whose edge jump ({@link EdgeJump}) reaches a threshold are
 * kept; each kept spectrum is divided by its own Euclidean norm, so that two pixels of the same material but
 * different thickness have the same normalised spectrum; the principal components of the normalised spectra are
 * computed ({@link PrincipalComponents}); and k-means ({@link KMeans}, k-means++ seeding, fixed seed) groups the
 * pixels by their leading scores. Clusters are numbered 1..k by decreasing size; 0 = not clustered.
 *
 * <p>Per cluster the mean OD spectrum (of the unnormalised spectra, so in OD; thickness-weighted in effect) and the
 * mean normalised spectrum are returned; either can be saved as a reference spectrum, its valence left for the user.
 */
public final class SpectralClustering {

    /**
     * @param labels          cluster 1..k per pixel, 0 = not clustered
     * @param sizes           pixels per cluster (index c−1)
     * @param meanOd          mean OD spectrum per cluster (index c−1, per energy)
     * @param meanNormalised  mean unit-norm spectrum per cluster
     * @param pca             the principal components of the normalised spectra of the kept pixels
     * @param clustered       pixels that were clustered
     */
    public record Result(int[] labels, int[] sizes, List<double[]> meanOd, List<double[]> meanNormalised,
            PrincipalComponents.Result pca, int clustered) {
    }

    private final int clusters;
    private final int components;
    private final double minJumpOd;
    private final long seed;

    /**
     * @param clusters   k
     * @param components leading principal components used as coordinates (≥ 1)
     * @param minJumpOd  pixels with a smaller edge jump are not clustered
     * @param seed       seed of the k-means++ draw
     */
    public SpectralClustering(int clusters, int components, double minJumpOd, long seed) {
        if (clusters < 1 || components < 1) {
            throw new IllegalArgumentException("clusters (" + clusters + ") and components (" + components
                    + ") must be at least 1");
        }
        if (!Double.isFinite(minJumpOd)) {
            throw new IllegalArgumentException("minimum edge jump is " + minJumpOd + ", expected a finite OD");
        }
        this.clusters = clusters;
        this.components = components;
        this.minJumpOd = minJumpOd;
        this.seed = seed;
    }

    public Result cluster(SpectralStack od, boolean[] skip, ProgressListener listener) {
        int n = od.width() * od.height();
        int nE = od.energyCount();
        float[] jump = EdgeJump.map(od);
        boolean[] keep = new boolean[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            keep[i] = jump[i] >= minJumpOd && (skip == null || !skip[i]);
            kept += keep[i] ? 1 : 0;
        }
        if (kept < clusters) {
            throw new IllegalArgumentException("only " + kept + " pixels have an edge jump of at least " + minJumpOd
                    + " OD; " + clusters + " clusters need at least as many");
        }
        PrincipalComponents.Result pca = PrincipalComponents.compute(od, keep, true, listener);
        int dims = Math.min(components, nE);
        List<float[]> scores = PrincipalComponents.scores(od, pca, dims, keep, true);
        int[] index = new int[kept];
        double[][] points = new double[kept][dims];
        int p = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                index[p] = i;
                for (int c = 0; c < dims; c++) {
                    points[p][c] = scores.get(c)[i];
                }
                p++;
            }
        }
        listener.checkCancelled("clustering");
        KMeans.Result km = new KMeans(clusters, seed, 300).cluster(points);
        int[] counts = new int[clusters];
        for (int l : km.labels()) {
            counts[l]++;
        }
        Integer[] order = new Integer[clusters];
        for (int c = 0; c < clusters; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> counts[b] != counts[a] ? counts[b] - counts[a] : a - b);
        int[] rank = new int[clusters];
        for (int r = 0; r < clusters; r++) {
            rank[order[r]] = r;
        }
        int[] labels = new int[n];
        int[] sizes = new int[clusters];
        double[][] sumOd = new double[clusters][nE];
        double[][] sumNorm = new double[clusters][nE];
        double[] b = new double[nE];
        List<float[]> planes = od.planes();
        for (int q = 0; q < kept; q++) {
            int i = index[q];
            int c = rank[km.labels()[q]];
            labels[i] = c + 1;
            sizes[c]++;
            double norm = 0;
            for (int e = 0; e < nE; e++) {
                b[e] = planes.get(e)[i];
                norm += b[e] * b[e];
            }
            norm = Math.sqrt(norm);
            for (int e = 0; e < nE; e++) {
                sumOd[c][e] += b[e];
                sumNorm[c][e] += norm > 0 ? b[e] / norm : 0;
            }
        }
        List<double[]> meanOd = new ArrayList<>();
        List<double[]> meanNorm = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            double[] mo = new double[nE];
            double[] mn = new double[nE];
            for (int e = 0; e < nE; e++) {
                mo[e] = sizes[c] > 0 ? sumOd[c][e] / sizes[c] : 0;
                mn[e] = sizes[c] > 0 ? sumNorm[c][e] / sizes[c] : 0;
            }
            meanOd.add(mo);
            meanNorm.add(mn);
        }
        listener.progress("clustering", 1, 1);
        return new Result(labels, sizes, meanOd, meanNorm, pca, kept);
    }
}
