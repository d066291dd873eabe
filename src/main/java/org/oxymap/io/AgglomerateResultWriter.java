package org.oxymap.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;

import org.oxymap.core.agglomerate.Agglomerate;
import org.oxymap.core.agglomerate.AgglomerateClass;
import org.oxymap.core.agglomerate.AgglomerateResult;
import org.oxymap.core.agglomerate.AgglomerateSettings;
import org.oxymap.core.agglomerate.ClassDifference;
import org.oxymap.core.agglomerate.ClassSummary;
import org.oxymap.core.agglomerate.ParticleFraction;
import org.oxymap.core.agglomerate.ThicknessBin;
import org.oxymap.core.agglomerate.ThicknessClassBin;
import org.oxymap.core.profile.ProfileBin;

/**
 * Writes {@code agglomerates/} of a results folder: the agglomerate labels and the class overlay (TIFF), the
 * tables (CSV), the plots (PNG) and the messages, and adds an {@code agglomerates} section to params.json.
 * A value that does not exist (the mean of a class without particles, the SE of a single particle, a comparison
 * with an empty class) is written as an empty cell, never as NaN.
 */
public final class AgglomerateResultWriter {

    /** File names in agglomerates/. */
    public static final String DIR = "agglomerates";

    private AgglomerateResultWriter() {
    }

    public static void write(AgglomerateResult r, double pixelWidthNm, double pixelHeightNm, ResultsFolder out)
            throws IOException {
        Path dir = out.subdir(DIR);
        int w = r.classification().width();
        int h = r.classification().height();
        TiffStackIO.writeLabels(r.classification().agglomerateLabels(), w, h, pixelWidthNm, pixelHeightNm,
                dir.resolve("agglomerates.tif"));
        TiffStackIO.writeLabels(r.classification().classCodes(), w, h, pixelWidthNm, pixelHeightNm,
                dir.resolve("classes.tif"));
        TiffStackIO.writeMap(r.classification().boundaryDistanceNm(), w, h, pixelWidthNm, pixelHeightNm,
                dir.resolve("boundary_distance.tif"));

        List<List<Object>> rows = new ArrayList<>();
        for (ParticleFraction p : r.particles()) {
            rows.add(List.of(p.particle().label(), p.particle().agglomerateClass().label(), p.particle().agglomerate(),
                    cell(p.particle().distanceToBoundaryNm()), cell(p.meanFraction()), cell(p.meanThicknessNm()),
                    p.pixels(), cell(p.weightNm()), cell(p.particle().xPx()), cell(p.particle().yPx())));
        }
        CsvTable.write(dir.resolve("particles.csv"), List.of("particle", "class", "agglomerate",
                "distance_to_boundary_nm", "mean_fraction", "mean_thickness_nm", "n_pixels", "weight_nm", "x_px",
                "y_px"), rows);

        rows = new ArrayList<>();
        for (ClassSummary c : r.classes()) {
            rows.add(List.of(c.agglomerateClass().label(), cell(c.mean().mean()), cell(c.mean().se()), c.particles(),
                    c.pixels(), c.agglomerateClass().code(), r.component()));
        }
        CsvTable.write(dir.resolve("classes.csv"), List.of("class", "mean", "se", "n_particles", "n_pixels", "code",
                "component"), rows);

        rows = new ArrayList<>();
        for (ThicknessClassBin b : r.byThickness()) {
            ClassSummary c = b.summary();
            rows.add(List.of(b.bin(), cell(b.loNm()), cell(b.hiNm()), c.agglomerateClass().label(),
                    cell(c.mean().mean()), cell(c.mean().se()), c.particles(), c.pixels()));
        }
        CsvTable.write(dir.resolve("by_thickness.csv"), List.of("bin", "thickness_lo_nm", "thickness_hi_nm", "class",
                "mean", "se", "n_particles", "n_pixels"), rows);

        rows = new ArrayList<>();
        for (ProfileBin b : r.vsBoundary()) {
            rows.add(List.of(cell(b.distanceNm()), cell(b.mean()), cell(b.se()), cell(b.weight()), b.n()));
        }
        CsvTable.write(dir.resolve("vs_boundary_distance.csv"), List.of("distance_nm", "mean", "se", "weight", "n"),
                rows);

        rows = new ArrayList<>();
        for (ThicknessBin b : r.vsThickness()) {
            rows.add(List.of(cell(b.loNm()), cell(b.hiNm()), cell(b.mean().mean()), cell(b.mean().se()),
                    cell(b.mean().weight()), b.mean().n()));
        }
        CsvTable.write(dir.resolve("fraction_vs_thickness.csv"), List.of("thickness_lo_nm", "thickness_hi_nm", "mean",
                "se", "weight", "n"), rows);

        rows = new ArrayList<>();
        for (ClassDifference d : r.comparisons()) {
            rows.add(List.of(d.pair(), cell(d.difference()), cell(d.ciLow()), cell(d.ciHigh()), cell(d.u()),
                    cell(d.p()), cell(d.controlledDifference()), cell(d.controlledSe()), d.bins(), d.nA(), d.nB()));
        }
        CsvTable.write(dir.resolve("comparisons.csv"), List.of("pair", "difference", "ci_low", "ci_high",
                "mann_whitney_u", "p", "difference_thickness_controlled", "se_thickness_controlled",
                "thickness_bins", "n_a", "n_b"), rows);

        rows = new ArrayList<>();
        for (Agglomerate a : r.classification().agglomerates()) {
            rows.add(List.of(a.label(), a.pixels(), cell(a.areaNm2()), cell(a.equivalentDiameterUm()), a.large(),
                    a.particles(), a.touchesBorder()));
        }
        CsvTable.write(dir.resolve("agglomerates.csv"), List.of("agglomerate", "n_pixels", "area_nm2",
                "equivalent_diameter_um", "large", "n_particles", "touches_border"), rows);

        Files.write(dir.resolve("warnings.txt"), r.warnings(), StandardCharsets.UTF_8);
        AgglomeratePlotWriter.write(r, dir);
        addToParams(r, out.dir().resolve("params.json"));
    }

