package org.oxymap.core.model;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Projection of a radially symmetric field in a sphere of radius {@code a} through a lamella (slab) of thickness
 * {@code h} whose mid-plane lies at {@code z = z0} from the sphere centre; the beam travels along z.
 *
 * <p>A pixel at projected distance ρ from the sphere centre sees the chord
 * {@code z ∈ [z0 − h/2, z0 + h/2] ∩ [−√(a² − ρ²), +√(a² − ρ²)]} of length L(ρ). In transmission the measured
 * (Beer–Lambert) absorbance is the line integral of the absorber, so the oxidation state recorded in the pixel is
 * the chord average
 * <pre>
 *   C̄(ρ) = (1/L) ∫_chord C(√(ρ² + z²)) dz.
 * </pre>
 * The integral is computed by adaptive 10-point Gauss–Legendre quadrature (interval bisection until the halves
 * agree with the whole to 1e−12 of ∫|C| dz, prorated by panel width). The chord is split at z = 0 and, if given, at the depths
 * {@code z = ±√(r_b² − ρ²)} where the chord crosses a radius r_b at which C jumps, so a piecewise-smooth profile
 * (e.g. a core–shell particle) is integrated to rounding error.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LamellaProjection {

    private static final double[] GL_NODES;
    private static final double[] GL_WEIGHTS;
    private static final double RELATIVE_TOLERANCE = 1e-12;
    private static final int MAX_DEPTH = 40;
    private static final int MAX_PANELS = 4000;

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(10, -1.0, 1.0);
        GL_NODES = new double[rule.getNumberOfPoints()];
        GL_WEIGHTS = new double[rule.getNumberOfPoints()];
        for (int i = 0; i < GL_NODES.length; i++) {
            GL_NODES[i] = rule.getPoint(i);
            GL_WEIGHTS[i] = rule.getWeight(i);
        }
    }

    private final double radius;
    private final double zLow;
    private final double zHigh;

    /**
     * @param radiusNm  sphere radius a &gt; 0 (nm)
     * @param sectionNm lamella thickness h &gt; 0 (nm)
     * @param offsetNm  position z0 of the lamella mid-plane relative to the sphere centre (nm); the lamella must
     *                  cut the sphere, |z0| &lt; a + h/2
     */
    public LamellaProjection(double radiusNm, double sectionNm, double offsetNm) {
        if (!(Double.isFinite(radiusNm) && radiusNm > 0.0)) {
            throw new IllegalArgumentException("radiusNm must be finite and > 0, got " + radiusNm);
        }
        if (!(Double.isFinite(sectionNm) && sectionNm > 0.0)) {
            throw new IllegalArgumentException("sectionNm (lamella thickness) must be finite and > 0, got " + sectionNm);
        }
        if (!Double.isFinite(offsetNm)) {
            throw new IllegalArgumentException("offsetNm must be finite, got " + offsetNm);
        }
        if (Math.abs(offsetNm) >= radiusNm + sectionNm / 2.0) {
            throw new IllegalArgumentException("offsetNm = " + offsetNm + " puts the lamella outside the sphere: need |offsetNm| < radiusNm + sectionNm/2 = "
                    + (radiusNm + sectionNm / 2.0));
        }
        this.radius = radiusNm;
        this.zLow = offsetNm - sectionNm / 2.0;
        this.zHigh = offsetNm + sectionNm / 2.0;
    }

    /** Length (nm) of the part of the beam path at projected distance ρ that lies in both sphere and lamella; 0 outside the visible disc. */
    public double chordLengthNm(double rhoNm) {
        checkRho(rhoNm);
        double[] chord = chord(rhoNm);
        return chord == null ? 0.0 : chord[1] - chord[0];
    }

    /** Radius (nm) of the disc in which the sphere is seen: √(a² − z_near²), z_near being the smallest |z| in the lamella. */
    public double visibleRadiusNm() {
        double zNear = (zLow <= 0.0 && zHigh >= 0.0) ? 0.0 : Math.min(Math.abs(zLow), Math.abs(zHigh));
        return Math.sqrt((radius - zNear) * (radius + zNear));
    }

    /**
     * Chord average (1/L) ∫ C(√(ρ² + z²)) dz of a smooth radial profile.
     *
     * @param rhoNm             projected distance from the sphere centre (nm), inside the visible disc
     * @param concentrationOfR  C as a function of the 3-D radius r (nm), 0 ≤ r ≤ a
     */
    public double depthAverage(double rhoNm, DoubleUnaryOperator concentrationOfR) {
        return depthAverage(rhoNm, concentrationOfR, new double[0]);
    }

    /**
     * Chord average (1/L) ∫ C(√(ρ² + z²)) dz of a radial profile that is smooth except at the given radii.
     *
     * @param rhoNm             projected distance from the sphere centre (nm), inside the visible disc
     * @param concentrationOfR  C as a function of the 3-D radius r (nm), 0 ≤ r ≤ a
     * @param breakpointsR      radii (nm, finite, ≥ 0) where C or its derivatives jump; any order
     */
    public double depthAverage(double rhoNm, DoubleUnaryOperator concentrationOfR, double[] breakpointsR) {
        checkRho(rhoNm);
        if (concentrationOfR == null) {
            throw new IllegalArgumentException("concentrationOfR must not be null");
        }
        if (breakpointsR == null) {
            throw new IllegalArgumentException("breakpointsR must not be null (use an empty array)");
        }
        double[] chord = chord(rhoNm);
        if (chord == null) {
            throw new IllegalArgumentException("rhoNm = " + rhoNm + " is outside the visible disc of radius "
                    + visibleRadiusNm() + " nm (chord length 0)");
        }
        double lo = chord[0];
        double hi = chord[1];
        double[] cuts = new double[2 * breakpointsR.length + 3];
        int count = 0;
        cuts[count++] = lo;
        cuts[count++] = hi;
        if (lo < 0.0 && hi > 0.0) {
            cuts[count++] = 0.0;
        }
        for (int i = 0; i < breakpointsR.length; i++) {
            double rb = breakpointsR[i];
            if (!(Double.isFinite(rb) && rb >= 0.0)) {
                throw new IllegalArgumentException("breakpointsR[" + i + "] must be finite and >= 0, got " + rb);
            }
            if (rb > rhoNm) {
                double zb = Math.sqrt((rb - rhoNm) * (rb + rhoNm));
                if (zb > lo && zb < hi) {
                    cuts[count++] = zb;
                }
                if (-zb > lo && -zb < hi) {
                    cuts[count++] = -zb;
                }
            }
        }
        Arrays.sort(cuts, 0, count);

        double rhoSq = rhoNm * rhoNm;
        DoubleUnaryOperator integrand = z -> {
            double r = Math.sqrt(rhoSq + z * z);
            double c = concentrationOfR.applyAsDouble(r);
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("concentrationOfR returned " + c + " at r = " + r + " nm; expected a finite value");
            }
            return c;
        };
        double[] coarse = new double[count];
        double scale = 0.0;
        for (int i = 0; i + 1 < count; i++) {
            if (cuts[i + 1] > cuts[i]) {
                coarse[i] = gaussLegendre(integrand, cuts[i], cuts[i + 1]);
                scale += gaussLegendre(z -> Math.abs(integrand.applyAsDouble(z)), cuts[i], cuts[i + 1]);
            }
        }
        double tolerancePerNm = RELATIVE_TOLERANCE * scale / (hi - lo);
        int[] budget = {MAX_PANELS};
        double total = 0.0;
        for (int i = 0; i + 1 < count; i++) {
            if (cuts[i + 1] > cuts[i]) {
                total += adaptive(integrand, cuts[i], cuts[i + 1], coarse[i], tolerancePerNm, 0, budget);
            }
        }
        return total / (hi - lo);
    }

    /** [zMin, zMax] of the chord, or null if it is empty. */
    private double[] chord(double rho) {
        if (rho >= radius) {
            return null;
        }
        double half = Math.sqrt((radius - rho) * (radius + rho));
        double lo = Math.max(zLow, -half);
        double hi = Math.min(zHigh, half);
        return hi > lo ? new double[] {lo, hi} : null;
    }

    private static double adaptive(DoubleUnaryOperator f, double a, double b, double whole, double tolerancePerNm,
            int depth, int[] budget) {
        if (--budget[0] < 0) {
            throw new IllegalStateException("depth integration did not converge within " + MAX_PANELS
                    + " panels; concentrationOfR is probably discontinuous or noisy: pass its jump radii as breakpointsR");
        }
        double mid = 0.5 * (a + b);
        double left = gaussLegendre(f, a, mid);
        double right = gaussLegendre(f, mid, b);
        double sum = left + right;
        if (depth >= MAX_DEPTH || Math.abs(sum - whole) <= tolerancePerNm * (b - a) || mid <= a || mid >= b) {
            return sum;
        }
        return adaptive(f, a, mid, left, tolerancePerNm, depth + 1, budget)
                + adaptive(f, mid, b, right, tolerancePerNm, depth + 1, budget);
    }

    private static double gaussLegendre(DoubleUnaryOperator f, double a, double b) {
        double centre = 0.5 * (a + b);
        double halfWidth = 0.5 * (b - a);
        double sum = 0.0;
        for (int i = 0; i < GL_NODES.length; i++) {
            sum += GL_WEIGHTS[i] * f.applyAsDouble(centre + halfWidth * GL_NODES[i]);
        }
        return sum * halfWidth;
    }

    private static void checkRho(double rhoNm) {
        if (!(Double.isFinite(rhoNm) && rhoNm >= 0.0)) {
            throw new IllegalArgumentException("rhoNm must be finite and >= 0, got " + rhoNm);
        }
    }
}
