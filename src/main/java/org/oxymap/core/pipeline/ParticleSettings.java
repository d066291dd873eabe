package org.oxymap.core.pipeline;

import org.oxymap.core.segment.ExclusionLimits;

/**
 * The particle and profile parameters of a run beyond the threshold method and the minimum area (which
 * {@link PipelineSettings} holds). Same names as the params.json keys (snake case) and command-line options
 * (kebab case).
 *
 * @param fillHoles            fill holes in the thresholded mask ({@code fill_holes})
 * @param maxAreaNm2           particles larger than this are flagged too_large; +infinity = no limit
 *                             ({@code max_area_nm2})
 * @param watershed            split touching particles by a distance-map watershed ({@code watershed})
 * @param watershedHNm         seed depth h of the watershed: a distance maximum seeds its own particle when it rises
 *                             at least h above the saddle to a higher one; NaN = one pixel ({@code watershed_h_nm})
 * @param minSolidity          particles below this solidity are flagged non_convex ({@code min_solidity})
 * @param minCircularity       particles below this circularity are flagged non_convex ({@code min_circularity})
 * @param excludeTouching      particles touching another particle are flagged touches_particle
 *                             ({@code exclude_touching})
 * @param touchingCountsAsEdge a boundary shared with a touching particle counts as edge for the distance
 *                             ({@code touching_counts_as_edge})
 * @param normaliseDistance    also write profiles against edge distance / equivalent radius
 *                             ({@code normalise_distance})
 * @param normalisedBin        bin width of those profiles, as a fraction of the radius ({@code normalised_bin})
 * @param sectors              also write profiles of this many angular sectors; 0 = none ({@code sectors})
 * @param subpixelEdge         place each profiled particle's edge at the visible radius of the sectioned sphere
 *                             fitted to its thickness map, to a fraction of a pixel, instead of at the mask's
 *                             pixel boundary ({@code subpixel_edge}; see {@link ParticleProfiling})
 */
