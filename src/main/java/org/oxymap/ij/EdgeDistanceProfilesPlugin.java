package org.oxymap.ij;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.oxymap.core.pipeline.ParticleProfiles;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.pipeline.PipelineSteps;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.ExclusionFlag;
import org.oxymap.core.segment.ParticleMeasurement;
import org.oxymap.io.PipelineRunner;

/**
 * Plugins › OxyMap › OxyMap Edge-Distance Profiles: the distance of every particle pixel from its own edge and the
 * thickness-weighted profiles of a fraction map. Macro keys: {@code labels}, {@code fraction}, {@code thickness},
 * {@code bin_nm} (0 = one pixel). Makes the map "distance" (nm), the tables "OxyMap Profiles" (as profiles.csv;
 * particle 0 = all particles) and "OxyMap Particles" and a plot of the profile over all particles.
 */
public class EdgeDistanceProfilesPlugin implements PlugIn {

    public static final String TITLE = "OxyMap Edge-Distance Profiles";

    @Override
    public void run(String arg) {
        try {
            MacroDialog d = new MacroDialog(TITLE);
            d.addString("labels", StepPlugins.openTitle("labels"));
            d.addString("fraction", StepPlugins.currentTitle());
            d.addString("thickness", StepPlugins.openTitle("thickness"));
            d.addNumber("bin_nm", 0);
            if (!d.show()) {
                return;
            }
            ImagePlus labels = StepImages.resolve(d.nextString(), "labels", false);
            ImagePlus fraction = StepImages.resolve(d.nextString(), "fraction", false);
            ImagePlus thickness = StepImages.resolve(d.nextString(), "thickness", false);
            double bin = d.nextNumber();
            StepResult r = profiles(labels, fraction, thickness, bin, new ImageJProgress());
            StepImages.present(r, null);
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
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

    public static StepResult profiles(ImagePlus labels, ImagePlus fraction, ImagePlus thickness, double binNm,
            ProgressListener listener) {
        PipelineSettings settings = PipelineRunner.settings(0, PipelineSettings.defaults().sectionNm(), binNm, null,
                null, PipelineSettings.defaults().minAreaNm2());
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
            particles.addValue("flags", m.flags().stream().map(ExclusionFlag::label)
                    .collect(Collectors.joining(";")));
        }
        List<ProfileBin> all = p.bins().stream().filter(b -> b.particle() == 0).toList();
        Plot plot = new Plot("OxyMap Profile " + fraction.getTitle(), "Distance from edge (nm)",
                fraction.getTitle());
        double[] x = all.stream().mapToDouble(ProfileBin::distanceNm).toArray();
        double[] y = all.stream().mapToDouble(ProfileBin::mean).toArray();
        double[] se = all.stream().mapToDouble(ProfileBin::se).toArray();
        plot.addPoints(x, y, se, Plot.CONNECTED_CIRCLES);
        long profiled = java.util.Arrays.stream(p.particles()).filter(ParticleMeasurement::profiled).count();
        return new StepResult().image(distance).table("OxyMap Profiles", bins).table("OxyMap Particles", particles)
                .plot(plot).summary(String.format(Locale.ROOT, "%d particles, %d profiled, %d bins over all",
                        p.particles().length, profiled, all.size()));
    }

    static ResultsTable profileTable(List<ProfileBin> bins) {
        ResultsTable t = new ResultsTable();
        t.setPrecision(6);
        for (ProfileBin b : bins) {
            t.addRow();
            t.addValue("particle", b.particle());
            t.addValue("distance_nm", b.distanceNm());
            t.addValue("mean", b.mean());
            t.addValue("se", b.se());
            t.addValue("weight", b.weight());
            t.addValue("n", b.n());
        }
        return t;
    }
}
