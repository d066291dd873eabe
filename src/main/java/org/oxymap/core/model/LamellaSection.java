package org.oxymap.core.model;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * One way the lamella may cut a particle, with its weight in the model: sphere radius a, offset z0 of the lamella
 * mid-plane and section thickness h. A particle's model is the weighted sum over its sections (one section unless
 * the offset is averaged, see {@link OffsetMode}).
 *
 * @param radiusNm  sphere radius a
 * @param offsetNm  |z0|
 * @param sectionNm h
 * @param weight    weight of this section in the average (weights of a particle sum to 1)
 */
record LamellaSection(double radiusNm, double offsetNm, double sectionNm, double weight) {

    private static final int NODES_PER_PIECE = 6;

    /** The sections of a particle for the given offset handling. */
    static List<LamellaSection> of(ParticleGeometry g, ModelFitSettings settings) {
        double h = g.sectionNm();
        double visible = g.projection().visibleRadiusNm();
        switch (settings.offsetMode()) {
            case FITTED:
                return List.of(new LamellaSection(g.radiusNm(), g.offsetNm(), h, 1.0));
            case FIXED:
                return List.of(new LamellaSection(radiusKeepingVisible(visible, settings.offsetNm(), h),
                        settings.offsetNm(), h, 1.0));
            case UNIFORM:
            default:
                double zMax = Double.isNaN(settings.offsetMaxNm()) ? visible : settings.offsetMaxNm();
                // a(z0) has a kink at z0 = h/2 (below it the lamella holds the equator): integrate the pieces apart.
                List<LamellaSection> out = new ArrayList<>();
                double kink = Math.min(zMax, h / 2);
                addGauss(out, 0, kink, zMax, visible, h);
                if (zMax > kink) {
                    addGauss(out, kink, zMax, zMax, visible, h);
                }
                return List.copyOf(out);
        }
    }

    /** a = √(R² + max(0, |z0| − h/2)²): the sphere whose cut at offset z0 is R wide. */
    static double radiusKeepingVisible(double visibleNm, double offsetNm, double sectionNm) {
        double zNear = Math.max(0, Math.abs(offsetNm) - sectionNm / 2);
        return Math.sqrt(visibleNm * visibleNm + zNear * zNear);
    }

    private static void addGauss(List<LamellaSection> out, double lo, double hi, double zMax, double visible, double h) {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(NODES_PER_PIECE, lo, hi);
        for (int i = 0; i < rule.getNumberOfPoints(); i++) {
            double z = rule.getPoint(i);
            out.add(new LamellaSection(radiusKeepingVisible(visible, z, h), z, h, rule.getWeight(i) / zMax));
        }
    }

    /** [zLow, zHigh] of the chord at projected distance ρ (nm), or null if the beam misses the particle. */
    double[] chord(double rhoNm) {
        if (rhoNm >= radiusNm) {
            return null;
        }
        double half = Math.sqrt((radiusNm - rhoNm) * (radiusNm + rhoNm));
        double lo = Math.max(offsetNm - sectionNm / 2, -half);
        double hi = Math.min(offsetNm + sectionNm / 2, half);
        return hi > lo ? new double[] {lo, hi} : null;
    }

    /** Visible radius of this cut. */
    double visibleRadiusNm() {
        double zNear = Math.max(0, offsetNm - sectionNm / 2);
        return Math.sqrt((radiusNm - zNear) * (radiusNm + zNear));
    }
}