public record ParticleSettings(boolean fillHoles, double maxAreaNm2, boolean watershed, double watershedHNm,
        double minSolidity, double minCircularity, boolean excludeTouching, boolean touchingCountsAsEdge,
        boolean normaliseDistance, double normalisedBin, int sectors, boolean subpixelEdge) {

    /** As before {@code subpixel_edge} existed: the edge at the mask's pixel boundary. */
    public ParticleSettings(boolean fillHoles, double maxAreaNm2, boolean watershed, double watershedHNm,
            double minSolidity, double minCircularity, boolean excludeTouching, boolean touchingCountsAsEdge,
            boolean normaliseDistance, double normalisedBin, int sectors) {
        this(fillHoles, maxAreaNm2, watershed, watershedHNm, minSolidity, minCircularity, excludeTouching,
                touchingCountsAsEdge, normaliseDistance, normalisedBin, sectors, false);
    }

    /**
     * Holes filled, no area limit, watershed on with a one-pixel seed depth, solidity ≥ 0.9, circularity ≥ 0.7
     * (digital discs of 6 px and more measure 0.92–1.04, two merged equal discs 0.5 and 0.88), touching particles excluded,
     * shared boundaries count as edge, no extra profiles.
     */
    public static ParticleSettings defaults() {
        return new ParticleSettings(true, Double.POSITIVE_INFINITY, true, Double.NaN, 0.9, 0.7, true, true, false,
                0.05, 0, true);
    }

    public ParticleSettings withFillHoles(boolean v) {
        return new ParticleSettings(v, maxAreaNm2, watershed, watershedHNm, minSolidity, minCircularity,
                excludeTouching, touchingCountsAsEdge, normaliseDistance, normalisedBin, sectors, subpixelEdge);
    }

    public ParticleSettings withMaxAreaNm2(double v) {
        return new ParticleSettings(fillHoles, v, watershed, watershedHNm, minSolidity, minCircularity,
                excludeTouching, touchingCountsAsEdge, normaliseDistance, normalisedBin, sectors, subpixelEdge);
    }

    public ParticleSettings withWatershed(boolean v) {
        return new ParticleSettings(fillHoles, maxAreaNm2, v, watershedHNm, minSolidity, minCircularity,
                excludeTouching, touchingCountsAsEdge, normaliseDistance, normalisedBin, sectors, subpixelEdge);
    }

    public ParticleSettings withWatershedHNm(double v) {
        return new ParticleSettings(fillHoles, maxAreaNm2, watershed, v, minSolidity, minCircularity,
                excludeTouching, touchingCountsAsEdge, normaliseDistance, normalisedBin, sectors, subpixelEdge);
    }

    public ParticleSettings withMinSolidity(double v) {
        return new ParticleSettings(fillHoles, maxAreaNm2, watershed, watershedHNm, v, minCircularity,
                excludeTouching, touchingCountsAsEdge, normaliseDistance, normalisedBin, sectors, subpixelEdge);
    }

    public ParticleSettings withMinCircularity(double v) {
        return new ParticleSettings(fillHoles, maxAreaNm2, watershed, watershedHNm, minSolidity, v,
                excludeTouching, touchingCountsAsEdge, normaliseDistance, normalisedBin, sectors, subpixelEdge);
    }

    public ParticleSettings withExcludeTouching(boolean v) {
        return new ParticleSettings(fillHoles, maxAreaNm2, watershed, watershedHNm, minSolidity, minCircularity, v,
                touchingCountsAsEdge, normaliseDistance, normalisedBin, sectors, subpixelEdge);
    }

    public ParticleSettings withTouchingCountsAsEdge(boolean v) {
        return new ParticleSettings(fillHoles, maxAreaNm2, watershed, watershedHNm, minSolidity, minCircularity,
                excludeTouching, v, normaliseDistance, normalisedBin, sectors, subpixelEdge);
    }

    public ParticleSettings withNormaliseDistance(boolean v) {
        return new ParticleSettings(fillHoles, maxAreaNm2, watershed, watershedHNm, minSolidity, minCircularity,
                excludeTouching, touchingCountsAsEdge, v, normalisedBin, sectors, subpixelEdge);
    }

    public ParticleSettings withNormalisedBin(double v) {
        return new ParticleSettings(fillHoles, maxAreaNm2, watershed, watershedHNm, minSolidity, minCircularity,
                excludeTouching, touchingCountsAsEdge, normaliseDistance, v, sectors, subpixelEdge);
    }

    public ParticleSettings withSectors(int v) {
        return new ParticleSettings(fillHoles, maxAreaNm2, watershed, watershedHNm, minSolidity, minCircularity,
                excludeTouching, touchingCountsAsEdge, normaliseDistance, normalisedBin, v, subpixelEdge);
    }

    public ParticleSettings withSubpixelEdge(boolean v) {
        return new ParticleSettings(fillHoles, maxAreaNm2, watershed, watershedHNm, minSolidity, minCircularity,
                excludeTouching, touchingCountsAsEdge, normaliseDistance, normalisedBin, sectors, v);
    }

    /** The seed depth in nm: as given, or one pixel (the larger pixel side) when NaN. */
    public double watershedHNm(double pixelWidthNm, double pixelHeightNm) {
        return Double.isNaN(watershedHNm) ? Math.max(pixelWidthNm, pixelHeightNm) : watershedHNm;
    }

    /** The exclusion limits with the run's minimum area. */
    public ExclusionLimits limits(double minAreaNm2) {
        return new ExclusionLimits(minAreaNm2, maxAreaNm2, minSolidity, minCircularity, excludeTouching);
    }

    /** Throws IllegalArgumentException naming the first parameter out of range (kebab-case option names). */
    public void validate(double minAreaNm2) {
        limits(minAreaNm2).validate();
        if (!Double.isNaN(watershedHNm) && !(watershedHNm > 0 && Double.isFinite(watershedHNm))) {
            throw new IllegalArgumentException("parameter watershed-h-nm is " + watershedHNm
                    + ", expected a positive number of nm");
        }
        if (!(normalisedBin > 0 && normalisedBin <= 1)) {
            throw new IllegalArgumentException("parameter normalised-bin is " + normalisedBin
                    + ", expected a fraction of the radius in (0, 1]");
        }
        if (sectors < 0 || sectors == 1 || sectors > 360) {
            throw new IllegalArgumentException("parameter sectors is " + sectors + ", expected 0 (none) or 2..360");
        }
    }
}
