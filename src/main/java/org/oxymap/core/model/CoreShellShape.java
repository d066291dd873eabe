package org.oxymap.core.model;

import java.util.List;

/**
 * The two-phase core–shell step projected through the lamella and averaged over each profile bin's pixels, as a
 * function of the shell thickness δ (nm).
 *
 * <p>A pixel's chord [z_lo, z_hi] crosses the core (radius b = a − δ) over
 * {@code [max(z_lo, −√(b²−ρ²)), min(z_hi, √(b²−ρ²))]}, so its depth-averaged concentration is exactly
 * {@code C_shell + (C_core − C_shell)·L_core/L}: the unit shape (weight of the shell) is {@code 1 − L_core/L}, with
 * no quadrature. The chord ends are computed once per pixel and section.
 */
final class CoreShellShape implements BinnedShape {

    private final double[] radius;
    private final double[] sectionWeight;
    /** [section][pixel]: ρ², z_lo, z_hi. */
    private final double[][] rhoSq;
    private final double[][] zLo;
    private final double[][] zHi;
    private final int[] bin;
    private final double[] pixelWeight;
    private final int bins;

    CoreShellShape(ProfiledParticle p, List<LamellaSection> sections) {
        bins = p.binCount();
        int n = p.rhoNm.length;
        int ns = sections.size();
        radius = new double[ns];
        sectionWeight = new double[ns];
        rhoSq = new double[ns][n];
        zLo = new double[ns][n];
        zHi = new double[ns][n];
        bin = p.bin.clone();
        double[] binWeight = new double[bins];
        for (int i = 0; i < n; i++) {
            binWeight[bin[i]] += p.weight[i];
        }
        pixelWeight = new double[n];
        for (int i = 0; i < n; i++) {
            pixelWeight[i] = p.weight[i] / binWeight[bin[i]];
        }
        for (int s = 0; s < ns; s++) {
            LamellaSection section = sections.get(s);
            radius[s] = section.radiusNm();
            sectionWeight[s] = section.weight();
            double edge = section.visibleRadiusNm() * (1 - 1e-6);
            for (int i = 0; i < n; i++) {
                double rho = Math.min(p.rhoNm[i], edge);
                double[] chord = section.chord(rho);
                rhoSq[s][i] = rho * rho;
                zLo[s][i] = chord[0];
                zHi[s][i] = chord[1];
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
            for (int i = 0; i < r2.length; i++) {
                double inCore = 0.0;
                if (coreSq > r2[i]) {
                    double half = Math.sqrt(coreSq - r2[i]);
                    inCore = Math.max(0.0, Math.min(hi[i], half) - Math.max(lo[i], -half)) / (hi[i] - lo[i]);
                }
                out[bin[i]] += w * pixelWeight[i] * (1.0 - inCore);
            }
        }
    }
}
