package org.oxymap.core.segment;

/**
 * Shape of one labelled region.
 *
 * @param pixels          pixel count
 * @param perimeterNm     Crofton perimeter estimate
 * @param convexPixels    pixels whose centres lie in the convex hull of the region's pixel centres (≥ pixels)
 * @param hasInterior     true when at least one pixel has all four edge neighbours in the region
 * @param touchesOther    true when a pixel of another region is among its 8 neighbours
 */
public record RegionShape(int pixels, double perimeterNm, long convexPixels, boolean hasInterior,
        boolean touchesOther) {

    /** Solidity: area over convex-hull area, both counted in pixels; 1 for a digitally convex region. */
    public double solidity() {
        return (double) pixels / convexPixels;
    }

    /** Circularity 4πA/P² (1 for a disc), with A the pixel area. */
    public double circularity(double pixelWidthNm, double pixelHeightNm) {
        double area = pixels * pixelWidthNm * pixelHeightNm;
        return 4 * Math.PI * area / (perimeterNm * perimeterNm);
    }
}