    /** A number, or an empty cell for a value that does not exist (NaN). */
    static String cell(double v) {
        return Double.isNaN(v) ? "" : PipelineResultWriter.fmt(v);
    }

    /** The agglomerate settings under their params.json keys (the command-line options in snake case). */
    public static Map<String, Object> settingsToMap(AgglomerateSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("closing_nm", s.closingNm());
        m.put("large_diameter_um", s.largeDiameterUm());
        m.put("band_nm", s.bandNm());
        m.put("thickness_bins", s.thicknessBins());
        m.put("boundary_bin_nm", s.boundaryBinNm());
        m.put("thickness_step_nm", s.thicknessStepNm());
        m.put("agglomerate_bootstrap", s.bootstrap());
        m.put("agglomerate_seed", s.bootstrapSeed());
        return m;
    }

    /** params.json's "agglomerates" section: the settings, where the agglomerates came from, counts and messages. */
    static Map<String, Object> describe(AgglomerateResult r) {
        AgglomerateSettings s = r.settings();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.source());
        m.put("component", r.component());
        m.putAll(settingsToMap(s));
        m.put("agglomerate_count", r.classification().agglomerates().size());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (AgglomerateClass c : AgglomerateClass.values()) {
            counts.put(c.label(), r.classification().count(c));
        }
        m.put("particles_per_class", counts);
        Map<String, Object> codes = new LinkedHashMap<>();
        codes.put("0", "background");
        for (AgglomerateClass c : AgglomerateClass.values()) {
            codes.put(String.valueOf(c.code()), c.label());
        }
        m.put("class_codes", codes);
        m.put("warnings", r.warnings());
        return m;
    }

    private static void addToParams(AgglomerateResult r, Path params) throws IOException {
        Gson gson = new GsonBuilder().setPrettyPrinting().serializeNulls().create();
        JsonObject root = Files.isRegularFile(params)
                ? JsonParser.parseString(Files.readString(params, StandardCharsets.UTF_8)).getAsJsonObject()
                : new JsonObject();
        if (!root.has("oxymap_version")) {
            root.addProperty("oxymap_version", OxyMapVersion.get());
        }
        root.add("agglomerates", gson.toJsonTree(describe(r)));
        Files.writeString(params, gson.toJson(root) + "\n", StandardCharsets.UTF_8);
    }

    /** Reads the "agglomerates" section of an earlier params.json over {@code base}; absent keys keep base's. */
    public static AgglomerateSettings readSettings(Path params, AgglomerateSettings base) throws IOException {
        Map<String, Object> root = new Gson().fromJson(Files.readString(params, StandardCharsets.UTF_8),
                new TypeToken<LinkedHashMap<String, Object>>() { }.getType());
        Object section = root == null ? null : root.get("agglomerates");
        if (!(section instanceof Map<?, ?> m)) {
            return base;
        }
        AgglomerateSettings s = base;
        if (m.get("closing_nm") instanceof Number v) {
            s = s.withClosingNm(v.doubleValue());
        }
        if (m.get("large_diameter_um") instanceof Number v) {
            s = s.withLargeDiameterUm(v.doubleValue());
        }
        if (m.get("band_nm") instanceof Number v) {
            s = s.withBandNm(v.doubleValue());
        }
        if (m.get("thickness_bins") instanceof Number v) {
            s = s.withThicknessBins(v.intValue());
        }
        if (m.get("boundary_bin_nm") instanceof Number v) {
            s = s.withBoundaryBinNm(v.doubleValue());
        }
        if (m.get("thickness_step_nm") instanceof Number v) {
            s = s.withThicknessStepNm(v.doubleValue());
        }
        int replicates = m.get("agglomerate_bootstrap") instanceof Number v ? v.intValue() : s.bootstrap();
        long seed = m.get("agglomerate_seed") instanceof Number v ? v.longValue() : s.bootstrapSeed();
        return s.withBootstrap(replicates, seed);
    }
}
