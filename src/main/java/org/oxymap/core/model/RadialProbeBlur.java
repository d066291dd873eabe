package org.oxymap.core.model;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The probe's blur of a radially symmetric map, across the radius: a Gaussian probe of the given FWHM (intensity
 * profile, σ = FWHM / 2√(2 ln 2)) averages a map f(ρ) as {@code E[f(|ρ + σ Z|)]}, Z standard normal, evaluated by
 * {@value #NODES}-point Gauss–Hermite quadrature ({@code (1/√π) Σ w_j f(|ρ + √2 σ x_j|)}).
 *
 * <p>Only the radial direction is blurred: along a circle of radius ρ the map is constant, and the 2-D Gaussian's
 * extra smoothing from the circle's curvature shifts an edge by about σ²/(2ρ) (0.1 nm for σ = 4.2 nm and
 * ρ = 80 nm), far below a pixel. A FWHM of 0 is a point probe (one node, weight 1).
 */
public final class RadialProbeBlur {

    static final int NODES = 8;

    private final double[] offsetsNm;
    private final double[] weights;

    public RadialProbeBlur(double fwhmNm) {
        if (!(fwhmNm >= 0) || !Double.isFinite(fwhmNm)) {
            throw new IllegalArgumentException("parameter probe-fwhm-nm is " + fwhmNm + ", expected a number of nm >= 0");
        }
        if (fwhmNm == 0) {
            offsetsNm = new double[] {0.0};
            weights = new double[] {1.0};
            return;
        }
        double sigma = fwhmNm / (2 * Math.sqrt(2 * Math.log(2)));
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(NODES);
        offsetsNm = new double[NODES];
        weights = new double[NODES];
        double sum = 0;
        for (int j = 0; j < NODES; j++) {
            offsetsNm[j] = Math.sqrt(2) * sigma * rule.getPoint(j);
            weights[j] = rule.getWeight(j);
            sum += weights[j];
        }
        for (int j = 0; j < NODES; j++) {
            weights[j] /= sum;
        }
    }

    /** Whether this is a point probe (no blur). */
    public boolean isPoint() {
        return offsetsNm.length == 1;
    }

    /** Number of quadrature nodes. */
    public int nodes() {
        return offsetsNm.length;
    }

    /** Radius of node j for a pixel at ρ (nm): |ρ + offset_j|. */
    public double radiusNm(double rhoNm, int j) {
        return Math.abs(rhoNm + offsetsNm[j]);
    }

    /** Weight of node j (the weights sum to 1). */
    public double weight(int j) {
        return weights[j];
    }
}
