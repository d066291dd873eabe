package org.oxymap.core.segment;

/**
 * Limits that flag a particle as unfit for profiling ({@link ExclusionFlag}).
 *
 * @param minAreaNm2       particles below this area are flagged too small
 * @param maxAreaNm2       particles above this area are flagged too large (+infinity = no limit)
 * @param minSolidity      particles whose solidity (area / convex area) is below this are flagged non-convex
 * @param minCircularity   particles whose circularity 4πA/P² is below this are flagged non-convex
 * @param excludeTouching  whether particles touching another particle are flagged
 */
public record ExclusionLimits(double minAreaNm2, double maxAreaNm2, double minSolidity, double minCircularity,
        boolean excludeTouching) {

    /** No limit at all except the image border. */
    public static ExclusionLimits none() {
        return new ExclusionLimits(0, Double.POSITIVE_INFINITY, 0, 0, false);
    }

    /** Throws IllegalArgumentException naming the first limit out of range (names as in params.json). */
    public void validate() {
        if (!(minAreaNm2 >= 0) || !Double.isFinite(minAreaNm2)) {
            throw new IllegalArgumentException("parameter min-area-nm2 is " + minAreaNm2 + ", expected a number >= 0");
        }
        if (!(maxAreaNm2 > minAreaNm2)) {
            throw new IllegalArgumentException("parameter max-area-nm2 is " + maxAreaNm2
                    + ", expected more than min-area-nm2 (" + minAreaNm2 + ")");
        }
        if (!(minSolidity >= 0 && minSolidity <= 1)) {
            throw new IllegalArgumentException("parameter min-solidity is " + minSolidity + ", expected 0..1");
        }
        if (!(minCircularity >= 0 && minCircularity <= 1)) {
            throw new IllegalArgumentException("parameter min-circularity is " + minCircularity + ", expected 0..1");
        }
    }
}
