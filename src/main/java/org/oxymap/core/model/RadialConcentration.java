package org.oxymap.core.model;

/**
 * A concentration (here: the fraction of a reduced component) as a function of the 3-D distance r from a
 * spherical particle's centre, with the radii at which it jumps (so that depth integrals can be split there).
 */
public interface RadialConcentration {

    /** Concentration at distance {@code rNm} from the centre. */
    double at(double rNm);

    /** Radii (nm) where the concentration is discontinuous; empty for a smooth profile. */
    default double[] discontinuitiesNm() {
        return new double[0];
    }

    /**
     * Diffusion from a surface held at {@code cSurface} into a sphere of radius {@code radiusNm} that started at
     * {@code cBulk}, after a dimensionless time τ = D t / a² (Crank eq. 6.18 via {@link SphereDiffusion}).
     */
    static RadialConcentration sphereDiffusion(double radiusNm, double tau, double cSurface, double cBulk) {
        if (!(radiusNm > 0)) {
            throw new IllegalArgumentException("particle radius is " + radiusNm + " nm, expected > 0");
        }
        if (!(tau >= 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("D·t/a² is " + tau + ", expected a finite number >= 0");
        }
        return r -> cBulk + (cSurface - cBulk)
                * SphereDiffusion.normalizedConcentration(Math.min(1.0, Math.max(0.0, r / radiusNm)), tau);
    }

    /**
     * Two-phase core–shell particle: {@code cShell} for r > a − δ, {@code cCore} inside.
     */
    static RadialConcentration coreShell(double radiusNm, double shellNm, double cShell, double cCore) {
        if (!(radiusNm > 0)) {
            throw new IllegalArgumentException("particle radius is " + radiusNm + " nm, expected > 0");
        }
        if (!(shellNm >= 0)) {
            throw new IllegalArgumentException("shell thickness is " + shellNm + " nm, expected >= 0");
        }
        double boundary = Math.max(0.0, radiusNm - shellNm);
        return new RadialConcentration() {
            @Override
            public double at(double rNm) {
                return rNm > boundary ? cShell : cCore;
            }

            @Override
            public double[] discontinuitiesNm() {
                return boundary > 0 && boundary < radiusNm ? new double[] {boundary} : new double[0];
            }
        };
    }
}
