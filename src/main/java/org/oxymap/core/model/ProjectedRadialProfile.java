package org.oxymap.core.model;

/**
 * A radial concentration projected through a lamella and tabulated against the projected distance ρ from the
 * particle centre: the depth-averaged concentration m(ρ), which is what a transmission pixel measures, next to the
 * exact chord length L(ρ), which is the pixel's thickness (DESIGN.md §2, "Cross-sectioned particles").
 *
 * <p>The table has {@code n} equally spaced nodes on [0, visible radius]; values between nodes are linearly
 * interpolated. The last node is taken just inside the visible edge, where the chord is short but not zero.
 */
public final class ProjectedRadialProfile {

    private final LamellaProjection geometry;
    private final double visibleRadiusNm;
    private final double stepNm;
    private final double[] meanConcentration;

    public ProjectedRadialProfile(LamellaProjection geometry, RadialConcentration concentration, int nodes) {
        if (nodes < 2) {
            throw new IllegalArgumentException("a projected profile needs at least 2 nodes, got " + nodes);
        }
        this.geometry = geometry;
        this.visibleRadiusNm = geometry.visibleRadiusNm();
        this.stepNm = visibleRadiusNm / (nodes - 1);
        this.meanConcentration = new double[nodes];
        double[] breaks = concentration.discontinuitiesNm();
        for (int i = 0; i < nodes; i++) {
            double rho = Math.min(i * stepNm, visibleRadiusNm * (1 - 1e-9));
            meanConcentration[i] = breaks.length == 0 ? geometry.depthAverage(rho, concentration::at)
                    : geometry.depthAverage(rho, concentration::at, breaks);
        }
    }

    public LamellaProjection geometry() {
        return geometry;
    }

    public double visibleRadiusNm() {
        return visibleRadiusNm;
    }

    /** True when ρ lies inside the visible disc. */
    public boolean contains(double rhoNm) {
        return rhoNm < visibleRadiusNm;
    }

    /** Chord length (nm) at projected distance ρ (nm), exact; 0 outside the visible disc. */
    public double chordNm(double rhoNm) {
        return rhoNm >= visibleRadiusNm ? 0.0 : geometry.chordLengthNm(rhoNm);
    }

    /** Depth-averaged concentration at ρ (nm); ρ beyond the edge takes the edge value. */
    public double meanConcentration(double rhoNm) {
        return interpolate(meanConcentration, Math.min(rhoNm, visibleRadiusNm));
    }

    private double interpolate(double[] table, double rho) {
        double u = rho / stepNm;
        int i = (int) Math.floor(u);
        if (i >= table.length - 1) {
            return table[table.length - 1];
        }
        if (i < 0) {
            return table[0];
        }
        double t = u - i;
        return table[i] + t * (table[i + 1] - table[i]);
    }
}
