package org.oxymap.core.model;

import java.util.List;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Crank's sphere solution (eq. 6.18) depth-averaged over each pixel's chord through the lamella and over each
 * profile bin's pixels, as a fast function of θ = log10(D·t / nm²).
 *
 * <p>Written as {@code u(x, τ) = 1 + 2 Σ_{n≥1} (−1)^n sinc(nπx) exp(−n²π²τ)}, the series is linear in the
 * decays {@code exp(−n²π²τ)}, and so are its averages over depth and pixels. For each bin b and mode n the
 * geometric factor {@code K_bn = 2(−1)^n ⟨sinc(nπ r/a)⟩_b} is computed once per particle: the chord of each
 * pixel (split at z = 0 and into pieces of at most {@value #MAX_PIECE_NM} nm) is integrated by
 * {@value #NODES}-point Gauss–Legendre quadrature, sin(nπx) by the Chebyshev recurrence. A model evaluation is
 * then {@code s_b = 1 + Σ_n K_bn exp(−n²π²τ)}, one multiply-add per bin and mode. With
 * {@value #TERMS} modes the truncated tail is below 1e−17 for τ ≥ {@value #TAU_MIN}; profiles steeper than that
 * (a diffusion length √(D t) under 1% of the radius, i.e. about 1 nm) are below the image resolution, and the fit
 * keeps τ above it. The quadrature agrees with {@link LamellaProjection#depthAverage} to 1e−6 for τ ≥ 0.01 (see
 * the tests).
 *
 * <p>With a blurring probe ({@link RadialProbeBlur}) a pixel's value is what the probe measures: the thickness-
 * weighted mean over the probe's nodes, {@code Σ_j w_j L_j ū_j / Σ_j w_j L_j} (L_j the chord at node j, ū_j its
 * depth average), because the per-pixel fit returns blur(f·L)/blur(L) as the pixel's fraction. It stays linear in
 * the decays, so it goes into the same factors.
 *
 * <p>For an averaged offset ({@link OffsetMode#UNIFORM}) each section has its own radius, hence its own τ; the
 * factors are kept per section and the section weights applied at evaluation.
 */
final class SphereDiffusionShape implements BinnedShape {

    /** Smallest D·t/a² the basis represents to 1e−17. */
    static final double TAU_MIN = 1e-4;
    static final int TERMS = 205;
    static final int NODES = 12;
    static final double MAX_PIECE_NM = 20.0;

    private static final double[] GL_NODES;
    private static final double[] GL_WEIGHTS;

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(NODES, -1.0, 1.0);
        GL_NODES = new double[NODES];
        GL_WEIGHTS = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            GL_NODES[i] = rule.getPoint(i);
            GL_WEIGHTS[i] = rule.getWeight(i);
        }
    }

    private final double[] radiusSq;
    private final double[] sectionWeight;
    /** [section][bin * TERMS + (n − 1)]. */
    private final double[][] factors;
    private final boolean[] hasPixels;
    private final int bins;

    SphereDiffusionShape(ProfiledParticle p, List<LamellaSection> sections) {
        this(p, sections, new RadialProbeBlur(0));
    }

    SphereDiffusionShape(ProfiledParticle p, List<LamellaSection> sections, RadialProbeBlur probe) {
        this.bins = p.binCount();
        int ns = sections.size();
        radiusSq = new double[ns];
        sectionWeight = new double[ns];
        factors = new double[ns][bins * TERMS];
        double[] binWeight = new double[bins];
        for (int i = 0; i < p.rhoNm.length; i++) {
            binWeight[p.bin[i]] += p.weight[i];
        }
        hasPixels = new boolean[bins];
        for (int b = 0; b < bins; b++) {
            hasPixels[b] = binWeight[b] > 0;
        }
        double[] pixel = new double[TERMS];
        double[] node = new double[TERMS];
        for (int s = 0; s < ns; s++) {
            LamellaSection section = sections.get(s);
            double a = section.radiusNm();
            radiusSq[s] = a * a;
            sectionWeight[s] = section.weight();
            double edge = section.visibleRadiusNm() * (1 - 1e-6);
            for (int i = 0; i < p.rhoNm.length; i++) {
                if (!blurred(p.rhoNm[i], edge, a, section, probe, pixel, node)) {
                    chordAverage(Math.min(p.rhoNm[i], edge), a, section, pixel);
                }
                double w = p.weight[i] / binWeight[p.bin[i]];
                int base = p.bin[i] * TERMS;
                double[] f = factors[s];
                for (int n = 0; n < TERMS; n++) {
                    f[base + n] += w * pixel[n];
                }
            }
            double[] f = factors[s];
            for (int b = 0; b < bins; b++) {
                for (int n = 0; n < TERMS; n++) {
                    f[b * TERMS + n] *= ((n & 1) == 0 ? -2.0 : 2.0); // 2(−1)^n for mode n + 1
                }
            }
        }
    }

    /**
     * out[n − 1] = Σ_j w_j L_j ū_n(ρ_j) / Σ_j w_j L_j over the probe's nodes inside the visible radius; false (out
     * untouched) for a point probe or when no node falls inside.
     */
    private static boolean blurred(double rho, double edge, double a, LamellaSection section, RadialProbeBlur probe,
            double[] out, double[] node) {
        if (probe.isPoint()) {
            return false;
        }
        double norm = 0;
        java.util.Arrays.fill(out, 0.0);
        for (int j = 0; j < probe.nodes(); j++) {
            double r = probe.radiusNm(rho, j);
            if (r >= edge) {
                continue;
            }
            double[] chord = section.chord(r);
            double wl = probe.weight(j) * (chord[1] - chord[0]);
            chordAverage(r, a, section, node);
            for (int n = 0; n < TERMS; n++) {
                out[n] += wl * node[n];
            }
            norm += wl;
        }
        if (!(norm > 0)) {
            return false;
        }
        for (int n = 0; n < TERMS; n++) {
            out[n] /= norm;
        }
        return true;
    }

    /** out[n − 1] = (1/L) ∫ sinc(nπ r/a) dz over the chord at ρ. */
    private static void chordAverage(double rho, double a, LamellaSection section, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        double[] chord = section.chord(rho);
        if (chord == null) {
            throw new IllegalStateException("no chord at rho = " + rho + " nm inside the visible radius"); // cannot happen
        }
        double lo = chord[0];
        double hi = chord[1];
        double length = hi - lo;
        if (lo < 0 && hi > 0) {
            integrate(rho, a, lo, 0, length, out);
            integrate(rho, a, 0, hi, length, out);
        } else {
            integrate(rho, a, lo, hi, length, out);
        }
    }

    private static void integrate(double rho, double a, double lo, double hi, double length, double[] out) {
        int pieces = Math.max(1, (int) Math.ceil((hi - lo) / MAX_PIECE_NM));
        double width = (hi - lo) / pieces;
        for (int k = 0; k < pieces; k++) {
            double centre = lo + (k + 0.5) * width;
            for (int q = 0; q < NODES; q++) {
                double z = centre + 0.5 * width * GL_NODES[q];
                double x = Math.min(1.0, Math.sqrt(rho * rho + z * z) / a);
                double w = 0.5 * width * GL_WEIGHTS[q] / length;
                addSinc(x, w, out);
            }
        }
    }

    /** out[n − 1] += w·sinc(nπx), n = 1..TERMS. */
    private static void addSinc(double x, double w, double[] out) {
        double theta = Math.PI * x;
        if (theta < 1e-7) {
            for (int n = 0; n < TERMS; n++) {
                out[n] += w;
            }
            return;
        }
        double twoCos = 2 * Math.cos(theta);
        double previous = 0.0; // sin(0·θ)
        double current = Math.sin(theta);
        for (int n = 1; n <= TERMS; n++) {
            out[n - 1] += w * current / (n * theta);
            double next = twoCos * current - previous;
            previous = current;
            current = next;
        }
    }

    @Override
    public void unit(double log10Dt, double[] out) {
        double dt = Math.pow(10, log10Dt);
        java.util.Arrays.fill(out, 0.0);
        double[] decay = new double[TERMS];
        for (int s = 0; s < factors.length; s++) {
            double tau = dt / radiusSq[s];
            // exp(−n²x) by recurrence: e_n = e_{n−1}·exp(−(2n−1)x).
            double x = Math.PI * Math.PI * tau;
            double step = Math.exp(-x);
            double stepRatio = Math.exp(-2 * x);
            double e = 1.0;
            int terms = 0;
            for (int n = 0; n < TERMS; n++) {
                e *= step;
                step *= stepRatio;
                decay[n] = e;
                terms = n + 1;
                if (e < 1e-18) {
                    break;
                }
            }
            double[] f = factors[s];
            double w = sectionWeight[s];
            for (int b = 0; b < bins; b++) {
                if (!hasPixels[b]) {
                    continue;
                }
                double sum = 1.0;
                int base = b * TERMS;
                for (int n = 0; n < terms; n++) {
                    sum += f[base + n] * decay[n];
                }
                out[b] += w * sum;
            }
        }
    }
}
