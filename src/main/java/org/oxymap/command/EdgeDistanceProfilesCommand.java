package org.oxymap.command;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.oxymap.ij.EdgeDistanceProfilesPlugin;
import org.oxymap.ij.ExtraProfileOptions;
import org.oxymap.ij.ImageJProgress;
import org.oxymap.ij.MacroKeys;
import org.oxymap.ij.ParticleOptions;
import org.oxymap.ij.StepResult;

/**
 * OxyMap Edge-Distance Profiles for scripts; see {@link EdgeDistanceProfilesPlugin}. The particles are a label
 * image ({@code labels}) or, instead, {@code particles_from}: "ROI Manager" (the running ImageJ's; there is none
 * headless) or a particle file as {@code oxymap run --particles} takes it. (The output {@code particles} is the
 * particle table, as before.) With {@code normalise_distance} or {@code sectors} the outputs
 * {@code normalised_profiles} and {@code sector_profiles} hold the extra profiles (null when not asked for).
 */
@Plugin(type = Command.class, label = "OxyMap Edge-Distance Profiles", headless = true)
public class EdgeDistanceProfilesCommand implements Command {

    private static final ParticleOptions DEFAULTS = ParticleOptions.defaults();
    private static final ExtraProfileOptions EXTRA = ExtraProfileOptions.none();

    @Parameter(label = "Particle labels", persist = false, required = false)
    private ImagePlus labels;

    @Parameter(label = "Particles (instead of labels)", persist = false, required = false,
            description = "ROI Manager, or a label/mask TIFF, .roi or RoiManager .zip")
    private String particles_from;

    @Parameter(label = "Fraction map", persist = false)
    private ImagePlus fraction;

    @Parameter(label = "Thickness map", persist = false)
    private ImagePlus thickness;

    @Parameter(label = "Profile bin (nm), 0 = one pixel", persist = false, min = "0")
    private double bin_nm = 0;

    @Parameter(label = "Section (nm)", persist = false)
    private double section_nm = 80;

    @Parameter(label = "Probe FWHM (nm), 0 = point probe", persist = false, min = "0")
    private double probe_fwhm_nm = 0;

    @Parameter(label = "Min. particle area (nm²)", persist = false)
    private double min_area_nm2 = 2000;

    @Parameter(label = "Max. particle area (nm²), 0 = no limit", persist = false, min = "0")
    private double max_area_nm2 = DEFAULTS.maxAreaNm2();

    @Parameter(label = "Min. solidity", persist = false, min = "0", max = "1")
    private double min_solidity = DEFAULTS.minSolidity();

    @Parameter(label = "Min. circularity", persist = false, min = "0", max = "1")
    private double min_circularity = DEFAULTS.minCircularity();

    @Parameter(label = "Exclude touching particles", persist = false)
    private boolean exclude_touching = DEFAULTS.excludeTouching();

    @Parameter(label = "Shared boundary counts as edge", persist = false)
    private boolean touching_counts_as_edge = DEFAULTS.touchingCountsAsEdge();

    @Parameter(label = "Sub-pixel edge", persist = false)
    private boolean subpixel_edge = DEFAULTS.subpixelEdge();

    @Parameter(label = "Also profiles against distance / radius", persist = false)
    private boolean normalise_distance = EXTRA.normaliseDistance();

    @Parameter(label = "Their bin (fraction of the radius)", persist = false, min = "0", max = "1")
    private double normalised_bin = EXTRA.normalisedBin();

    @Parameter(label = "Angular sectors, 0 = none", persist = false, min = "0", max = "360")
    private int sectors = (int) EXTRA.sectors();

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus distance;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable profiles;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable particles;

    /** Only with {@code normalise_distance}. */
    @Parameter(type = ItemIO.OUTPUT, required = false)
    private ResultsTable normalised_profiles;

    /** Only with {@code sectors} > 0. */
    @Parameter(type = ItemIO.OUTPUT, required = false)
    private ResultsTable sector_profiles;

    /** Runs the step; an error names a parameter by its key ({@link MacroKeys}). */
    @Override
    public void run() {
        try {
            runStep();
        } catch (RuntimeException e) {
            throw MacroKeys.inMacroTerms(e);
        }
    }

    private void runStep() {
        Steps.require(fraction, "fraction");
        Steps.require(thickness, "thickness");
        ImagePlus l = Steps.particles(labels, particles_from, thickness);
        ParticleOptions p = DEFAULTS.withLimits(max_area_nm2, min_solidity, min_circularity, exclude_touching)
                .withEdge(touching_counts_as_edge, subpixel_edge);
        StepResult r = EdgeDistanceProfilesPlugin.profiles(l, fraction, thickness, bin_nm, section_nm, probe_fwhm_nm,
                min_area_nm2, p, new ExtraProfileOptions(normalise_distance, normalised_bin, sectors),
                new ImageJProgress());
        distance = r.image("distance");
        profiles = Steps.table(r, "OxyMap Profiles");
        particles = Steps.table(r, "OxyMap Particles");
        normalised_profiles = r.tables().get("OxyMap Normalised Profiles");
        sector_profiles = r.tables().get("OxyMap Sector Profiles");
    }
}
