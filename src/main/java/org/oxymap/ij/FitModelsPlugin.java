package org.oxymap.ij;

import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.oxymap.core.model.BinResidual;
import org.oxymap.core.model.ModelFit;
import org.oxymap.core.model.ModelFits;
import org.oxymap.core.model.ProfileModel;
import org.oxymap.core.pipeline.ParticleProfiles;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.pipeline.PipelineSteps;
import org.oxymap.core.progress.ProgressListener;

/**
 * Plugins › OxyMap › OxyMap Fit Models: sphere geometry from the thickness, then the diffusion and core–shell fits
 * of the edge-distance profiles per particle and globally, as the pipeline does. Macro keys: {@code labels} (as in
 * Edge-Distance Profiles, {@code [ROI Manager]} included), {@code fraction}, {@code thickness}, {@code time_s}
 * (0 = unknown: D·t only), {@code section_nm}, {@code bin_nm}, {@code probe_fwhm_nm} (the probe blur the maps
 * carry: the step has no stack to deconvolve, so the geometry and both models carry it, as {@code oxymap run
 * --deconvolve-probe false}), and the profile step's {@code min_area_nm2}, exclusion limits and edge options.
 * Makes the table "OxyMap Fits" and a plot of the profile over all particles with both global fits.
 */
public class FitModelsPlugin implements PlugIn {

    public static final String TITLE = "OxyMap Fit Models";

    @Override
    public void run(String arg) {
        try {
            PipelineSettings def = PipelineSettings.defaults();
            ParticleOptions p = ParticleOptions.defaults();
            MacroDialog d = new MacroDialog(TITLE);
            d.addString("labels", StepPlugins.openTitle("labels"));
            d.addString("fraction", StepPlugins.currentTitle());
            d.addString("thickness", StepPlugins.openTitle("thickness"));
            d.addNumber("time_s", 0);
            d.addNumber("section_nm", def.sectionNm());
            d.addNumber("bin_nm", 0);
            StepPlugins.addProfileOptions(d, p);
            if (!d.show()) {
                return;
            }
            String labelsKey = d.nextString();
            ImagePlus fraction = StepImages.resolve(d.nextString(), "fraction", false);
            ImagePlus thickness = StepImages.resolve(d.nextString(), "thickness", false);
            ImagePlus labels = StepParticles.labels(labelsKey, "labels", thickness);
            double time = d.nextNumber();
            double section = d.nextNumber();
            double bin = d.nextNumber();
            StepPlugins.ProfileOptions o = StepPlugins.nextProfileOptions(d, p);
            StepResult r = fit(labels, fraction, thickness, time, section, bin, o.probeFwhmNm(), o.minAreaNm2(),
                    o.particles(), new ImageJProgress());
            StepImages.present(r, null);
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }

    public static StepResult fit(ImagePlus labels, ImagePlus fraction, ImagePlus thickness, double timeS,
            double sectionNm, double binNm, double probeFwhmNm, double minAreaNm2, ParticleOptions particles,
            ProgressListener listener) {
        PipelineSettings settings = EdgeDistanceProfilesPlugin.settings(timeS, sectionNm, binNm, probeFwhmNm,
                minAreaNm2, particles);
        ParticleProfiles p = EdgeDistanceProfilesPlugin.compute(labels, fraction, thickness, settings, listener);
        double[] px = StepImages.pixelNm(labels);
        PipelineSteps.ModelStep step = PipelineSteps.fitModels(settings, p,
                StepImages.plane(thickness, "thickness", 0, 0), StepImages.plane(fraction, "fraction", 0, 0),
                labels.getWidth(), px[0], px[1], listener);
        ModelFits fits = step.fits();
        double t = settings.timeS();
        ResultsTable table = new ResultsTable();
        table.setPrecision(-6);
        for (int i = 0; i < fits.diffusion().size(); i++) {
            addRow(table, fits.diffusion().get(i), t, step.outliers());
            addRow(table, fits.coreShell().get(i), t, step.outliers());
        }
        addRow(table, fits.globalDiffusion(), t, List.of());
        addRow(table, fits.globalCoreShell(), t, List.of());
        Plot plot = new Plot("OxyMap Fits " + fraction.getTitle(), "Distance from edge (nm)", fraction.getTitle());
        addCurve(plot, fits.globalDiffusion(), java.awt.Color.BLACK, true);
        addCurve(plot, fits.globalDiffusion(), java.awt.Color.BLUE, false);
        addCurve(plot, fits.globalCoreShell(), java.awt.Color.RED, false);
        plot.setLegend("data\tdiffusion\tcore-shell", Plot.AUTO_POSITION);
        ModelFit g = fits.globalDiffusion();
        String d = Double.isFinite(t) ? String.format(Locale.ROOT, "D = %.3g cm²/s", g.dCm2PerS(t))
                : String.format(Locale.ROOT, "D·t = %.3g nm²", g.shape());
        return new StepResult().table("OxyMap Fits", table).plot(plot).summary(String.format(Locale.ROOT,
                "%d particles fitted, %d in the global fit; %s", fits.diffusion().size(),
                fits.globalParticles().size(), d));
    }

    private static void addRow(ResultsTable t, ModelFit f, double timeS, List<Integer> outliers) {
        boolean diffusion = f.model() == ProfileModel.DIFFUSION;
        t.addRow();
        t.addValue("particle", f.particle() == 0 ? "all" : String.valueOf(f.particle()));
        t.addValue("model", f.model().label());
        t.addValue("status", f.status());
        number(t, "D_cm2_s", diffusion && f.fitted() && Double.isFinite(timeS) ? f.dCm2PerS(timeS) : Double.NaN);
        number(t, "Dt_nm2", diffusion && f.fitted() ? f.shape() : Double.NaN);
        number(t, "chi2_red", f.fitted() ? f.reducedChi2() : Double.NaN);
        t.addValue("in_global", f.particle() == 0 ? "" : outliers.contains(f.particle()) ? "excluded" : "included");
    }

    /** A number, or an empty cell where there is none (never a silent NaN in the table). */
    private static void number(ResultsTable t, String column, double v) {
        if (Double.isFinite(v)) {
            t.addValue(column, v);
        } else {
            t.addValue(column, "");
        }
    }

    private static void addCurve(Plot plot, ModelFit f, java.awt.Color color, boolean data) {
        List<BinResidual> bins = f.residuals().stream().filter(b -> b.particle() == 0).toList();
        if (bins.isEmpty()) {
            bins = f.residuals();
        }
        double[] x = bins.stream().mapToDouble(BinResidual::distanceNm).toArray();
        plot.setColor(color);
        if (data) {
            plot.addPoints(x, bins.stream().mapToDouble(BinResidual::data).toArray(),
                    bins.stream().mapToDouble(BinResidual::se).toArray(), Plot.CIRCLE);
        } else {
            plot.addPoints(x, bins.stream().mapToDouble(BinResidual::prediction).toArray(), Plot.LINE);
        }
    }
}
