package org.oxymap.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.GsonBuilder;

import org.oxymap.core.stoichiometry.ChemicalFormula;
import org.oxymap.core.stoichiometry.OxidationStates;
import org.oxymap.core.stoichiometry.RegionValence;
import org.oxymap.core.stoichiometry.StoichiometryAnalysis;
import org.oxymap.core.stoichiometry.StoichiometryInput;
import org.oxymap.core.stoichiometry.StoichiometryResult;

/**
 * The stoichiometry step from text and files: parses the {@code ELEMENT=VALUE} lists, reads the optional valence
 * map and mask, runs {@link StoichiometryAnalysis} and writes the JSON file, so that {@code oxymap stoichiometry},
 * the SciJava command and the ImageJ 1.x plugin give the same numbers for the same inputs.
 */
public final class StoichiometryRunner {

    private StoichiometryRunner() {
    }

    /**
     * The options under their command-line/macro names. Absent numbers are NaN, absent files null, absent lists
     * empty strings.
     *
     * @param valenceElement the element whose cycled oxidation state the valence map's region gives (default Mn)
     */
    public record Options(String formula, String pristine, String cycled, String uncertainty,
            String pristineUncertainty, double liTm, double liTmUncertainty, double density, double densityUncertainty,
            double pristineDensity, double cellVolumePristine, double cellVolumeCycled, Path valenceMap, Path mask,
            Path thickness, String valenceElement, int samples, long seed) {
    }

    /** The analysis with the region measurement that fed it (null without a valence map). */
    public record Outcome(StoichiometryResult result, RegionValence.Mean region, Options options) {
    }

    /** Parses, reads and runs; every bad input is an exception naming the parameter or file. */
    public static Outcome run(Options o) throws IOException {
        if (o.formula() == null || o.formula().isBlank()) {
            throw new IllegalArgumentException("parameter formula is empty: give e.g. Li1.18Ni0.21Mn0.53Co0.08O2");
        }
        ChemicalFormula formula = ChemicalFormula.parse(o.formula().trim());
        Map<String, Double> pristine = parseStates(o.pristine(), "pristine");
        Map<String, Double> cycled = parseStates(o.cycled(), "cycled");
        Map<String, Double> cycledSe = parseStates(o.uncertainty(), "uncertainty");
        Map<String, Double> pristineSe = parseStates(o.pristineUncertainty(), "pristine_uncertainty");
        if (pristine.isEmpty()) {
            throw new IllegalArgumentException("parameter pristine is empty: give the pristine oxidation states, "
                    + "e.g. Ni=2,Mn=4,Co=3");
        }
        requireKnown(cycledSe, cycled, "uncertainty", "cycled", o.valenceMap() != null ? element(o) : null);
        requireKnown(pristineSe, pristine, "pristine_uncertainty", "pristine", null);
        RegionValence.Mean region = null;
        OxidationStates cycledStates;
        if (o.valenceMap() != null) {
            String el = element(o);
            if (cycled.containsKey(el)) {
                throw new IllegalArgumentException("the cycled oxidation state of " + el + " is given twice: in "
                        + "cycled and from valence_map; leave it out of cycled");
            }
            region = measureRegion(o.valenceMap(), o.mask(), o.thickness());
            // A given uncertainty for the mapped element is the systematic one (the references' valences); the
            // region's standard error adds to it in quadrature.
            Map<String, Double> se = new LinkedHashMap<>(cycledSe);
            double systematic = se.getOrDefault(el, 0.0);
            se.remove(el);
            cycledStates = new OxidationStates(cycled, se).with(el, region.meanValence(),
                    Math.hypot(region.se(), systematic));
        } else {
            cycledStates = new OxidationStates(cycled, cycledSe);
        }
        if (o.valenceMap() == null && (o.mask() != null || o.thickness() != null)) {
            throw new IllegalArgumentException("mask and thickness are used only with valence_map");
        }
        StoichiometryInput in = StoichiometryInput.of(formula, new OxidationStates(pristine, pristineSe),
                cycledStates).withMonteCarlo(o.samples(), o.seed());
        if (!Double.isNaN(o.liTm())) {
            in = in.withLiTm(o.liTm(), orZero(o.liTmUncertainty()));
        }
        if (!Double.isNaN(o.density())) {
            in = in.withDensity(o.density(), orZero(o.densityUncertainty()));
        }
        if (!Double.isNaN(o.pristineDensity())) {
            in = in.withPristineDensity(o.pristineDensity());
        }
        if (!Double.isNaN(o.cellVolumePristine()) || !Double.isNaN(o.cellVolumeCycled())) {
            in = in.withCellVolumes(o.cellVolumePristine(), o.cellVolumeCycled());
        }
        return new Outcome(StoichiometryAnalysis.run(in), region, o);
    }

