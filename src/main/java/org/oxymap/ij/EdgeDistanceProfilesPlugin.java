package org.oxymap.ij;

import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.oxymap.core.pipeline.ParticleProfiles;
import org.oxymap.core.pipeline.ParticleSettings;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.pipeline.PipelineSteps;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.profile.SectorProfileBin;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.ParticleMeasurement;
import org.oxymap.io.PipelineRunner;

/**
 * Plugins › OxyMap › OxyMap Edge-Distance Profiles: the distance of every particle pixel from its own edge and the
 * thickness-weighted profiles of a fraction map. Macro keys: {@code labels} (an open label image or image file, a
 * {@code .roi} or RoiManager {@code .zip}, or {@code [ROI Manager]}: see {@link StepParticles}), {@code fraction},
 * {@code thickness}, {@code bin_nm} (0 = one pixel), {@code section_nm} and {@code probe_fwhm_nm} (the sectioned
 * sphere fitted to each particle's thickness, which places the sub-pixel edge), {@code min_area_nm2} and the
 * exclusion limits and edge options of {@link ParticleOptions}, and the extra profiles of
 * {@link ExtraProfileOptions} ({@code normalise_distance}, {@code normalised_bin}, {@code sectors}). Makes the map
 * "distance" (nm), the tables "OxyMap Profiles" (as profiles.csv; particle 0 = all particles) and "OxyMap
 * Particles", when asked for "OxyMap Normalised Profiles" and "OxyMap Sector Profiles" (as profiles_normalised.csv
 * and profiles_sectors.csv), and a plot of the profile over all particles.
 */
public class EdgeDistanceProfilesPlugin implements PlugIn {

    public static final String TITLE = "OxyMap Edge-Distance Profiles";

