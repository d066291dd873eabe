package org.oxymap.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oxymap.core.spectra.ReferenceSpectrum;

/**
 * Reads XDI files (XAS Data Interchange 1.0, the format of the XAS Data Library): the first line is
 * {@code # XDI/1.0 ...}; header lines {@code # Family.key: value}, among them {@code # Column.N: name [units]};
 * {@code # ///} ends the fields, free comment lines follow, then data rows of whitespace-separated numbers.
 *
 * <p>The spectrum μ(E) of a reference is taken, in this order, from a column named {@code mutrans}, {@code mu},
 * {@code normtrans}, {@code norm}, {@code mufluor}, {@code normfluor}; else computed as ln(i0/itrans) from
 * {@code i0} and {@code itrans}, else as ifluor/i0. Energy comes from the {@code energy} column; keV are converted
 * to eV. The nominal valence comes from a {@code # valence: V} comment or a {@code *.valence} /
 * {@code *.oxidation_state} field.
 */
public final class XdiReader {

    private static final Pattern FIELD = Pattern.compile("^#\\s*([A-Za-z_][\\w]*\\.[\\w.]+)\\s*:\\s*(.*)$");
    private static final Pattern VALENCE = Pattern.compile("^valence\\s*[:=]\\s*([-+]?\\d+(?:\\.\\d*)?(?:/\\d+)?)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private XdiReader() {
    }

