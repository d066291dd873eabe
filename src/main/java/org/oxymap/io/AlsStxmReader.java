package org.oxymap.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oxymap.core.stack.SpectralStack;

/**
 * Reads an ALS STXM image stack: a text header {@code <base>.hdr} and one text matrix {@code .xim} per energy
 * (the "SDF" layout written by the ALS 5.3.2 and 11.0.2 microscopes and converted files from other beamlines).
 *
 * <p>From the header (see {@link AlsHeaderParser} for its syntax): the energies from
 * {@code ScanDefinition.StackAxis.Points}; the pixel positions in µm from the chosen region's {@code PAxis} (x) and
 * {@code QAxis} (y) {@code Points}, giving the pixel size as range / (n − 1); the dwell in ms from
 * {@code ScanDefinition.Dwell}; the detector channels from {@code ScanDefinition.Channels}.
 *
 * <p>Image files are named {@code <base>_<c><NNN>.xim} (one region) or {@code <base>_<c><NNN><r>.xim} (several
 * regions), with {@code c} the channel letter (a, b, ...), {@code NNN} the image number and {@code r} the region
 * index. When the header has {@code ImageNNN_r = {... Energy = E;}} entries, they give each energy its image number
 * (the microscope numbers images over the whole planned scan, so a stack cut down to a few energies keeps numbers
 * such as 003 and 019); otherwise images are numbered from 000 in the order of {@code StackAxis.Points}. Each
 * {@code .xim} has one line per row (QAxis point) and one whitespace-separated count per column (PAxis point); row
 * y of the stack is line y of the file.
 */
public final class AlsStxmReader {

    private static final Pattern IMAGE_ENTRY = Pattern.compile("Image(\\d+)_(\\d+)");

    private AlsStxmReader() {
    }

    /**
     * Reads region {@code region} and channel {@code channel} (both from 0) of the stack described by {@code hdr}.
     *
     * @param pixelNm NaN = from the header's positions
     */
    public static SpectralStack read(Path hdr, int region, int channel, double pixelNm) throws IOException {
        Map<String, Object> top = AlsHeaderParser.parse(hdr, readText(hdr, "STXM header"));
        Map<String, Object> scan = block(hdr, top, "ScanDefinition", "");
        String type = scalarOr(scan, "Type", "");
        String flags = scalarOr(scan, "Flags", "");
        if (type.toLowerCase(Locale.ROOT).contains("point") || flags.toLowerCase(Locale.ROOT).startsWith("spectra")) {
            throw new IOException(hdr + ": a point-spectrum scan (" + type + "), not an image stack; its .xsp "
                    + "spectra can be given as an I0 spectrum (--i0)");
        }
        List<Object> regions = countedArray(hdr, scan, "Regions", "ScanDefinition.");
        if (region < 0 || region >= regions.size()) {
            throw new IOException(hdr + ": region " + region + " requested, but the header has " + regions.size()
                    + " region(s): give a region from 0 to " + (regions.size() - 1));
        }
        if (!(regions.get(region) instanceof Map<?, ?>)) {
            throw new IOException(hdr + ": ScanDefinition.Regions element " + (region + 1) + " is not a { } block");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) regions.get(region);
        String rPath = "ScanDefinition.Regions[" + region + "].";
        double[] x = numbers(hdr, countedArray(hdr, block(hdr, r, "PAxis", rPath), "Points", rPath + "PAxis."),
                rPath + "PAxis.Points");
        double[] y = numbers(hdr, countedArray(hdr, block(hdr, r, "QAxis", rPath), "Points", rPath + "QAxis."),
                rPath + "QAxis.Points");
        if (!scan.containsKey("StackAxis")) {
            throw new IOException(hdr + ": no ScanDefinition.StackAxis: a single image, not an image stack at "
                    + "several energies");
        }
        double[] energies = numbers(hdr, countedArray(hdr, block(hdr, scan, "StackAxis", "ScanDefinition."),
                "Points", "ScanDefinition.StackAxis."), "ScanDefinition.StackAxis.Points");
        int channels = scan.containsKey("Channels") ? countedArray(hdr, scan, "Channels", "ScanDefinition.").size()
                : 1;
        if (channel < 0 || channel >= channels || channel >= 26) {
            throw new IOException(hdr + ": channel " + channel + " requested, but the header has " + channels
                    + " channel(s): give a channel from 0 to " + (Math.min(channels, 26) - 1));
        }
        double dwellMs = scan.containsKey("Dwell") ? number(hdr, scalarOr(scan, "Dwell", ""), "ScanDefinition.Dwell")
                : Double.NaN;

        int[] imageNumbers = imageNumbers(hdr, top, energies, region);
        String base = hdr.getFileName().toString().replaceFirst("(?i)\\.hdr$", "");
        char letter = (char) ('a' + channel);
        String regionSuffix = regions.size() > 1 ? Integer.toString(region) : "";
        int w = x.length;
        int h = y.length;
        StackAssembly.checkedCount(hdr, (long) w * h, "the image size PAxis x QAxis");
        List<float[]> planes = new ArrayList<>(energies.length);
        for (int k = 0; k < energies.length; k++) {
            Path xim = hdr.resolveSibling(String.format(Locale.ROOT, "%s_%c%03d%s.xim", base, letter,
                    imageNumbers[k], regionSuffix));
            if (!Files.isRegularFile(xim)) {
                throw new NoSuchFileException(xim.toString(), null, "image file for " + energies[k] + " eV (image "
                        + String.format(Locale.ROOT, "%03d", imageNumbers[k]) + " of " + hdr.getFileName()
                        + ") not found");
            }
            planes.add(readXim(xim, w, h));
        }
        if (!hasImageEntries(top)) {
            Path extra = hdr.resolveSibling(String.format(Locale.ROOT, "%s_%c%03d%s.xim", base, letter,
                    energies.length, regionSuffix));
            if (Files.exists(extra)) {
                throw new IOException(hdr + ": ScanDefinition.StackAxis.Points lists " + energies.length
                        + " energies, but there are more images (" + extra.getFileName()
                        + " exists): the header and the image files disagree");
            }
        }
        double[] dwell = new double[energies.length];
        java.util.Arrays.fill(dwell, dwellMs);
        return StackAssembly.build(hdr, planes, w, h, energies, StackAssembly.step(x) * 1e3,
                StackAssembly.step(y) * 1e3, pixelNm, null, Double.isNaN(dwellMs) ? null : dwell);
    }

