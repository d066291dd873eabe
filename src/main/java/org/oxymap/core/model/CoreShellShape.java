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

    private final double[] radius;
    private final double[] sectionWeight;
    /** [section][node]: ρ², z_lo, z_hi, and w_j / Σ_j w_j L_j of the node's pixel. */
    private final double[][] rhoSq;
    private final double[][] zLo;
    private final double[][] zHi;
    private final double[][] scale;
    /** [section][node]: the node's pixel. */
    private final int[][] pixelOf;
    private final int[] bin;
    private final double[] pixelWeight;
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
        scale = new double[ns][];
        pixelOf = new int[ns][];
        bin = p.bin.clone();
        double[] binWeight = new double[bins];
        for (int i = 0; i < n; i++) {
            binWeight[bin[i]] += p.weight[i];
        }
        pixelWeight = new double[n];
        for (int i = 0; i < n; i++) {
            pixelWeight[i] = p.weight[i] / binWeight[bin[i]];
        }
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
            int m = kept.size();
            rhoSq[s] = new double[m];
            zLo[s] = new double[m];
            zHi[s] = new double[m];
            scale[s] = new double[m];
            pixelOf[s] = new int[m];
            for (int k = 0; k < m; k++) {
                double[] e = kept.get(k);
                pixelOf[s][k] = (int) e[0];
                rhoSq[s][k] = e[1];
                zLo[s][k] = e[2];
                zHi[s][k] = e[3];
                scale[s][k] = e[4];
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

    @Override
    public void unit(double shellNm, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (int s = 0; s < radius.length; s++) {
            double core = Math.max(0.0, radius[s] - shellNm);
            double coreSq = core * core;
            double w = sectionWeight[s];
            double[] r2 = rhoSq[s];
            double[] lo = zLo[s];
            double[] hi = zHi[s];
            double[] f = scale[s];
            int[] pix = pixelOf[s];
            for (int k = 0; k < r2.length; k++) {
                double inCore = 0.0;
                if (coreSq > r2[k]) {
                    double half = Math.sqrt(coreSq - r2[k]);
                    inCore = Math.max(0.0, Math.min(hi[k], half) - Math.max(lo[k], -half)) * f[k];
                }
                out[bin[pix[k]]] -= w * pixelWeight[pix[k]] * inCore;
            }
            for (int i = 0; i < pixelWeight.length; i++) {
                out[bin[i]] += w * pixelWeight[i];
            }
        }
    }
}
