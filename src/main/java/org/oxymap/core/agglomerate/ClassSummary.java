package org.oxymap.core.agglomerate;

/**
 * Statistics of one class (overall, or within one thickness bin).
 *
 * @param agglomerateClass the class
 * @param mean             thickness-weighted mean fraction with its SE over particles
 * @param particles        particles with at least one valid pixel (in the bin)
 * @param pixels           valid pixels (in the bin)
 */
public record ClassSummary(AgglomerateClass agglomerateClass, WeightedMean mean, int particles, int pixels) {
}
