package org.oxymap.core.agglomerate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Class statistics within bins of pixel thickness (Fig. 4c): thin pixels look more reduced, so classes that differ
 * in thickness must also be compared at the same thickness. The bin edges are quantiles of the thickness of all
 * valid particle pixels, so each bin holds about the same number of pixels; within a bin each particle contributes
 * the thickness-weighted mean of its pixels in that bin, weighted by their summed thickness, and the SE counts
 * particles ({@link WeightedMean}).
 */
public final class ThicknessControlledComparison {

    private ThicknessControlledComparison() {
    }

    /** Bin edges (length bins + 1) at equal-count quantiles of the valid particle pixels' thickness. */
    public static double[] quantileEdges(int[] particleLabels, float[] fraction, float[] thicknessNm,
            boolean[] include, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("parameter thickness-bins is " + bins + ", expected >= 1");
        }
        double[] t = new double[particleLabels.length];
        int n = 0;
        for (int i = 0; i < particleLabels.length; i++) {
            if (particleLabels[i] > 0 && ParticleFractions.valid(i, fraction, thicknessNm, include)) {
                t[n++] = thicknessNm[i];
            }
        }
        if (n == 0) {
            return new double[0];
        }
        t = Arrays.copyOf(t, n);
        Arrays.sort(t);
        double[] edges = new double[bins + 1];
        for (int k = 0; k <= bins; k++) {
            edges[k] = t[Math.min(n - 1, (int) Math.floor((double) k * n / bins))];
        }
        edges[0] = t[0];
        edges[bins] = t[n - 1];
        return edges;
    }

    /** Bin index of a thickness, or −1 outside the edges; the last bin includes its upper edge. */
    static int binOf(double t, double[] edges) {
        int bins = edges.length - 1;
        if (bins < 1 || t < edges[0] || t > edges[bins]) {
            return -1;
        }
        for (int k = 0; k < bins; k++) {
            if (t < edges[k + 1]) {
                return k;
            }
        }
        return bins - 1;
    }

    /** Every class in every bin (empty ones with n = 0), bin-major. */
    public static List<ThicknessClassBin> compare(AgglomerateClassification c, int[] particleLabels, float[] fraction,
            float[] thicknessNm, boolean[] include, double[] edges) {
        List<ThicknessClassBin> out = new ArrayList<>();
        int bins = edges.length - 1;
        if (bins < 1) {
            return out;
        }
        int max = 0;
        for (ClassifiedParticle p : c.particles()) {
            max = Math.max(max, p.label());
        }
        AgglomerateClass[] classOf = new AgglomerateClass[max + 1];
        for (ClassifiedParticle p : c.particles()) {
            classOf[p.label()] = p.agglomerateClass();
        }
        double[][] sw = new double[bins][max + 1];
        double[][] swf = new double[bins][max + 1];
        int[][] n = new int[bins][max + 1];
        for (int i = 0; i < particleLabels.length; i++) {
            int l = particleLabels[i];
            if (l > 0 && l <= max && classOf[l] != null && ParticleFractions.valid(i, fraction, thicknessNm, include)) {
                int k = binOf(thicknessNm[i], edges);
                if (k >= 0) {
                    sw[k][l] += thicknessNm[i];
                    swf[k][l] += thicknessNm[i] * fraction[i];
                    n[k][l]++;
                }
            }
        }
        for (int k = 0; k < bins; k++) {
            for (AgglomerateClass cls : AgglomerateClass.values()) {
                List<Double> x = new ArrayList<>();
                List<Double> w = new ArrayList<>();
                int pixels = 0;
                for (int l = 1; l <= max; l++) {
                    if (classOf[l] == cls && n[k][l] > 0) {
                        x.add(swf[k][l] / sw[k][l]);
                        w.add(sw[k][l]);
                        pixels += n[k][l];
                    }
                }
                WeightedMean m = WeightedMean.of(x.stream().mapToDouble(Double::doubleValue).toArray(),
                        w.stream().mapToDouble(Double::doubleValue).toArray());
                out.add(new ThicknessClassBin(k, edges[k], edges[k + 1], new ClassSummary(cls, m, x.size(), pixels)));
            }
        }
        return out;
    }
}
