package org.oxymap.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oxymap.core.edge.CalibrationLine;

/**
 * The edge-energy calibration as a small CSV: the line in {@code # key: value} comment lines (intercept, slope,
 * their standard errors and covariance, the edge method), then one row per standard. {@code oxymap references
 * calibrate} writes it; {@code oxymap edge --calibration} reads the line back.
 */
public final class CalibrationTable {

    /** One standard of the table. */
    public record Standard(String name, String source, double valence, String valenceSource, double e0Ev,
            double edgeStep, double edgeEv) {
    }

    private CalibrationTable() {
    }

    public static void write(Path file, CalibrationLine line, String method, List<Standard> standards)
            throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# OxyMap edge-energy calibration: edge_eV = intercept_eV + slope_eV_per_valence * valence\n");
        b.append("# method: ").append(method).append('\n');
        b.append(kv("intercept_eV", line.interceptEv()));
        b.append(kv("slope_eV_per_valence", line.slopeEvPerValence()));
        b.append(kv("intercept_se_eV", line.interceptSeEv()));
        b.append(kv("slope_se_eV_per_valence", line.slopeSeEvPerValence()));
        b.append(kv("covariance_eV2", line.covarianceEv2()));
        b.append(kv("reduced_chi2", line.reducedChiSquare()));
        b.append("name,source,valence,valence_source,e0_eV,edge_step,edge_eV,line_eV,residual_eV\n");
        for (Standard s : standards) {
            double fit = line.interceptEv() + line.slopeEvPerValence() * s.valence();
            b.append(String.format(Locale.ROOT, "%s,%s,%.6g,%s,%.4f,%.6g,%.4f,%.4f,%.4f%n", csv(s.name()),
                    csv(s.source()), s.valence(), csv(s.valenceSource()), s.e0Ev(), s.edgeStep(), s.edgeEv(), fit,
                    s.edgeEv() - fit));
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    /** Reads the line of a table written by {@link #write}; errors name the file and the missing key. */
    public static CalibrationLine read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "calibration file not found");
        }
        Map<String, String> kv = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String l : lines) {
            String t = l.trim();
            if (t.startsWith("#") && t.indexOf(':') > 0) {
                int c = t.indexOf(':');
                kv.put(t.substring(1, c).trim(), t.substring(c + 1).trim());
            }
        }
        double a = number(kv, "intercept_eV", file);
        double b = number(kv, "slope_eV_per_valence", file);
        double sa = number(kv, "intercept_se_eV", file);
        double sb = number(kv, "slope_se_eV_per_valence", file);
        double cov = number(kv, "covariance_eV2", file);
        try {
            return CalibrationLine.of(a, b, sa, sb, cov);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The edge method the table was made with ("half-height" when not stated). */
    public static String method(Path file) throws IOException {
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = l.trim();
            if (t.startsWith("# method:")) {
                return t.substring(9).trim();
            }
        }
        return "half-height";
    }

    private static double number(Map<String, String> kv, String key, Path file) throws IOException {
        String v = kv.get(key);
        if (v == null) {
            throw new IOException(file + ": no '# " + key + ": value' line; expected a table written by "
                    + "'oxymap references calibrate'");
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IOException(file + ": " + key + " is '" + v + "', expected a finite number");
        }
    }

    private static String kv(String key, double v) {
        return String.format(Locale.ROOT, "# %s: %.9g%n", key, v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
