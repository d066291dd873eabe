package org.oxymap.core.agglomerate;

/**
 * Fraction of a component in one bin of pixel thickness, over all valid pixels of a map (Fig. 5d).
 *
 * @param loNm   lower edge (inclusive)
 * @param hiNm   upper edge (exclusive)
 * @param mean   thickness-weighted mean fraction with the pixel-level weighted SE
 */
public record ThicknessBin(double loNm, double hiNm, WeightedMean mean) {
}
