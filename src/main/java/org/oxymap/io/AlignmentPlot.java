package org.oxymap.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.oxymap.core.align.Shift;

/**
 * The drift found by the alignment as a PNG: dx and dy (pixels) against energy (eV), drawn with JFreeChart into an
 * off-screen image. Sets {@code java.awt.headless=true} when nothing has set it, so that it runs on servers without a
 * display.
 */
public final class AlignmentPlot {

    private static final int WIDTH_PX = 800;
    private static final int HEIGHT_PX = 500;

    private AlignmentPlot() {
    }

    /**
     * @throws IllegalArgumentException if there is not one shift per energy
     */
    public static void write(double[] energiesEv, Shift[] shifts, Path file) throws IOException {
        if (energiesEv.length != shifts.length) {
            throw new IllegalArgumentException("alignment plot: " + energiesEv.length + " energies but "
                    + shifts.length + " shifts");
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYSeries dx = new XYSeries("dx (px)");
        XYSeries dy = new XYSeries("dy (px)");
        for (int k = 0; k < shifts.length; k++) {
            dx.add(energiesEv[k], shifts[k].dxPx());
            dy.add(energiesEv[k], shifts[k].dyPx());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(dx);
        data.addSeries(dy);
        JFreeChart chart = ChartFactory.createXYLineChart("Drift found by alignment", "Energy (eV)", "Shift (px)",
                data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xd62728));
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        renderer.setSeriesStroke(1, new BasicStroke(1.5f));
        plot.setRenderer(renderer);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH_PX, HEIGHT_PX);
    }
}
