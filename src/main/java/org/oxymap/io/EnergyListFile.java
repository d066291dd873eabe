package org.oxymap.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A text file of energies, one eV per line; blank lines and lines starting with '#' are skipped. */
public final class EnergyListFile {

    private EnergyListFile() {
    }

    /** The sidecar of a stack file: {@code <name>.energies.txt} next to {@code <name>.tif}. */
    public static Path sidecarOf(Path stack) {
        String name = stack.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return stack.resolveSibling(base + ".energies.txt");
    }

    public static double[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "energy file not found");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).trim();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String first = s.split("[\\s,;]+")[0];
            try {
                double e = Double.parseDouble(first);
                if (!Double.isFinite(e) || e <= 0) {
                    throw new NumberFormatException();
                }
                values.add(e);
            } catch (NumberFormatException ex) {
                throw new IOException(file + ", line " + (i + 1) + ": '" + s + "' is not an energy in eV "
                        + "(expected one positive number per line)");
            }
        }
        if (values.isEmpty()) {
            throw new IOException(file + ": no energies found (expected one eV per line)");
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static void write(Path file, double[] energiesEv) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (double e : energiesEv) {
            sb.append(e).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
