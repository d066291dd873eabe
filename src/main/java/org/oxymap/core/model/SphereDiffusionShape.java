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

    /** 1/n for mode n = 1..TERMS: the recurrence below then needs no division. */
    private static final double[] INVERSE_N = new double[TERMS];
    private static final double[] GL_NODES;
    private static final double[] GL_WEIGHTS;

    static {
        for (int n = 1; n <= TERMS; n++) {
            INVERSE_N[n - 1] = 1.0 / n;
        }
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
        Nodes nodes = NODES_OF_THREAD.get();
        nodes.count = 0;
        if (lo < 0 && hi > 0) {
            integrate(rho, a, lo, 0, length, nodes);
            integrate(rho, a, 0, hi, length, nodes);
        } else {
            integrate(rho, a, lo, hi, length, nodes);
        }
        addSinc(nodes, out);
    }

    /** The quadrature nodes of one chord: x = r/a and weight w of each. */
    private static final class Nodes {
        double[] x = new double[64];
        double[] w = new double[64];
        int count;

        void add(double xi, double wi) {
            if (count == x.length) {
                x = java.util.Arrays.copyOf(x, 2 * count);
                w = java.util.Arrays.copyOf(w, 2 * count);
            }
            x[count] = xi;
            w[count] = wi;
            count++;
        }
    }

    private static final ThreadLocal<Nodes> NODES_OF_THREAD = ThreadLocal.withInitial(Nodes::new);

    private static void integrate(double rho, double a, double lo, double hi, double length, Nodes nodes) {
        int pieces = Math.max(1, (int) Math.ceil((hi - lo) / MAX_PIECE_NM));
        double width = (hi - lo) / pieces;
        for (int k = 0; k < pieces; k++) {
            double centre = lo + (k + 0.5) * width;
            for (int q = 0; q < NODES; q++) {
                double z = centre + 0.5 * width * GL_NODES[q];
                double x = Math.min(1.0, Math.sqrt(rho * rho + z * z) / a);
                double w = 0.5 * width * GL_WEIGHTS[q] / length;
                nodes.add(x, w);
            }
        }
    }

    /**
     * out[n − 1] += Σ_nodes w·sinc(nπx), n = 1..TERMS, by the Chebyshev recurrence sin((n+1)θ) = 2cos θ·sin(nθ) −
     * sin((n−1)θ). The recurrence is a chain of dependent operations, so four nodes run side by side.
     */
    private static void addSinc(Nodes nodes, double[] out) {
        int k = 0;
        for (; k + 4 <= nodes.count; k += 4) {
            double t0 = theta(nodes.x[k]);
            double t1 = theta(nodes.x[k + 1]);
            double t2 = theta(nodes.x[k + 2]);
            double t3 = theta(nodes.x[k + 3]);
            double c0 = 2 * Math.cos(t0);
            double c1 = 2 * Math.cos(t1);
            double c2 = 2 * Math.cos(t2);
            double c3 = 2 * Math.cos(t3);
            double p0 = 0;
            double p1 = 0;
            double p2 = 0;
            double p3 = 0;
            double s0 = Math.sin(t0);
            double s1 = Math.sin(t1);
            double s2 = Math.sin(t2);
            double s3 = Math.sin(t3);
            double w0 = nodes.w[k] / t0;
            double w1 = nodes.w[k + 1] / t1;
            double w2 = nodes.w[k + 2] / t2;
            double w3 = nodes.w[k + 3] / t3;
            for (int n = 0; n < TERMS; n++) {
                out[n] += (w0 * s0 + w1 * s1 + w2 * s2 + w3 * s3) * INVERSE_N[n];
                double n0 = c0 * s0 - p0;
                double n1 = c1 * s1 - p1;
                double n2 = c2 * s2 - p2;
                double n3 = c3 * s3 - p3;
                p0 = s0;
                p1 = s1;
                p2 = s2;
                p3 = s3;
                s0 = n0;
                s1 = n1;
                s2 = n2;
                s3 = n3;
            }
        }
        for (; k < nodes.count; k++) {
            double t = theta(nodes.x[k]);
            double twoCos = 2 * Math.cos(t);
            double previous = 0.0; // sin(0·θ)
            double current = Math.sin(t);
            double scale = nodes.w[k] / t;
            for (int n = 0; n < TERMS; n++) {
                out[n] += scale * current * INVERSE_N[n];
                double next = twoCos * current - previous;
                previous = current;
                current = next;
            }
        }
    }

    /**
     * πx, at least 1e−9 (x = 0 at the centre): below about 1e−7 sinc(nπx) = sin(nθ)/(nθ) is 1 to double precision
     * for every mode used, and the recurrence gives that value at θ = 1e−9 too.
     */
    private static double theta(double x) {
        return Math.max(1e-9, Math.PI * x);
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
