package org.oxymap.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import org.oxymap.core.spectra.ReferenceSpectrum;

/**
 * Reference spectra as CSV: a header row, energy in eV in the first column, the spectrum in the second.
 * A comment line {@code # valence: 3} gives the nominal oxidation state; the name is the file name without
 * extension.
 */
public final class ReferenceCsv {

    private static final Pattern VALENCE = Pattern.compile("^#\\s*valence\\s*[:=]\\s*([-+]?\\d+(?:\\.\\d*)?)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private ReferenceCsv() {
    }

    public static ReferenceSpectrum read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "reference file not found");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        double valence = Double.NaN;
        for (String line : text.split("\\R")) {
            Matcher m = VALENCE.matcher(line.trim());
            if (m.matches()) {
                valence = Double.parseDouble(m.group(1));
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        List<Double> e = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = new StringReader(text)) {
            boolean header = true;
            for (CSVRecord r : format.parse(reader)) {
                if (header) {
                    header = false;
                    continue;
                }
                if (r.size() < 2) {
                    throw new IOException(file + ", line " + r.getParser().getCurrentLineNumber()
                            + ": expected two columns (energy in eV, spectrum), found " + r.size());
                }
                try {
                    e.add(Double.parseDouble(r.get(0)));
                    v.add(Double.parseDouble(r.get(1)));
                } catch (NumberFormatException ex) {
                    throw new IOException(file + ", line " + r.getParser().getCurrentLineNumber() + ": '" + r.get(0)
                            + "," + r.get(1) + "' is not a pair of numbers (energy in eV, spectrum)");
                }
            }
        }
        try {
            return new ReferenceSpectrum(name, valence, toArray(e), toArray(v));
        } catch (IllegalArgumentException ex) {
            throw new IOException(file + ": " + ex.getMessage(), ex);
        }
    }

    public static void write(ReferenceSpectrum reference, Path file, String valueColumn) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setCommentMarker('#').setRecordSeparator("\n").get())) {
            if (Double.isFinite(reference.valence())) {
                p.printComment("valence: " + formatValence(reference.valence()));
            }
            p.printRecord("energy_eV", valueColumn);
            double[] e = reference.energiesEv();
            double[] v = reference.values();
            for (int i = 0; i < e.length; i++) {
                p.printRecord(e[i], v[i]);
            }
        }
    }

    private static String formatValence(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static double[] toArray(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