    private static String element(Options o) {
        return o.valenceElement() == null || o.valenceElement().isBlank() ? "Mn" : o.valenceElement().trim();
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static void requireKnown(Map<String, Double> se, Map<String, Double> states, String seName,
            String statesName, String fromMap) {
        for (String el : se.keySet()) {
            if (!states.containsKey(el) && !el.equals(fromMap)) {
                throw new IllegalArgumentException("parameter " + seName + " names " + el + ", which has no "
                        + statesName + " oxidation state");
            }
        }
    }

    /** Thickness-weighted mean valence inside the mask (equal weights without a thickness map). */
    static RegionValence.Mean measureRegion(Path valenceMap, Path mask, Path thickness) throws IOException {
        if (mask == null) {
            throw new IllegalArgumentException("valence_map needs a mask (a TIFF, non-zero = the region)");
        }
        float[] v = TiffStackIO.readMap(valenceMap);
        float[] m = TiffStackIO.readMap(mask);
        float[] t = thickness == null ? null : TiffStackIO.readMap(thickness);
        try {
            return RegionValence.measure(v, m, t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(valenceMap.getFileName() + " with mask " + mask.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code Ni=2,Mn=3.7,Co=2.9} (spaces allowed). Null or blank is an empty map.
     *
     * @throws IllegalArgumentException naming the parameter and the entry that is not ELEMENT=NUMBER
     */
    public static Map<String, Double> parseStates(String text, String parameter) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return m;
        }
        for (String part : text.split(",")) {
            String[] kv = part.split("=", -1);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException("parameter " + parameter + ": '" + part.trim()
                        + "' is not ELEMENT=NUMBER (e.g. Mn=3.7)");
            }
            String el = kv[0].trim();
            double value;
            try {
                value = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter " + parameter + ": '" + kv[1].trim() + "' for " + el
                        + " is not a number", e);
            }
            if (m.put(el, value) != null) {
                throw new IllegalArgumentException("parameter " + parameter + " names " + el + " twice");
            }
        }
        return m;
    }

    /** The result as text, one {@code key = value ± se (MC ± se)} line per quantity, then the warnings. */
    public static String summary(Outcome outcome) {
        StoichiometryResult r = outcome.result();
        Map<String, Object> m = r.toMap();
        StringBuilder sb = new StringBuilder();
        if (outcome.region() != null) {
            sb.append(String.format(Locale.ROOT, "region of %s: %s = %.4f ± %.4f (%d px, n_eff %.1f)%n",
                    outcome.options().valenceMap().getFileName(), element(outcome.options()),
                    outcome.region().meanValence(), outcome.region().se(), outcome.region().nPixels(),
                    outcome.region().nEffective()));
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String k = e.getKey();
            if (k.endsWith("_se") || k.endsWith("_se_mc") || k.equals("warnings")) {
                continue;
            }
            Object v = e.getValue();
            sb.append(k).append(" = ");
            if (v instanceof Double d) {
                sb.append(String.format(Locale.ROOT, "%.6g", d));
                if (m.get(k + "_se") instanceof Double se) {
                    sb.append(String.format(Locale.ROOT, " ± %.3g (Monte Carlo ± %.3g)", se, (Double) m.get(k + "_se_mc")));
                }
            } else {
                sb.append(v);
            }
            sb.append(System.lineSeparator());
        }
        for (String w : r.warnings()) {
            sb.append("warning: ").append(w).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** Everything the step computed plus its inputs, as JSON; the file appears whole or not at all. */
    public static void writeJson(Outcome outcome, Path file) throws IOException {
        Map<String, Object> content = new LinkedHashMap<>(outcome.result().toMap());
        content.put("inputs", inputs(outcome));
        content.put("oxymap_version", OxyMapVersion.get());
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(content) + "\n";
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Map<String, Object> inputs(Outcome outcome) throws IOException {
        Options o = outcome.options();
        StoichiometryResult r = outcome.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formula", o.formula().trim());
        m.put("pristine", r.pristine());
        m.put("cycled", r.cycled());
        m.put("uncertainty", parseStates(o.uncertainty(), "uncertainty"));
        m.put("pristine_uncertainty", parseStates(o.pristineUncertainty(), "pristine_uncertainty"));
        putIfGiven(m, "li_tm", o.liTm());
        putIfGiven(m, "li_tm_uncertainty", o.liTmUncertainty());
        putIfGiven(m, "density", o.density());
        putIfGiven(m, "density_uncertainty", o.densityUncertainty());
        putIfGiven(m, "pristine_density", o.pristineDensity());
        putIfGiven(m, "cell_volume_pristine", o.cellVolumePristine());
        putIfGiven(m, "cell_volume_cycled", o.cellVolumeCycled());
        if (o.valenceMap() != null) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("valence_map", ParamsJson.describeInput(o.valenceMap()));
            v.put("mask", ParamsJson.describeInput(o.mask()));
            if (o.thickness() != null) {
                v.put("thickness", ParamsJson.describeInput(o.thickness()));
            }
            v.put("element", element(o));
            v.put("mean_valence", outcome.region().meanValence());
            v.put("se", outcome.region().se());
            v.put("n_pixels", outcome.region().nPixels());
            v.put("n_effective", outcome.region().nEffective());
            m.put("region", v);
        }
        return m;
    }

    private static void putIfGiven(Map<String, Object> m, String key, double v) {
        if (!Double.isNaN(v)) {
            m.put(key, v);
        }
    }

    /** Keys of the JSON file that CONTRACT.md promises. */
    public static final List<String> CONTRACT_KEYS = List.of("delta_pristine", "delta_cycled",
            "oxygen_released_at_pct", "vacancy_formula", "densified_formula", "li_tm_vacancy", "li_tm_densified",
            "density_vacancy_rel", "density_densified_rel");
}
