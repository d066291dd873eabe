package org.oxymap.ij;

import java.util.List;

import org.oxymap.core.pipeline.ParticleSettings;

/**
 * The particle options of the Fiji steps (Segment Particles, Edge-Distance Profiles, Fit Models, Run Pipeline), as
 * their dialogs, macro lines and SciJava commands take them: the keys of {@link ParticleSettings} (params.json) in
 * snake case, with the two values a dialog cannot leave empty written as 0: {@code watershed_h_nm} 0 = one pixel (the
 * larger pixel side), {@code max_area_nm2} 0 = no limit. Each step uses the options it shows and leaves the others at
 * the defaults, which are those of {@code oxymap run}; Run Pipeline takes all nine.
 */
public record ParticleOptions(boolean fillHoles, boolean watershed, double watershedHNm, double maxAreaNm2,
        double minSolidity, double minCircularity, boolean excludeTouching, boolean touchingCountsAsEdge,
        boolean subpixelEdge) {

    /** The keys in dialog order. */
    static final String FILL_HOLES = "fill_holes";
    static final String WATERSHED = "watershed";
    static final String WATERSHED_H_NM = "watershed_h_nm";
    static final String MAX_AREA_NM2 = "max_area_nm2";
    static final String MIN_SOLIDITY = "min_solidity";
    static final String MIN_CIRCULARITY = "min_circularity";
    static final String EXCLUDE_TOUCHING = "exclude_touching";
    static final String TOUCHING_COUNTS_AS_EDGE = "touching_counts_as_edge";
    static final String SUBPIXEL_EDGE = "subpixel_edge";
    /** All nine, in the order Run Pipeline shows them. */
    static final List<String> KEYS = List.of(FILL_HOLES, WATERSHED, WATERSHED_H_NM, MAX_AREA_NM2,
            MIN_SOLIDITY, MIN_CIRCULARITY, EXCLUDE_TOUCHING, TOUCHING_COUNTS_AS_EDGE, SUBPIXEL_EDGE);

    /** {@link ParticleSettings#defaults()} in the dialogs' terms. */
    public static ParticleOptions defaults() {
        ParticleSettings d = ParticleSettings.defaults();
        return new ParticleOptions(d.fillHoles(), d.watershed(), 0, 0, d.minSolidity(), d.minCircularity(),
                d.excludeTouching(), d.touchingCountsAsEdge(), d.subpixelEdge());
    }

    /** Segment Particles' options over the defaults. */
    public ParticleOptions withSegmentation(boolean fillHoles, boolean watershed, double watershedHNm) {
        return new ParticleOptions(fillHoles, watershed, watershedHNm, maxAreaNm2, minSolidity, minCircularity,
                excludeTouching, touchingCountsAsEdge, subpixelEdge);
    }

    /** The exclusion limits (besides the minimum area, which the steps take as {@code min_area_nm2}). */
    public ParticleOptions withLimits(double maxAreaNm2, double minSolidity, double minCircularity,
            boolean excludeTouching) {
        return new ParticleOptions(fillHoles, watershed, watershedHNm, maxAreaNm2, minSolidity, minCircularity,
                excludeTouching, touchingCountsAsEdge, subpixelEdge);
    }

    /** Where the edge is for the distance. */
    public ParticleOptions withEdge(boolean touchingCountsAsEdge, boolean subpixelEdge) {
        return new ParticleOptions(fillHoles, watershed, watershedHNm, maxAreaNm2, minSolidity, minCircularity,
                excludeTouching, touchingCountsAsEdge, subpixelEdge);
    }

    /**
     * The pipeline's particle settings, without extra profiles ({@link ExtraProfileOptions#applyTo} adds them).
     *
     * @param minAreaNm2 the step's {@code min_area_nm2}, which {@code max_area_nm2} must exceed
     * @throws IllegalArgumentException naming the key of a value out of range
     */
    public ParticleSettings settings(double minAreaNm2) {
        if (!(minAreaNm2 >= 0 && Double.isFinite(minAreaNm2))) {
            throw new IllegalArgumentException("parameter min_area_nm2 is " + minAreaNm2
                    + ", expected the smallest particle area in nm² (>= 0)");
        }
        if (!(watershedHNm >= 0 && Double.isFinite(watershedHNm))) {
            throw new IllegalArgumentException("parameter " + WATERSHED_H_NM + " is " + watershedHNm
                    + ", expected the watershed's seed depth in nm, or 0 for one pixel");
        }
        if (!(maxAreaNm2 >= 0 && Double.isFinite(maxAreaNm2))) {
            throw new IllegalArgumentException("parameter " + MAX_AREA_NM2 + " is " + maxAreaNm2
                    + ", expected the largest particle area in nm², or 0 for no limit");
        }
        if (maxAreaNm2 > 0 && !(maxAreaNm2 > minAreaNm2)) {
            throw new IllegalArgumentException("parameter " + MAX_AREA_NM2 + " is " + maxAreaNm2
                    + ", expected more than min_area_nm2 (" + minAreaNm2 + "), or 0 for no limit");
        }
        if (!(minSolidity >= 0 && minSolidity <= 1)) {
            throw new IllegalArgumentException("parameter " + MIN_SOLIDITY + " is " + minSolidity
                    + ", expected 0..1");
        }
        if (!(minCircularity >= 0 && minCircularity <= 1)) {
            throw new IllegalArgumentException("parameter " + MIN_CIRCULARITY + " is " + minCircularity
                    + ", expected 0..1");
        }
        return ParticleSettings.defaults().withFillHoles(fillHoles).withWatershed(watershed)
                .withWatershedHNm(watershedHNm == 0 ? Double.NaN : watershedHNm)
                .withMaxAreaNm2(maxAreaNm2 == 0 ? Double.POSITIVE_INFINITY : maxAreaNm2)
                .withMinSolidity(minSolidity).withMinCircularity(minCircularity).withExcludeTouching(excludeTouching)
                .withTouchingCountsAsEdge(touchingCountsAsEdge).withSubpixelEdge(subpixelEdge);
    }
}
