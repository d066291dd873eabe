package org.oxymap.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.plugin.LutLoader;
import ij.process.ImageProcessor;

/**
 * {@code report.html}: one page that shows a results folder offline in any browser — the maps as PNG with their
 * LUT, a calibration bar and a scale bar, the plots, and the tables. It is built from the files already in the
 * folder (maps/*.tif, particles/labels.tif, plots/*.png, *.csv, params.json), so every step that adds files to
 * the folder shows up without changes here. Images live in {@code report/} beside the page.
 */
public final class ReportWriter {

    /** Maps shown, in order, with their LUT; maps that are not in the folder are left out. */
    private static final String[][] MAPS = {
        {"maps/thickness.tif", "grays", "Thickness (nm)"},
        {"maps/valence.tif", "spectrum", "Average oxidation state"},
        {"maps/residual.tif", "fire", "Reduced χ² of the fit"},
        {"particles/labels.tif", "3-3-2 rgb", "Particles"},
        {"particles/distance.tif", "ice", "Distance from the particle edge (nm)"},
    };
    private static final int MIN_WIDTH_PX = 360;
    private static final int MAX_TABLE_ROWS = 200;

    private ReportWriter() {
    }

    /** Writes {@code report.html} and {@code report/} into {@code resultsDir}. */
    public static Path write(Path resultsDir) throws IOException {
        Path images = Files.createDirectories(resultsDir.resolve("report"));
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>OxyMap report</title>\n")
                .append("<style>body{font-family:sans-serif;margin:1.5em;max-width:1400px}figure{display:inline-block;"
                        + "margin:0.5em;vertical-align:top}figcaption{font-size:90%;text-align:center}"
                        + "table{border-collapse:collapse;font-size:80%;margin-bottom:1.5em}td,th{border:1px solid #bbb;"
                        + "padding:2px 6px;text-align:right}th{background:#eee}pre{background:#f6f6f6;padding:0.5em;"
                        + "overflow:auto;max-height:30em}</style></head><body>\n")
                .append("<h1>OxyMap report</h1>\n");
        Path params = resultsDir.resolve("params.json");
        if (Files.isRegularFile(params)) {
            html.append("<h2>Run</h2>\n<pre>").append(escape(Files.readString(params, StandardCharsets.UTF_8)))
                    .append("</pre>\n");
        }
        html.append("<h2>Maps</h2>\n");
        List<String[]> maps = new ArrayList<>();
        try (Stream<Path> s = Files.list(resultsDir.resolve("maps"))) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("fraction_") && name.endsWith(".tif")) {
                    maps.add(new String[] {"maps/" + name, "fire",
                            "Fraction of " + name.substring(9, name.length() - 4)});
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // a folder without maps shows its tables only
        }
        maps.addAll(List.of(MAPS));
        for (String[] m : maps) {
            Path tif = resultsDir.resolve(m[0]);
            if (!Files.isRegularFile(tif)) {
                continue;
            }
            String png = m[0].replace('/', '_').replace(".tif", ".png");
            boolean perParticle = m[0].startsWith("maps/fraction_") || m[0].equals("maps/valence.tif");
            renderMap(tif, m[1], perParticle ? particleMask(resultsDir) : null, images.resolve(png));
            html.append("<figure><img src=\"report/").append(png).append("\" alt=\"").append(escape(m[2]))
                    .append("\"><figcaption>").append(escape(m[2])).append("</figcaption></figure>\n");
        }
        Path plots = resultsDir.resolve("plots");
        if (Files.isDirectory(plots)) {
            html.append("<h2>Plots</h2>\n");
            try (Stream<Path> s = Files.list(plots)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".png")).sorted().toList()) {
                    String name = p.getFileName().toString();
                    html.append("<figure><img src=\"plots/").append(name).append("\" alt=\"").append(escape(name))
                            .append("\" width=\"480\"><figcaption>").append(escape(name)).append("</figcaption></figure>\n");
                }
            }
        }
        for (String[] t : new String[][] {{"fits.csv", "Model fits"}, {"particles/particles.csv", "Particles"},
            {"profiles.csv", "Profiles"}, {"agglomerates/classes.csv", "Agglomerate classes"},
            {"alignment.csv", "Alignment and I0"}}) {
            Path csv = resultsDir.resolve(t[0]);
            if (Files.isRegularFile(csv)) {
                html.append("<h2>").append(escape(t[1])).append(" <small>(").append(escape(t[0]))
                        .append(")</small></h2>\n");
                table(csv, html);
            }
        }
        agglomerateSection(resultsDir, html);
        html.append("</body></html>\n");
        Path report = resultsDir.resolve("report.html");
        Files.writeString(report, html.toString(), StandardCharsets.UTF_8);
        return report;
    }

    /** Plots, comparisons and messages of agglomerates/ (classes.csv is among the tables above). */
    private static void agglomerateSection(Path resultsDir, StringBuilder html) throws IOException {
        Path dir = resultsDir.resolve("agglomerates");
        if (!Files.isDirectory(dir)) {
            return;
        }
        html.append("<h2>Agglomerates</h2>\n<p>Class codes in agglomerates/classes.tif: 1 interior, 2 exterior, "
                + "3 small, 4 isolated (0 background). Means are thickness-weighted; SE, bootstrap intervals and "
                + "Mann&ndash;Whitney tests count particles.</p>\n");
        for (String png : AgglomeratePlotWriter.fileNames()) {
            if (Files.isRegularFile(dir.resolve(png))) {
                html.append("<figure><img src=\"agglomerates/").append(png).append("\" alt=\"").append(escape(png))
                        .append("\" width=\"480\"><figcaption>").append(escape(png)).append("</figcaption></figure>\n");
            }
        }
        for (String[] t : new String[][] {{"comparisons.csv", "Class differences"},
            {"by_thickness.csv", "Classes within thickness bins"}}) {
            Path csv = dir.resolve(t[0]);
            if (Files.isRegularFile(csv)) {
                html.append("<h3>").append(escape(t[1])).append(" <small>(agglomerates/").append(escape(t[0]))
                        .append(")</small></h3>\n");
                table(csv, html);
            }
        }
        Path warnings = dir.resolve("warnings.txt");
        if (Files.isRegularFile(warnings) && Files.size(warnings) > 0) {
            html.append("<h3>Messages</h3>\n<pre>").append(escape(Files.readString(warnings, StandardCharsets.UTF_8)))
                    .append("</pre>\n");
        }
    }

    private static void table(Path csv, StringBuilder html) throws IOException {
        List<Map<String, String>> rows = CsvTable.read(csv);
        if (rows.isEmpty()) {
            html.append("<p>(empty)</p>\n");
            return;
        }
        List<String> header = new ArrayList<>(rows.get(0).keySet());
        html.append("<table><tr>");
        for (String h : header) {
            html.append("<th>").append(escape(h)).append("</th>");
        }
        html.append("</tr>\n");
        for (int i = 0; i < Math.min(rows.size(), MAX_TABLE_ROWS); i++) {
            html.append("<tr>");
            for (String h : header) {
                html.append("<td>").append(escape(shortNumber(rows.get(i).get(h)))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        if (rows.size() > MAX_TABLE_ROWS) {
            html.append("<p>First ").append(MAX_TABLE_ROWS).append(" of ").append(rows.size())
                    .append(" rows; the whole table is in the CSV file.</p>\n");
        }
    }

    private static String shortNumber(String cell) {
        if (cell == null) {
            return "";
        }
        try {
            double v = Double.parseDouble(cell);
            if (cell.matches("-?\\d+")) {
                return cell;
            }
            return String.format(Locale.ROOT, "%.4g", v);
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    /** Pixels inside particles (labels > 0), or null when there is no label image. */
    private static boolean[] particleMask(Path resultsDir) throws IOException {
        Path labels = resultsDir.resolve("particles/labels.tif");
        if (!Files.isRegularFile(labels)) {
            return null;
        }
        float[] l = TiffStackIO.readMap(labels);
        boolean[] mask = new boolean[l.length];
        for (int i = 0; i < l.length; i++) {
            mask[i] = l[i] > 0;
        }
        return mask;
    }

    /**
     * The map with a LUT over its finite range (inside {@code mask} when given; pixels outside are grey: fractions
     * and valence mean nothing where there is no material), enlarged to at least {@value #MIN_WIDTH_PX} px by pixel
     * replication, with a 0.5–1–2–5 scale bar (from the TIFF's nm calibration) and a calibration bar.
     */
    static void renderMap(Path tif, String lut, boolean[] mask, Path png) throws IOException {
        ImagePlus imp = TiffStackIO.open(tif);
        ImageProcessor ip = imp.getProcessor().convertToFloat();
        float[] v = (float[]) ip.getPixels();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            if (Float.isFinite(v[i]) && (mask == null || mask[i])) {
                min = Math.min(min, v[i]);
                max = Math.max(max, v[i]);
            }
        }
        if (!Double.isFinite(min)) {
            min = 0;
            max = 1;
        }
        if (!(max > min)) {
            max = min + 1;
        }
        IndexColorModel cm = LutLoader.getLut(lut);
        int w = ip.getWidth();
        int h = ip.getHeight();
        int zoom = Math.max(1, (int) Math.ceil((double) MIN_WIDTH_PX / w));
        int barWidth = 70;
        BufferedImage out = new BufferedImage(w * zoom + barWidth, h * zoom + 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float f = v[y * w + x];
                int idx = Float.isFinite(f) ? (int) Math.round(255 * (f - min) / (max - min)) : 0;
                boolean shown = mask == null || mask[y * w + x];
                g.setColor(shown ? new Color(cm == null ? gray(idx) : cm.getRGB(Math.max(0, Math.min(255, idx))))
                        : Color.LIGHT_GRAY);
                g.fillRect(x * zoom, y * zoom, zoom, zoom);
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        double nmPerPx = imp.getCalibration().getUnit().equals("nm") ? imp.getCalibration().pixelWidth : Double.NaN;
        if (Double.isFinite(nmPerPx) && nmPerPx > 0) {
            double target = w * nmPerPx / 5;
            double bar = niceLength(target);
            int barPx = (int) Math.round(bar / nmPerPx * zoom);
            int y0 = h * zoom + 8;
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(4));
            g.drawLine(8, y0, 8 + barPx, y0);
            g.drawString(bar >= 1000 ? String.format(Locale.ROOT, "%g µm", bar / 1000) : String.format(Locale.ROOT,
                    "%.0f nm", bar), 14 + barPx, y0 + 5);
        }
        int x0 = w * zoom + 10;
        int barH = Math.min(h * zoom - 20, 256);
        for (int i = 0; i < barH; i++) {
            int idx = 255 - (int) Math.round(255.0 * i / (barH - 1));
            g.setColor(new Color(cm == null ? gray(idx) : cm.getRGB(idx)));
            g.fillRect(x0, 10 + i, 14, 1);
        }
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "%.3g", max), x0 + 17, 18);
        g.drawString(String.format(Locale.ROOT, "%.3g", min), x0 + 17, 10 + barH);
        g.dispose();
        ImageIO.write(out, "png", png.toFile());
    }

    private static int gray(int idx) {
        int c = Math.max(0, Math.min(255, idx));
        return (c << 16) | (c << 8) | c;
    }

    private static double niceLength(double target) {
        double p = Math.pow(10, Math.floor(Math.log10(target)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * p <= target) {
                return m * p;
            }
        }
        return p / 2;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
