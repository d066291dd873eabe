package org.oxymap.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.oxymap.core.model.BinResidual;
import org.oxymap.core.model.ModelComparison;
import org.oxymap.core.model.ModelFit;
import org.oxymap.core.model.ModelFits;

/**
 * PNG plots of the model fits: for each profiled particle {@code plots/fit_<particle>.png} (its profile with
 * ±1 SE error bars and both per-particle models), and {@code plots/fit_all.png} (the ensemble profile of the
 * particles in the global fit, with both global models). Models are drawn through their bin predictions (the
 * model averaged over each bin's pixels, i.e. what was fitted), at the bin centres. Rendering is headless.
 */
public final class FitPlotWriter {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 420;
    private static final Color DIFFUSION = new Color(0, 90, 181);
    private static final Color CORE_SHELL = new Color(220, 50, 32);

    private FitPlotWriter() {
    }

    /** Writes all plots into {@code dir} (created by the caller). */
    public static void write(ModelFits fits, String profileName, double timeS, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        // one chart per particle, drawn and encoded on every core (thousands of particles at 2048² px)
        PlotFiles.inParallel(fits.diffusion().size(), i -> {
            ModelFit d = fits.diffusion().get(i);
            ModelFit c = fits.coreShell().get(i);
            ModelComparison cmp = fits.comparisons().get(i);
            String title = "particle " + d.particle() + ": " + summary(d, c, cmp, timeS);
            save(chart(title, profileName, d.residuals(), c.residuals(), d.particle()), dir.resolve("fit_" + d.particle()
                    + ".png"));
        });
        ModelFit d = fits.globalDiffusion();
        ModelFit c = fits.globalCoreShell();
        String title = "ensemble of " + d.particles() + " particles: " + summary(d, c, fits.comparison(0), timeS);
        save(chart(title, profileName, d.residuals(), c.residuals(), 0), dir.resolve("fit_all.png"));
    }

    private static String summary(ModelFit d, ModelFit c, ModelComparison cmp, double timeS) {
        if (!d.fitted() && !c.fitted()) {
            return d.status();
        }
        StringBuilder s = new StringBuilder();
        if (d.fitted()) {
            s.append(Double.isFinite(timeS) ? String.format(java.util.Locale.ROOT, "D = %.3g cm²/s", d.dCm2PerS(timeS))
                    : String.format(java.util.Locale.ROOT, "D·t/a² = %.3g", d.dtOverA2()));
        }
        if (c.fitted()) {
            s.append(String.format(java.util.Locale.ROOT, "%sδ = %.1f nm", s.length() > 0 ? ", " : "", c.shape()));
        }
        if (cmp != null && !Double.isNaN(cmp.margin())) {
            s.append(String.format(java.util.Locale.ROOT, "; %s (margin %.1f)", cmp.verdict().label(), cmp.margin()));
        }
        return s.toString();
    }

    private static JFreeChart chart(String title, String profileName, List<BinResidual> diffusion,
            List<BinResidual> coreShell, int particle) {
        YIntervalSeries data = new YIntervalSeries("data ± SE");
        XYSeries d = new XYSeries("diffusion", true, false);
        XYSeries c = new XYSeries("core–shell", true, false);
        List<BinResidual> source = !diffusion.isEmpty() ? diffusion : coreShell;
        for (BinResidual r : source) {
            if (r.particle() == particle) {
                data.add(r.distanceNm(), r.data(), r.data() - r.se(), r.data() + r.se());
            }
        }
        for (BinResidual r : diffusion) {
            if (r.particle() == particle) {
                d.add(r.distanceNm(), r.prediction());
            }
        }
        for (BinResidual r : coreShell) {
            if (r.particle() == particle) {
                c.add(r.distanceNm(), r.prediction());
            }
        }
        YIntervalSeriesCollection points = new YIntervalSeriesCollection();
        points.addSeries(data);
        XYErrorRenderer errors = new XYErrorRenderer();
        errors.setSeriesPaint(0, Color.BLACK);
        errors.setDefaultLinesVisible(false);
        errors.setCapLength(4);

        XYPlot plot = new XYPlot(points, new NumberAxis("distance from the visible edge (nm)"),
                new NumberAxis(profileName + " fraction"), errors);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        XYSeriesCollection models = new XYSeriesCollection();
        models.addSeries(d);
        models.addSeries(c);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, DIFFUSION);
        lines.setSeriesPaint(1, CORE_SHELL);
        lines.setSeriesStroke(0, new BasicStroke(2f));
        lines.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        plot.setDataset(1, models);
        plot.setRenderer(1, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        PlotFiles.savePng(chart, file, WIDTH, HEIGHT);
    }
}
