package org.oxymap.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import org.oxymap.core.profile.ProfileBin;

/**
 * PNG plots of edge-distance profiles with ±1 standard-error bars (JFreeChart, drawn off screen, so it works
 * headless): {@code profile_all.png} for the ensemble and {@code profile_<particle>.png} for each profiled
 * particle.
 */
public final class ProfilePlotWriter {

    /** Size of each plot in pixels. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 420;

    private ProfilePlotWriter() {
    }

    /**
     * Writes one plot per particle of {@code bins} and one for the ensemble (particle 0) into {@code dir}.
     *
     * @param valueName what the profile shows, for the y axis (e.g. "Mn3 fraction")
     * @return the files written, ensemble first
     */
    public static List<Path> write(List<ProfileBin> bins, String valueName, Path dir) throws IOException {
        Map<Integer, List<ProfileBin>> byParticle = new LinkedHashMap<>();
        for (ProfileBin b : bins) {
            byParticle.computeIfAbsent(b.particle(), k -> new ArrayList<>()).add(b);
        }
        List<Path> written = new ArrayList<>();
        if (byParticle.containsKey(0)) {
            Path f = dir.resolve("profile_all.png");
            save(chart("All profiled particles", valueName, byParticle.get(0)), f);
            written.add(f);
        }
        List<Map.Entry<Integer, List<ProfileBin>>> particles = byParticle.entrySet().stream()
                .filter(e -> e.getKey() != 0).toList();
        // one chart per particle, drawn and encoded on every core (thousands of particles at 2048² px)
        PlotFiles.inParallel(particles.size(), i -> {
            Map.Entry<Integer, List<ProfileBin>> e = particles.get(i);
            save(chart("Particle " + e.getKey(), valueName, e.getValue()),
                    dir.resolve("profile_" + e.getKey() + ".png"));
        });
        for (Map.Entry<Integer, List<ProfileBin>> e : particles) {
            written.add(dir.resolve("profile_" + e.getKey() + ".png"));
        }
        return written;
    }

    static JFreeChart chart(String title, String valueName, List<ProfileBin> bins) {
        YIntervalSeries series = new YIntervalSeries(valueName);
        for (ProfileBin b : bins) {
            series.add(b.distanceNm(), b.mean(), b.mean() - b.se(), b.mean() + b.se());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4));
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        renderer.setErrorPaint(Color.DARK_GRAY);
        NumberAxis x = new NumberAxis("distance from particle edge (nm)");
        NumberAxis y = new NumberAxis(valueName + " (thickness-weighted, ± SE)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        PlotFiles.savePng(chart, file, WIDTH, HEIGHT);
    }
}
