package org.oxymap.core.model;

import java.util.List;

/**
 * The two-phase core–shell step projected through the lamella and averaged over each profile bin's pixels, as a
 * function of the shell thickness δ (nm).
 *
 * <p>A pixel's chord [z_lo, z_hi] crosses the core (radius b = a − δ) over
 * {@code [max(z_lo, −√(b²−ρ²)), min(z_hi, √(b²−ρ²))]}, so its depth-averaged concentration is exactly
 * {@code C_shell + (C_core − C_shell)·L_core/L}: the unit shape (weight of the shell) is {@code 1 − L_core/L}, with
 * no quadrature. With a blurring probe ({@link RadialProbeBlur}) the pixel measures the thickness-weighted mean over
 * the probe's nodes, {@code 1 − Σ_j w_j L_core,j / Σ_j w_j L_j}. The chord ends are computed once per pixel, node
 * and section.
 */
final class CoreShellShape implements BinnedShape {

    /** Per-thread room for the nodes' core shares (one shape may be evaluated by several threads at once). */
    private static final ThreadLocal<double[]> SHARE = ThreadLocal.withInitial(() -> new double[256]);

    private final double[] radius;
    private final double[] sectionWeight;
    /**
     * [section][node], nodes in ascending ρ²: ρ², z_lo, z_hi, the node's weight in its bin (its pixel's weight in
     * the bin times w_j / Σ_j w_j L_j of the pixel) and the bin. Sorted by ρ², the nodes inside a core are a prefix.
     */
    private final double[][] rhoSq;
    private final double[][] zLo;
    private final double[][] zHi;
    private final double[][] nodeWeight;
    private final int[][] nodeBin;
    /** The unit shape with no core: every section's weight times the bin's share of pixel weight (1 when it has any). */
    private final double[] noCore;
    private final int bins;

    CoreShellShape(ProfiledParticle p, List<LamellaSection> sections) {
        this(p, sections, new RadialProbeBlur(0));
    }

    CoreShellShape(ProfiledParticle p, List<LamellaSection> sections, RadialProbeBlur probe) {
        bins = p.binCount();
        int n = p.rhoNm.length;
        int ns = sections.size();
        radius = new double[ns];
        sectionWeight = new double[ns];
        rhoSq = new double[ns][];
        zLo = new double[ns][];
        zHi = new double[ns][];
        nodeWeight = new double[ns][];
        nodeBin = new int[ns][];
        int[] bin = p.bin;
        double[] binWeight = new double[bins];
        for (int i = 0; i < n; i++) {
            binWeight[bin[i]] += p.weight[i];
        }
        double[] pixelWeight = new double[n];
        for (int i = 0; i < n; i++) {
            pixelWeight[i] = p.weight[i] / binWeight[bin[i]];
        }
        noCore = new double[bins];
        int nodes = probe.nodes();
        for (int s = 0; s < ns; s++) {
            LamellaSection section = sections.get(s);
            radius[s] = section.radiusNm();
            sectionWeight[s] = section.weight();
            double edge = section.visibleRadiusNm() * (1 - 1e-6);
            java.util.List<double[]> kept = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                double norm = 0;
                int first = kept.size();
                for (int j = 0; j < nodes && !probe.isPoint(); j++) {
                    double r = probe.radiusNm(p.rhoNm[i], j);
                    if (r >= edge) {
                        continue;
                    }
                    double[] chord = section.chord(r);
                    norm += probe.weight(j) * (chord[1] - chord[0]);
                    kept.add(new double[] {i, r * r, chord[0], chord[1], probe.weight(j)});
                }
                if (!(norm > 0)) { // point probe, or no node inside: the pixel's own chord, clamped to the edge
                    while (kept.size() > first) {
                        kept.remove(kept.size() - 1);
                    }
                    double rho = Math.min(p.rhoNm[i], edge);
                    double[] chord = section.chord(rho);
                    norm = chord[1] - chord[0];
                    kept.add(new double[] {i, rho * rho, chord[0], chord[1], 1.0});
                }
                for (int k = first; k < kept.size(); k++) {
                    kept.get(k)[4] /= norm;
                }
            }
            kept.sort(java.util.Comparator.comparingDouble(e -> e[1]));
            int m = kept.size();
            rhoSq[s] = new double[m];
            zLo[s] = new double[m];
            zHi[s] = new double[m];
            nodeWeight[s] = new double[m];
            nodeBin[s] = new int[m];
            for (int k = 0; k < m; k++) {
                double[] e = kept.get(k);
                int pixel = (int) e[0];
                rhoSq[s][k] = e[1];
                zLo[s][k] = e[2];
                zHi[s][k] = e[3];
                nodeWeight[s][k] = pixelWeight[pixel] * e[4];
                nodeBin[s][k] = bin[pixel];
            }
            for (int i = 0; i < n; i++) {
                noCore[bin[i]] += sectionWeight[s] * pixelWeight[i];
            }
        }
    }

    /** Largest shell thickness that leaves a core in every section. */
    double maxShellNm() {
        double min = Double.POSITIVE_INFINITY;
        for (double a : radius) {
            min = Math.min(min, a);
        }
        return min;
    }

    /**
     * The shell's weight per bin: the no-core shape less, for each section, the core's share of every node's chord;
     * only the nodes inside the core (a prefix of the ρ²-sorted nodes) are visited.
     */
    @Override
    public void unit(double shellNm, double[] out) {
        System.arraycopy(noCore, 0, out, 0, bins);
        java.util.Arrays.fill(out, bins, out.length, 0.0);
        for (int s = 0; s < radius.length; s++) {
            double core = Math.max(0.0, radius[s] - shellNm);
            double coreSq = core * core;
            double w = sectionWeight[s];
            double[] r2 = rhoSq[s];
            double[] lo = zLo[s];
            double[] hi = zHi[s];
            double[] f = nodeWeight[s];
            int[] b = nodeBin[s];
            int inside = 0;
            while (inside < r2.length && r2[inside] < coreSq) {
                inside++;
            }
            // the core's share of each node in a loop of its own, which the JIT vectorises; then added to the bins
            double[] share = SHARE.get();
            if (share.length < inside) {
                share = new double[Math.max(inside, 2 * share.length)];
                SHARE.set(share);
            }
            for (int k = 0; k < inside; k++) {
                double half = Math.sqrt(coreSq - r2[k]);
                share[k] = w * f[k] * Math.max(0.0, Math.min(hi[k], half) - Math.max(lo[k], -half));
            }
            for (int k = 0; k < inside; k++) {
                out[b[k]] -= share[k];
            }
        }
    }
}