    @Override
    public void run(String arg) {
        try {
            ParticleOptions p = ParticleOptions.defaults();
            MacroDialog d = new MacroDialog(TITLE);
            d.addString("labels", StepPlugins.openTitle("labels"));
            d.addString("fraction", StepPlugins.currentTitle());
            d.addString("thickness", StepPlugins.openTitle("thickness"));
            d.addNumber("bin_nm", 0);
            d.addNumber("section_nm", PipelineSettings.defaults().sectionNm());
            StepPlugins.addProfileOptions(d, p, "section_nm");
            StepPlugins.addExtraProfiles(d, ExtraProfileOptions.none());
            if (!d.show()) {
                return;
            }
            String labelsKey = d.nextString();
            ImagePlus fraction = StepImages.resolve(d.nextString(), "fraction", false);
            ImagePlus thickness = StepImages.resolve(d.nextString(), "thickness", false);
            ImagePlus labels = StepParticles.labels(labelsKey, "labels", thickness);
            double bin = d.nextNumber();
            double section = d.nextNumber();
            StepPlugins.ProfileOptions o = StepPlugins.nextProfileOptions(d, p);
            ExtraProfileOptions extra = StepPlugins.nextExtraProfiles(d);
            StepResult r = profiles(labels, fraction, thickness, bin, section, o.probeFwhmNm(), o.minAreaNm2(),
                    o.particles(), extra, new ImageJProgress());
            StepImages.present(r, null);
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }

    /**
     * The settings of the profile steps: the pipeline's, with the step's values. The maps are not deconvolved (the
     * step has no stack), so a probe FWHM is the blur the geometry fit and the models carry, as with
     * {@code oxymap run --deconvolve-probe false}.
     *
     * @param timeS 0 = unknown; {@code binNm} 0 = one pixel; {@code probeFwhmNm} 0 = point probe
     */
    static PipelineSettings settings(double timeS, double sectionNm, double binNm, double probeFwhmNm,
            double minAreaNm2, ParticleOptions particles) {
        return settings(timeS, sectionNm, binNm, probeFwhmNm, minAreaNm2, particles, ExtraProfileOptions.none());
    }

    /** As above, with the extra profiles. */
    static PipelineSettings settings(double timeS, double sectionNm, double binNm, double probeFwhmNm,
            double minAreaNm2, ParticleOptions particles, ExtraProfileOptions extra) {
        ParticleSettings p = extra.applyTo(particles.settings(minAreaNm2));
        PipelineSettings s = PipelineRunner.settings(timeS, sectionNm, binNm, null, null, minAreaNm2);
        s = PipelineRunner.withProbe(s.withParticles(p), probeFwhmNm, false);
        s.validate();
        return s;
    }

    /** The particle profiles of the step's images, as the pipeline computes them. */
    static ParticleProfiles compute(ImagePlus labels, ImagePlus fraction, ImagePlus thickness,
            PipelineSettings settings, ProgressListener listener) {
        int w = labels.getWidth();
        int h = labels.getHeight();
        double[] px = StepImages.pixelNm(labels);
        return PipelineSteps.profiles(settings, StepImages.labels(labels, "labels", w, h),
                StepImages.plane(thickness, "thickness", w, h), StepImages.plane(fraction, "fraction", w, h), w, h,
                px[0], px[1], listener);
    }

    /** The profiles without extra profiles (as a line without their keys makes them). */
    public static StepResult profiles(ImagePlus labels, ImagePlus fraction, ImagePlus thickness, double binNm,
            double sectionNm, double probeFwhmNm, double minAreaNm2, ParticleOptions options,
            ProgressListener listener) {
        return profiles(labels, fraction, thickness, binNm, sectionNm, probeFwhmNm, minAreaNm2, options,
                ExtraProfileOptions.none(), listener);
    }

    /**
     * @param labels the particles (a label image; {@link StepParticles#particles} makes one from ROIs or a file)
     */
    public static StepResult profiles(ImagePlus labels, ImagePlus fraction, ImagePlus thickness, double binNm,
            double sectionNm, double probeFwhmNm, double minAreaNm2, ParticleOptions options,
            ExtraProfileOptions extra, ProgressListener listener) {
        PipelineSettings settings = settings(0, sectionNm, binNm, probeFwhmNm, minAreaNm2, options, extra);
        ParticleProfiles p = compute(labels, fraction, thickness, settings, listener);
        double[] px = StepImages.pixelNm(labels);
        ImagePlus distance = StepImages.map("distance", p.distanceNm(), labels.getWidth(), labels.getHeight(), px[0],
                px[1], StepImages.Look.HEAT);
        ResultsTable bins = profileTable(p.bins());
        ResultsTable particles = new ResultsTable();
        particles.setPrecision(6);
        for (ParticleMeasurement m : p.particles()) {
            particles.addRow();
            particles.addValue("particle", m.label());
            particles.addValue("x_px", m.xPx());
            particles.addValue("y_px", m.yPx());
            particles.addValue("area_nm2", m.areaNm2());
            particles.addValue("radius_nm", m.radiusNm());
            particles.addValue("mean_fraction", m.meanFraction());
            particles.addValue("mean_thickness_nm", m.meanThicknessNm());
            particles.addValue("profiled", m.profiled() ? 1 : 0);
            particles.addValue("flags", m.flagLabels());
        }
        List<ProfileBin> all = p.bins().stream().filter(b -> b.particle() == 0).toList();
        Plot plot = new Plot("OxyMap Profile " + fraction.getTitle(), "Distance from edge (nm)",
                fraction.getTitle());
        double[] x = all.stream().mapToDouble(ProfileBin::distanceNm).toArray();
        double[] y = all.stream().mapToDouble(ProfileBin::mean).toArray();
        double[] se = all.stream().mapToDouble(ProfileBin::se).toArray();
        plot.addPoints(x, y, se, Plot.CONNECTED_CIRCLES);
        long profiled = java.util.Arrays.stream(p.particles()).filter(ParticleMeasurement::profiled).count();
        StepResult result = new StepResult().image(distance).table("OxyMap Profiles", bins)
                .table("OxyMap Particles", particles).plot(plot);
        String extras = "";
        if (settings.particles().normaliseDistance()) {
            result.table("OxyMap Normalised Profiles", normalisedTable(p.normalisedBins()));
            extras += String.format(Locale.ROOT, ", %d normalised bins", p.normalisedBins().size());
        }
        if (settings.particles().sectors() > 0) {
            result.table("OxyMap Sector Profiles", sectorTable(p.sectorBins()));
            extras += String.format(Locale.ROOT, ", %d sector bins", p.sectorBins().size());
        }
        return result.summary(String.format(Locale.ROOT, "%d particles, %d profiled, %d bins over all%s",
                p.particles().length, profiled, all.size(), extras));
    }

    /** The normalised profiles as profiles_normalised.csv has them (particle 0 = all particles). */
    static ResultsTable normalisedTable(List<ProfileBin> bins) {
        return binTable(bins, "distance_rel");
    }

    /** The sector profiles as profiles_sectors.csv has them (particle 0 = all particles). */
    static ResultsTable sectorTable(List<SectorProfileBin> bins) {
        ResultsTable t = new ResultsTable();
        t.setPrecision(6);
        for (SectorProfileBin s : bins) {
            t.addRow();
            t.addValue("particle", s.bin().particle());
            t.addValue("sector", s.sector());
            t.addValue("from_deg", s.fromDeg());
            t.addValue("to_deg", s.toDeg());
            addBin(t, s.bin(), "distance_nm");
        }
        return t;
    }

    static ResultsTable profileTable(List<ProfileBin> bins) {
        return binTable(bins, "distance_nm");
    }

    private static ResultsTable binTable(List<ProfileBin> bins, String distanceColumn) {
        ResultsTable t = new ResultsTable();
        t.setPrecision(6);
        for (ProfileBin b : bins) {
            t.addRow();
            t.addValue("particle", b.particle());
            addBin(t, b, distanceColumn);
        }
        return t;
    }

    /** A bin's distance, mean, se, weight and n in the table's current row. */
    private static void addBin(ResultsTable t, ProfileBin b, String distanceColumn) {
        t.addValue(distanceColumn, b.distanceNm());
        t.addValue("mean", b.mean());
        t.addValue("se", b.se());
        t.addValue("weight", b.weight());
        t.addValue("n", b.n());
    }
}
