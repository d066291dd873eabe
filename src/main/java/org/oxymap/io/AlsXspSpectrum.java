package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.oxymap.core.spectra.ReferenceSpectrum;

/**
 * Reads an ALS point spectrum ({@code .xsp}): text lines of whitespace-separated numbers, the photon energy in eV
 * first and the counts of the first detector channel second (further channels are ignored). Such a spectrum
 * recorded through an empty area is the incident intensity I0 of Beer–Lambert's law, so OxyMap accepts it wherever
 * an I0 spectrum is asked for. Lines starting with {@code #} or {@code *} are comments.
 */
public final class AlsXspSpectrum {

    private AlsXspSpectrum() {
    }

    /** The spectrum, named after the file; energies must increase. */
    public static ReferenceSpectrum read(Path xsp) throws IOException {
        String text = AlsStxmReader.readText(xsp, "point spectrum");
        List<double[]> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\\R")) {
            lineNo++;
            String s = line.trim();
            if (s.isEmpty() || s.startsWith("#") || s.startsWith("*")) {
                continue;
            }
            String[] parts = s.split("[\\s,]+");
            if (parts.length < 2) {
                throw new IOException(xsp + ", line " + lineNo + ": '" + s + "' has " + parts.length
                        + " column(s), expected energy (eV) and counts");
            }
            try {
                rows.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
            } catch (NumberFormatException e) {
                throw new IOException(xsp + ", line " + lineNo + ": '" + s + "' does not start with two numbers "
                        + "(energy in eV, counts)");
            }
        }
        double[] e = new double[rows.size()];
        double[] v = new double[rows.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = rows.get(i)[0];
            v[i] = rows.get(i)[1];
        }
        String name = xsp.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try {
            return new ReferenceSpectrum(name.isBlank() ? "I0" : name, Double.NaN, e, v);
        } catch (IllegalArgumentException ex) {
            throw new IOException(xsp + ": " + ex.getMessage(), ex);
        }
    }
}
