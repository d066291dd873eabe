package org.oxymap.core.model;

/**
 * One profile bin next to a model's prediction for it.
 *
 * @param particle    particle label, or 0 for the ensemble of the particles in a global fit
 * @param distanceNm  bin centre: distance from the visible edge (nm), as in {@code profiles.csv}
 * @param data        the bin's thickness-weighted mean
 * @param se          its standard error (floored at {@link ProfiledParticle#MIN_SE})
 * @param prediction  the model, averaged over the bin's pixels with the same weights as the data
 */
public record BinResidual(int particle, double distanceNm, double data, double se, double prediction) {

    /** (data − model)/SE. */
    public double normalizedResidual() {
        return (data - prediction) / se;
    }
}