    private static boolean hasImageEntries(Map<String, Object> top) {
        return top.keySet().stream().anyMatch(k -> IMAGE_ENTRY.matcher(k).matches());
    }

    /**
     * The image number of each energy: from the {@code ImageNNN_r} entries when present (their suffix names the
     * region when entries for it exist), matched to the nearest energy; else 0, 1, 2, ...
     */
    private static int[] imageNumbers(Path hdr, Map<String, Object> top, double[] energies, int region)
            throws IOException {
        TreeMap<Integer, Double> all = new TreeMap<>();
        TreeMap<Integer, Double> ofRegion = new TreeMap<>();
        for (Map.Entry<String, Object> e : top.entrySet()) {
            Matcher m = IMAGE_ENTRY.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> b) || !(b.get("Energy") instanceof String s)) {
                throw new IOException(hdr + ": entry " + e.getKey() + " has no 'Energy = ...;' value");
            }
            int number;
            try {
                number = Integer.parseInt(m.group(1));
            } catch (NumberFormatException ex) {
                throw new IOException(hdr + ": entry " + e.getKey() + " has an image number out of range");
            }
            double energy = number(hdr, s, e.getKey() + ".Energy");
            all.put(number, energy);
            if (m.group(2).equals(Integer.toString(region))) {
                ofRegion.put(number, energy);
            }
        }
        int[] numbers = new int[energies.length];
        if (all.isEmpty()) {
            for (int k = 0; k < numbers.length; k++) {
                numbers[k] = k;
            }
            return numbers;
        }
        TreeMap<Integer, Double> entries = ofRegion.isEmpty() ? all : ofRegion;
        if (entries.size() != energies.length) {
            throw new IOException(hdr + ": ScanDefinition.StackAxis.Points lists " + energies.length
                    + " energies but the header has " + entries.size() + " ImageNNN entries " + entries.keySet()
                    + ": expected one image per energy");
        }
        double minStep = Double.POSITIVE_INFINITY;
        for (int k = 1; k < energies.length; k++) {
            minStep = Math.min(minStep, Math.abs(energies[k] - energies[k - 1]));
        }
        double tolerance = Math.max(0.01, Double.isFinite(minStep) ? 0.25 * minStep : 0.01);
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int k = 0; k < energies.length; k++) {
            int best = -1;
            double bestDiff = Double.POSITIVE_INFINITY;
            for (Map.Entry<Integer, Double> e : entries.entrySet()) {
                double d = Math.abs(e.getValue() - energies[k]);
                if (d < bestDiff) {
                    bestDiff = d;
                    best = e.getKey();
                }
            }
            if (bestDiff > tolerance || !used.add(best)) {
                throw new IOException(hdr + ": no ImageNNN entry has the energy " + energies[k]
                        + " eV of ScanDefinition.StackAxis.Points (entries: " + entries
                        + "): expected one image per energy");
            }
            numbers[k] = best;
        }
        return numbers;
    }

    /** One .xim text matrix: exactly {@code h} lines of {@code w} numbers (blank lines ignored). */
    static float[] readXim(Path xim, int w, int h) throws IOException {
        String text = readText(xim, "STXM image");
        float[] out = new float[w * h];
        int row = 0;
        int lineNo = 0;
        for (String line : text.split("\\R")) {
            lineNo++;
            String s = line.trim();
            if (s.isEmpty()) {
                continue;
            }
            if (row >= h) {
                throw new IOException(xim + ", line " + lineNo + ": more than the " + h + " rows (QAxis points) the "
                        + "header gives");
            }
            String[] parts = s.split("\\s+");
            if (parts.length != w) {
                throw new IOException(xim + ", line " + lineNo + ": " + parts.length + " values, expected " + w
                        + " (one per PAxis point)" + (row == h - 1 || parts.length < w ? "; the file may be truncated"
                                : ""));
            }
            for (int x = 0; x < w; x++) {
                try {
                    out[row * w + x] = Float.parseFloat(parts[x]);
                } catch (NumberFormatException e) {
                    throw new IOException(xim + ", line " + lineNo + ", column " + (x + 1) + ": '" + parts[x]
                            + "' is not a number");
                }
                if (!Float.isFinite(out[row * w + x])) {
                    throw new IOException(xim + ", line " + lineNo + ", column " + (x + 1) + ": '" + parts[x]
                            + "' is not a finite count");
                }
            }
            row++;
        }
        if (row != h) {
            throw new IOException(xim + ": " + row + " rows, expected " + h + " (one per QAxis point); the file may be "
                    + "truncated");
        }
        return out;
    }

    static String readText(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, what + " file not found");
        }
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> block(Path hdr, Map<String, Object> parent, String key, String path)
            throws IOException {
        Object v = parent.get(key);
        if (!(v instanceof Map<?, ?>)) {
            throw new IOException(hdr + ": " + (v == null ? "no " + path + key : path + key + " is not a { } block")
                    + "; expected an STXM header with " + path + key + " = { ... };");
        }
        return (Map<String, Object>) v;
    }

    private static String scalarOr(Map<String, Object> m, String key, String fallback) {
        return m.get(key) instanceof String s ? s : fallback;
    }

    /** The elements of a {@code (n, v1, ..., vn)} array after checking n. */
    private static List<Object> countedArray(Path hdr, Map<String, Object> parent, String key, String path)
            throws IOException {
        Object v = parent.get(key);
        if (!(v instanceof List<?> list)) {
            throw new IOException(hdr + ": " + (v == null ? "no " : "") + path + key
                    + (v == null ? "" : " is not a ( ) array") + "; expected " + path + key + " = (n, ...)");
        }
        if (list.isEmpty() || !(list.get(0) instanceof String)) {
            throw new IOException(hdr + ": " + path + key + " does not start with its element count");
        }
        double n = number(hdr, (String) list.get(0), path + key + " count");
        if (n != list.size() - 1) {
            throw new IOException(hdr + ": " + path + key + " says " + (long) n + " elements but lists "
                    + (list.size() - 1));
        }
        return new ArrayList<>(list.subList(1, list.size()));
    }

    private static double[] numbers(Path hdr, List<Object> items, String path) throws IOException {
        if (items.isEmpty()) {
            throw new IOException(hdr + ": " + path + " is empty; expected at least one value");
        }
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof String s)) {
                throw new IOException(hdr + ": " + path + " element " + (i + 1) + " is not a number");
            }
            out[i] = number(hdr, s, path + " element " + (i + 1));
        }
        return out;
    }

    private static double number(Path hdr, String s, String what) throws IOException {
        try {
            double v = Double.parseDouble(s.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException(hdr + ": " + what + " is '" + s + "', expected a number");
    }
}
