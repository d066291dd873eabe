package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.oxymap.core.spectra.FormulaValence;
import org.oxymap.core.spectra.ReferenceSpectrum;

/**
 * Reads a reference spectrum from CSV ({@link ReferenceCsv}), XDI ({@link XdiReader}) or an Athena project
 * ({@link AthenaProjectReader}), chosen by the file extension. A project holds several groups: {@code Mn.prj#MnO}
 * selects one by label, {@code Mn.prj#2} by number; a project with one group needs no selector.
 */
public final class ReferenceReader {

    /** File extensions read, lower case. */
    public static final List<String> EXTENSIONS = List.of("csv", "xdi", "prj");

    /** A guessed valence and the formula it came from, so that callers can say which. */
    public record ValenceGuess(double valence, String formula, String source) {
    }

    private ReferenceReader() {
    }

    /** The file part of a reference specification ({@code Mn.prj#MnO} → {@code Mn.prj}). */
    public static Path fileOf(Path spec) {
        if (Files.exists(spec)) {
            return spec;
        }
        String s = spec.toString();
        int hash = s.lastIndexOf('#');
        return hash > 0 ? Path.of(s.substring(0, hash)) : spec;
    }

    /** The group part of a specification, or null. */
    public static String groupOf(Path spec) {
        if (Files.exists(spec)) {
            return null;
        }
        String s = spec.toString();
        int hash = s.lastIndexOf('#');
        return hash > 0 ? s.substring(hash + 1) : null;
    }

    /** Reads the reference a specification names. */
    public static ReferenceSpectrum read(Path spec) throws IOException {
        Path file = fileOf(spec);
        String group = groupOf(spec);
        String ext = extension(file);
        if (group != null && !ext.equals("prj")) {
            throw new IOException(spec + ": a '#group' selector applies to Athena .prj files only");
        }
        switch (ext) {
            case "csv":
                return ReferenceCsv.read(file);
            case "xdi":
                return XdiReader.read(file);
            case "prj":
                return selectGroup(file, group).spectrum();
            default:
                if (!Files.exists(file)) {
                    throw new NoSuchFileException(file.toString(), null, "reference file not found");
                }
                throw new IOException(file + ": reference files must end in ." + String.join(", .", EXTENSIONS)
                        + " (CSV, XDI or Athena project)");
        }
    }

    /** The group of a project a selector names (null = the only group). */
    public static AthenaGroup selectGroup(Path prj, String group) throws IOException {
        List<AthenaGroup> groups = AthenaProjectReader.read(prj);
        if (group == null) {
            if (groups.size() == 1) {
                return groups.get(0);
            }
            throw new IOException(prj + " holds " + groups.size() + " groups: select one as " + prj.getFileName()
                    + "#LABEL or #NUMBER; the groups are " + groups.stream().map(g -> g.index() + ": "
                            + g.label()).toList());
        }
        return AthenaProjectReader.select(groups, group, prj);
    }

    /** One line per group of a project ("3: MnOx (700 points, ...)"), or one line for a single-spectrum file. */
    public static List<String> describe(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        if (extension(file).equals("prj")) {
            for (AthenaGroup g : AthenaProjectReader.read(file)) {
                out.add(g.toString());
            }
        } else {
            ReferenceSpectrum r = read(file);
            double[] e = r.energiesEv();
            out.add(String.format(Locale.ROOT, "%s (%d points, %.1f–%.1f eV%s)", r.name(), e.length, e[0],
                    e[e.length - 1], Double.isFinite(r.valence()) ? ", valence " + r.valence() : ""));
        }
        return out;
    }

    /**
     * Guesses the valence of {@code element} (null = an XDI file's {@code Element.symbol}, else the only element
     * without a fixed state) from the formula of the reference: an XDI file's {@code Sample.formula}, else the
     * formula at the start of the name (file name or group label). Only on request: the caller says it was guessed.
     */
    public static ValenceGuess guessValence(Path spec, String element) throws IOException {
        Path file = fileOf(spec);
        String formula = null;
        String source;
        if (extension(file).equals("xdi")) {
            XdiFile x = XdiReader.parse(file);
            formula = x.field("Sample.formula");
            if (element == null && x.field("Element.symbol") != null && !x.field("Element.symbol").isBlank()) {
                element = x.field("Element.symbol").trim();
            }
        }
        if (formula != null && !formula.isBlank()) {
            source = "Sample.formula '" + formula + "' of " + file.getFileName();
            try {
                formula = FormulaValence.leadingFormula(formula.replaceAll("\\s+", ""));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage() + "; give the valence instead");
            }
        } else {
            String name = read(spec).name();
            try {
                formula = FormulaValence.leadingFormula(name);
            } catch (IllegalArgumentException e) {
                throw new IOException(spec + ": " + e.getMessage() + "; give the valence instead");
            }
            source = "name '" + name + "'";
        }
        try {
            return new ValenceGuess(FormulaValence.guess(formula, element), formula, source);
        } catch (IllegalArgumentException e) {
            throw new IOException(spec + ": " + e.getMessage(), e);
        }
    }

    static String extension(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }
}
