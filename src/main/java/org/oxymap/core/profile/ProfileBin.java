package org.oxymap.core.profile;

/**
 * One distance bin of an edge-distance profile.
 *
 * @param particle   particle label, or 0 for the ensemble of all profiled particles
 * @param distanceNm centre of the bin: distance from the particle's edge in nm
 * @param mean       thickness-weighted mean of the profiled value
 * @param se         weighted standard error, sqrt(Σw(x−x̄)²/Σw)/sqrt(n_eff) with n_eff = (Σw)²/Σw²
 * @param weight     Σw (the summed thickness, nm)
 * @param n          number of pixels
 */
public record ProfileBin(int particle, double distanceNm, double mean, double se, double weight, int n) {
}
