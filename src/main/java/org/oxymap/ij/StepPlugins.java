package org.oxymap.ij;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.WindowManager;

import org.oxymap.core.pipeline.PipelineSettings;

/** Small helpers shared by the per-step plugins' dialogs. */
final class StepPlugins {

    private StepPlugins() {
    }

    /** The current image's title as a dialog default ("" when none is open, meaning: the current image). */
    static String currentTitle() {
        ImagePlus imp = WindowManager.getCurrentImage();
        return imp == null ? "" : imp.getTitle();
    }

    /** The title of an open image if there is one with that title, else "". */
    static String openTitle(String title) {
        return WindowManager.getImage(title) != null ? title : "";
    }

    /** The exclusion limits' fields: max_area_nm2, min_solidity, min_circularity, exclude_touching. */
    static void addLimits(MacroDialog d, ParticleOptions p) {
        d.addNumber(ParticleOptions.MAX_AREA_NM2, p.maxAreaNm2());
        d.addNumber(ParticleOptions.MIN_SOLIDITY, p.minSolidity());
        d.addNumber(ParticleOptions.MIN_CIRCULARITY, p.minCircularity());
        d.addCheckbox(ParticleOptions.EXCLUDE_TOUCHING, p.excludeTouching());
    }

    /** The values of {@link #addLimits}' fields over {@code p}. */
    static ParticleOptions nextLimits(MacroDialog d, ParticleOptions p) {
        return p.withLimits(d.nextNumber(), d.nextNumber(), d.nextNumber(), d.nextBoolean());
    }

    /**
     * All the particle options, as Run Pipeline shows them: fill_holes, watershed, watershed_h_nm, the exclusion
     * limits, touching_counts_as_edge, subpixel_edge.
     */
    static void addParticleOptions(MacroDialog d, ParticleOptions p) {
        d.addCheckbox(ParticleOptions.FILL_HOLES, p.fillHoles());
        d.addCheckbox(ParticleOptions.WATERSHED, p.watershed());
        d.addNumber(ParticleOptions.WATERSHED_H_NM, p.watershedHNm());
        addLimits(d, p);
        d.addCheckbox(ParticleOptions.TOUCHING_COUNTS_AS_EDGE, p.touchingCountsAsEdge());
        d.addCheckbox(ParticleOptions.SUBPIXEL_EDGE, p.subpixelEdge());
    }

    /** The values of {@link #addParticleOptions}' fields over {@code p}. */
    static ParticleOptions nextParticleOptions(MacroDialog d, ParticleOptions p) {
        ParticleOptions o = p.withSegmentation(d.nextBoolean(), d.nextBoolean(), d.nextNumber());
        o = nextLimits(d, o);
        return o.withEdge(d.nextBoolean(), d.nextBoolean());
    }

    /**
     * The fields of Edge-Distance Profiles and Fit Models after their own: probe_fwhm_nm, min_area_nm2, the
     * exclusion limits, touching_counts_as_edge, subpixel_edge; all added after the first documented macro lines.
     */
    static void addProfileOptions(MacroDialog d, ParticleOptions p, String... alsoAddedLater) {
        d.addNumber("probe_fwhm_nm", 0);
        d.addNumber("min_area_nm2", PipelineSettings.defaults().minAreaNm2());
        addLimits(d, p);
        d.addCheckbox(ParticleOptions.TOUCHING_COUNTS_AS_EDGE, p.touchingCountsAsEdge());
        d.addCheckbox(ParticleOptions.SUBPIXEL_EDGE, p.subpixelEdge());
        List<String> later = new ArrayList<>(List.of(alsoAddedLater));
        later.addAll(List.of("probe_fwhm_nm", "min_area_nm2", ParticleOptions.MAX_AREA_NM2,
                ParticleOptions.MIN_SOLIDITY, ParticleOptions.MIN_CIRCULARITY, ParticleOptions.EXCLUDE_TOUCHING,
                ParticleOptions.TOUCHING_COUNTS_AS_EDGE, ParticleOptions.SUBPIXEL_EDGE));
        d.addedLater(later.toArray(new String[0]));
    }

    /**
     * The extra profiles' fields (normalise_distance, normalised_bin, sectors), added after the first documented
     * macro lines: a line without them makes no extra profiles.
     */
    static void addExtraProfiles(MacroDialog d, ExtraProfileOptions e) {
        d.addCheckbox(ExtraProfileOptions.NORMALISE_DISTANCE, e.normaliseDistance());
        d.addNumber(ExtraProfileOptions.NORMALISED_BIN, e.normalisedBin());
        d.addNumber(ExtraProfileOptions.SECTORS, e.sectors());
        d.addedLater(ExtraProfileOptions.KEYS.toArray(new String[0]));
    }

    /** The values of {@link #addExtraProfiles}' fields. */
    static ExtraProfileOptions nextExtraProfiles(MacroDialog d) {
        return new ExtraProfileOptions(d.nextBoolean(), d.nextNumber(), d.nextNumber());
    }

    /** The values of {@link #addProfileOptions}' fields: probe FWHM, minimum area, the particle options. */
    record ProfileOptions(double probeFwhmNm, double minAreaNm2, ParticleOptions particles) {
    }

    static ProfileOptions nextProfileOptions(MacroDialog d, ParticleOptions p) {
        double probe = d.nextNumber();
        double minArea = d.nextNumber();
        ParticleOptions limits = nextLimits(d, p);
        return new ProfileOptions(probe, minArea, limits.withEdge(d.nextBoolean(), d.nextBoolean()));
    }
}
