package org.oxymap.core.model;

/**
 * The two concentrations a particle keeps in a fit: C0 (surface) and C1 (bulk) for diffusion, C_shell and C_core
 * for the core–shell model, with their standard errors (covariance, scaled by χ²_red when it exceeds 1).
 *
 * @param particle  particle label
 * @param cOuter    C0 or C_shell
 * @param cOuterSe  its standard error
 * @param cInner    C1 or C_core
 * @param cInnerSe  its standard error
 */
public record ParticleConcentrations(int particle, double cOuter, double cOuterSe, double cInner, double cInnerSe) {
}
