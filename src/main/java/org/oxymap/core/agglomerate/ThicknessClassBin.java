package org.oxymap.core.agglomerate;

/**
 * One class within one bin of pixel thickness (the thickness-controlled comparison, Fig. 4c).
 *
 * @param bin     bin index (0 = thinnest)
 * @param loNm    lower edge (inclusive)
 * @param hiNm    upper edge (exclusive; the last bin includes it)
 * @param summary the class's statistics over its pixels in the bin, particles as units
 */
public record ThicknessClassBin(int bin, double loNm, double hiNm, ClassSummary summary) {
}