    /** Parses the file; errors name the file and line. */
    public static XdiFile parse(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "XDI file not found");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> comments = new ArrayList<>();
        Map<Integer, String[]> columnDefs = new LinkedHashMap<>();
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = r.readLine();
            int lineNo = 1;
            if (line == null || !line.trim().matches("(?i)^#\\s*XDI/1\\.\\d+.*")) {
                throw new IOException(file + ", line 1: not an XDI file: expected '# XDI/1.0' on the first line");
            }
            boolean inComments = false;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.trim();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.startsWith("#")) {
                    if (!rows.isEmpty()) {
                        throw new IOException(file + ", line " + lineNo + ": header line after the data");
                    }
                    if (t.startsWith("# ///") || t.startsWith("#///")) {
                        inComments = true;
                        continue;
                    }
                    Matcher m = FIELD.matcher(t);
                    if (!inComments && m.matches()) {
                        String key = m.group(1);
                        String value = m.group(2).trim();
                        fields.put(key, value);
                        if (key.toLowerCase(Locale.ROOT).startsWith("column.")) {
                            try {
                                int c = Integer.parseInt(key.substring(7));
                                String[] parts = value.split("\\s+", 2);
                                columnDefs.put(c, new String[] {parts[0].toLowerCase(Locale.ROOT),
                                    parts.length > 1 ? parts[1] : ""});
                            } catch (NumberFormatException e) {
                                throw new IOException(file + ", line " + lineNo + ": '" + key
                                        + "' is not Column.N with a number N");
                            }
                        }
                    } else if (inComments && !t.startsWith("#--") && !t.startsWith("# --")) {
                        comments.add(t.substring(1).trim());
                    }
                    continue;
                }
                String[] tok = t.split("[\\s,]+");
                if (width < 0) {
                    width = tok.length;
                } else if (tok.length != width) {
                    throw new IOException(file + ", line " + lineNo + ": " + tok.length + " numbers, but the first "
                            + "data row has " + width);
                }
                double[] row = new double[width];
                for (int c = 0; c < width; c++) {
                    try {
                        row[c] = Double.parseDouble(tok[c]);
                    } catch (NumberFormatException e) {
                        throw new IOException(file + ", line " + lineNo + ", column " + (c + 1) + ": '" + tok[c]
                                + "' is not a number");
                    }
                    if (!Double.isFinite(row[c])) {
                        throw new IOException(file + ", line " + lineNo + ", column " + (c + 1) + ": '" + tok[c]
                                + "' is not a finite number");
                    }
                }
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new IOException(file + ": no data rows after the header");
        }
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int c = 1; c <= width; c++) {
            String[] def = columnDefs.get(c);
            names.add(def != null ? def[0] : "col" + c);
            units.add(def != null ? def[1] : "");
        }
        double[][] data = new double[width][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < width; c++) {
                data[c][i] = rows.get(i)[c];
            }
        }
        return new XdiFile(fields, List.copyOf(comments), List.copyOf(names), List.copyOf(units), data);
    }

    /** Reads the file as a reference spectrum named after the file (without extension). */
    public static ReferenceSpectrum read(Path file) throws IOException {
        XdiFile x = parse(file);
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return toSpectrum(x, file, name);
    }

    /** The μ(E) spectrum of a parsed file; which columns it came from is in {@link #muSource(XdiFile)}. */
    public static ReferenceSpectrum toSpectrum(XdiFile x, Path file, String name) throws IOException {
        int ce = x.column("energy");
        if (ce < 0) {
            throw new IOException(file + ": no 'energy' column among " + x.columns()
                    + " (expected '# Column.N: energy eV')");
        }
        double[] e = x.data()[ce].clone();
        String unit = x.units().get(ce).trim().toLowerCase(Locale.ROOT);
        if (unit.equals("kev")) {
            for (int i = 0; i < e.length; i++) {
                e[i] *= 1000;
            }
        } else if (!unit.isEmpty() && !unit.equals("ev")) {
            throw new IOException(file + ": energy column in '" + x.units().get(ce) + "', expected eV or keV");
        }
        double[] mu = mu(x, file);
        double valence = valence(x, file);
        try {
            return new ReferenceSpectrum(name, valence, e, mu);
        } catch (IllegalArgumentException ex) {
            throw new IOException(file + ": " + ex.getMessage(), ex);
        }
    }

    /** Which column(s) μ comes from, e.g. "mutrans" or "ln(i0/itrans)". */
    public static String muSource(XdiFile x) {
        for (String c : new String[] {"mutrans", "mu", "normtrans", "norm", "mufluor", "normfluor"}) {
            if (x.column(c) >= 0) {
                return c;
            }
        }
        if (x.column("i0") >= 0 && x.column("itrans") >= 0) {
            return "ln(i0/itrans)";
        }
        if (x.column("i0") >= 0 && x.column("ifluor") >= 0) {
            return "ifluor/i0";
        }
        return null;
    }

    private static double[] mu(XdiFile x, Path file) throws IOException {
        String src = muSource(x);
        if (src == null) {
            throw new IOException(file + ": no spectrum column among " + x.columns() + ": expected mutrans, mu, "
                    + "normtrans, norm, mufluor, normfluor, or i0 with itrans or ifluor");
        }
        int n = x.rows();
        if (!src.contains("/")) {
            return x.data()[x.column(src)].clone();
        }
        double[] i0 = x.data()[x.column("i0")];
        boolean trans = src.startsWith("ln");
        double[] it = x.data()[x.column(trans ? "itrans" : "ifluor")];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            if (trans && !(i0[i] > 0 && it[i] > 0)) {
                throw new IOException(file + ", data row " + (i + 1) + ": i0 = " + i0[i] + ", itrans = " + it[i]
                        + ": ln(i0/itrans) needs both positive");
            }
            if (!trans && !(i0[i] != 0)) {
                throw new IOException(file + ", data row " + (i + 1) + ": i0 = 0, cannot divide ifluor by it");
            }
            mu[i] = trans ? Math.log(i0[i] / it[i]) : it[i] / i0[i];
        }
        return mu;
    }

    private static double valence(XdiFile x, Path file) throws IOException {
        for (String c : x.comments()) {
            Matcher m = VALENCE.matcher(c.trim());
            if (m.matches()) {
                return parseValence(m.group(1), file);
            }
        }
        for (Map.Entry<String, String> f : x.fields().entrySet()) {
            String k = f.getKey().toLowerCase(Locale.ROOT);
            if (k.endsWith(".valence") || k.endsWith(".oxidation_state")) {
                return parseValence(f.getValue().trim(), file);
            }
        }
        return Double.NaN;
    }

    static double parseValence(String text, Path file) throws IOException {
        try {
            int slash = text.indexOf('/');
            if (slash > 0) {
                return Double.parseDouble(text.substring(0, slash)) / Double.parseDouble(text.substring(slash + 1));
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": valence '" + text + "' is not a number (e.g. 3, 2.67 or 8/3)");
        }
    }
}
