package org.oxymap.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import org.oxymap.core.agglomerate.AgglomerateClass;
import org.oxymap.core.agglomerate.AgglomerateResult;
import org.oxymap.core.agglomerate.ClassSummary;
import org.oxymap.core.agglomerate.ThicknessBin;
import org.oxymap.core.agglomerate.ThicknessClassBin;
import org.oxymap.core.profile.ProfileBin;

/**
 * PNG plots of the agglomerate statistics (JFreeChart, off screen): {@code classes.png} (class means ± SE),
 * {@code by_thickness.png} (class means ± SE per thickness bin, Fig. 4c), {@code vs_boundary_distance.png}
 * (Fig. 4d) and {@code fraction_vs_thickness.png} (Fig. 5d). Values that do not exist are left out; a missing SE
 * draws no bar.
 */
public final class AgglomeratePlotWriter {

    private static final Color[] CLASS_COLOURS = {new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e),
        new Color(0x2c, 0xa0, 0x2c), new Color(0xd6, 0x27, 0x28)};

    private AgglomeratePlotWriter() {
    }

    public static void write(AgglomerateResult r, Path dir) throws IOException {
        String value = r.component() + " fraction (thickness-weighted, ± SE)";
        DefaultStatisticalCategoryDataset classes = new DefaultStatisticalCategoryDataset();
        for (ClassSummary c : r.classes()) {
            String label = c.agglomerateClass().label() + " (n=" + c.particles() + ")";
            classes.add(c.mean().isEmpty() ? null : (Number) c.mean().mean(),
                    Double.isNaN(c.mean().se()) ? null : (Number) c.mean().se(), r.component(), label);
        }
        StatisticalBarRenderer bars = new StatisticalBarRenderer();
        bars.setSeriesPaint(0, CLASS_COLOURS[0]);
        bars.setErrorIndicatorPaint(Color.DARK_GRAY);
        NumberAxis y = new NumberAxis(value);
        CategoryPlot plot = new CategoryPlot(classes, new CategoryAxis("class"), y, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        save(new JFreeChart("Agglomerate classes", JFreeChart.DEFAULT_TITLE_FONT, plot, false),
                dir.resolve("classes.png"));

        YIntervalSeriesCollection byThickness = new YIntervalSeriesCollection();
        for (AgglomerateClass c : AgglomerateClass.values()) {
            YIntervalSeries s = new YIntervalSeries(c.label());
            for (ThicknessClassBin b : r.byThickness()) {
                if (b.summary().agglomerateClass() == c && !b.summary().mean().isEmpty()) {
                    add(s, 0.5 * (b.loNm() + b.hiNm()), b.summary().mean().mean(), b.summary().mean().se());
                }
            }
            byThickness.addSeries(s);
        }
        save(xy("Classes at fixed thickness", "pixel thickness, bin centre (nm)", value, byThickness, true),
                dir.resolve("by_thickness.png"));

        YIntervalSeriesCollection boundary = new YIntervalSeriesCollection();
        YIntervalSeries s = new YIntervalSeries(r.component());
        for (ProfileBin b : r.vsBoundary()) {
            add(s, b.distanceNm(), b.mean(), b.se());
        }
        boundary.addSeries(s);
        save(xy("Large agglomerates: fraction against boundary distance", "distance from agglomerate boundary (nm)",
                value, boundary, false), dir.resolve("vs_boundary_distance.png"));

        YIntervalSeriesCollection thickness = new YIntervalSeriesCollection();
        YIntervalSeries t = new YIntervalSeries(r.component());
        for (ThicknessBin b : r.vsThickness()) {
            add(t, 0.5 * (b.loNm() + b.hiNm()), b.mean().mean(), b.mean().se());
        }
        thickness.addSeries(t);
        save(xy("Fraction against thickness (all fitted pixels)", "pixel thickness (nm)", value, thickness, false),
                dir.resolve("fraction_vs_thickness.png"));
    }

    private static void add(YIntervalSeries s, double x, double mean, double se) {
        double e = Double.isNaN(se) ? 0 : se;
        s.add(x, mean, mean - e, mean + e);
    }

    private static JFreeChart xy(String title, String xLabel, String yLabel, YIntervalSeriesCollection data,
            boolean legend) {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        for (int k = 0; k < data.getSeriesCount(); k++) {
            renderer.setSeriesPaint(k, CLASS_COLOURS[k % CLASS_COLOURS.length]);
            renderer.setSeriesStroke(k, new BasicStroke(1.5f));
        }
        renderer.setErrorPaint(Color.DARK_GRAY);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, new NumberAxis(xLabel), y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, ProfilePlotWriter.WIDTH, ProfilePlotWriter.HEIGHT);
    }

    /** The files {@link #write} produces, for reports and tests. */
    public static List<String> fileNames() {
        return List.of("classes.png", "by_thickness.png", "vs_boundary_distance.png", "fraction_vs_thickness.png");
    }
}
