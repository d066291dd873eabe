package org.oxymap.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

import org.oxymap.core.align.AlignmentSettings;
import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.align.ShiftMethod;
import org.oxymap.core.fit.BackgroundModel;
import org.oxymap.core.pipeline.ParticleSettings;
import org.oxymap.core.model.ModelFitSettings;
import org.oxymap.core.model.OffsetMode;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.pipeline.PreparationSettings;
import org.oxymap.core.segment.ThresholdMethod;

/**
 * {@code params.json}: the parameters of a run under the same names as the command-line options (snake case),
 * the inputs with their SHA-256, and the OxyMap version. A run is reproducible from it with {@code --params}.
 */
public final class ParamsJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private ParamsJson() {
    }

    public static Map<String, Object> settingsToMap(PipelineSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", s.profile());
        m.put("section_nm", s.sectionNm());
        m.put("time_s", finiteOrNull(s.timeS()));
        m.put("bin_nm", finiteOrNull(s.binNm()));
        m.put("background", s.background().label());
        m.put("threshold", s.threshold().label());
        m.put("min_area_nm2", s.minAreaNm2());
        m.put("align", s.align());
        m.put("max_shift_px", s.maxShiftPx());
        AlignmentSettings a = s.alignment();
        m.put("align_reference", a.referenceLabel());
        m.put("align_method", a.method().label());
        m.put("align_edges", a.edgeFilter());
        m.put("align_roi", a.roi() == null ? null : a.roi().toString());
        m.put("align_log_counts", a.logCounts());
        m.put("crop", a.crop());
        m.put("align_window", a.windowPx());
        PreparationSettings p = s.preparation();
        m.put("outliers", p.outlierSigma());
        m.put("energy_shift_ev", p.energyShiftEv());
        m.put("i0_roi", p.i0Roi() == null ? null : p.i0Roi().toString());
        ParticleSettings ps = s.particles();
        m.put("fill_holes", ps.fillHoles());
        m.put("max_area_nm2", finiteOrNull(ps.maxAreaNm2()));
        m.put("watershed", ps.watershed());
        m.put("watershed_h_nm", finiteOrNull(ps.watershedHNm()));
        m.put("min_solidity", ps.minSolidity());
        m.put("min_circularity", ps.minCircularity());
        m.put("exclude_touching", ps.excludeTouching());
        m.put("touching_counts_as_edge", ps.touchingCountsAsEdge());
        m.put("normalise_distance", ps.normaliseDistance());
        m.put("normalised_bin", ps.normalisedBin());
        m.put("sectors", ps.sectors());
        ModelFitSettings f = s.modelFits();
        m.put("offset", f.offsetMode().label());
        m.put("offset_nm", f.offsetNm());
        m.put("offset_max_nm", finiteOrNull(f.offsetMaxNm()));
        m.put("bootstrap", f.bootstrapReplicates());
        m.put("bootstrap_seed", f.bootstrapSeed());
        m.put("sum_to_one", s.pixelFit().sumToOne());
        m.put("weights", s.pixelFit().weights().label());
        m.put("jump_threshold_od", s.pixelFit().jumpThresholdOd());
        m.put("subpixel_edge", ps.subpixelEdge());
        m.put("probe_fwhm_nm", f.probeFwhmNm());
        m.put("deconvolve_probe", f.deconvolveProbe());
        return m;
    }

    private static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Reads the parameters of an earlier run's params.json; missing keys keep their defaults. */
    public static PipelineSettings readSettings(Path file) throws IOException {
        JsonObject root = parse(file);
        JsonObject p = root.has("parameters") ? root.getAsJsonObject("parameters") : root;
        PipelineSettings s = PipelineSettings.defaults();
        try {
            if (has(p, "profile")) {
                s = s.withProfile(p.get("profile").getAsString());
            }
            if (has(p, "section_nm")) {
                s = s.withSectionNm(p.get("section_nm").getAsDouble());
            }
            if (has(p, "time_s")) {
                s = s.withTimeS(p.get("time_s").getAsDouble());
            }
            if (has(p, "bin_nm")) {
                s = s.withBinNm(p.get("bin_nm").getAsDouble());
            }
            if (has(p, "background")) {
                s = s.withBackground(BackgroundModel.fromLabel(p.get("background").getAsString()));
            }
            if (has(p, "threshold")) {
                s = s.withThreshold(ThresholdMethod.fromLabel(p.get("threshold").getAsString()));
            }
            if (has(p, "min_area_nm2")) {
                s = s.withMinAreaNm2(p.get("min_area_nm2").getAsDouble());
            }
            if (has(p, "align")) {
                s = s.withAlign(p.get("align").getAsBoolean());
            }
            if (has(p, "max_shift_px")) {
                s = s.withMaxShiftPx(p.get("max_shift_px").getAsDouble());
            }
            AlignmentSettings a = s.alignment();
            if (has(p, "align_reference")) {
                a = a.withReference(p.get("align_reference").getAsString());
            }
            if (has(p, "align_method")) {
                a = a.withMethod(ShiftMethod.fromLabel(p.get("align_method").getAsString()));
            }
            if (has(p, "align_edges")) {
                a = a.withEdgeFilter(p.get("align_edges").getAsBoolean());
            }
            if (has(p, "align_roi")) {
                a = a.withRoi(PixelRectangle.parse(p.get("align_roi").getAsString(), "align_roi"));
            }
            if (has(p, "align_log_counts")) {
                a = a.withLogCounts(p.get("align_log_counts").getAsBoolean());
            }
            if (has(p, "align_window")) {
                a = a.withWindowPx(p.get("align_window").getAsInt());
            }
            if (has(p, "crop")) {
                a = a.withCrop(p.get("crop").getAsBoolean());
            }
            PreparationSettings prep = s.preparation().withAlignment(a);
            if (has(p, "outliers")) {
                prep = prep.withOutlierSigma(p.get("outliers").getAsDouble());
            }
            if (has(p, "energy_shift_ev")) {
                prep = prep.withEnergyShiftEv(p.get("energy_shift_ev").getAsDouble());
            }
            if (has(p, "i0_roi")) {
                prep = prep.withI0Roi(PixelRectangle.parse(p.get("i0_roi").getAsString(), "i0_roi"));
            }
            s = s.withPreparation(prep);
            s = s.withParticles(readParticleSettings(p, s.particles()));
            ModelFitSettings f = s.modelFits();
            if (has(p, "offset")) {
                OffsetMode mode = OffsetMode.fromLabel(p.get("offset").getAsString());
                f = f.withOffset(mode, mode == OffsetMode.FIXED && has(p, "offset_nm") ? p.get("offset_nm").getAsDouble()
                        : mode == OffsetMode.UNIFORM && has(p, "offset_max_nm") ? p.get("offset_max_nm").getAsDouble()
                        : Double.NaN);
            }
            if (has(p, "bootstrap")) {
                f = f.withBootstrap(p.get("bootstrap").getAsInt(),
                        has(p, "bootstrap_seed") ? p.get("bootstrap_seed").getAsLong() : f.bootstrapSeed());
            }
            if (has(p, "probe_fwhm_nm")) {
                f = f.withProbeFwhmNm(p.get("probe_fwhm_nm").getAsDouble());
            }
            if (has(p, "deconvolve_probe")) {
                f = f.withDeconvolveProbe(p.get("deconvolve_probe").getAsBoolean());
            } else if (has(p, "probe_fwhm_nm")) {
                f = f.withDeconvolveProbe(false); // written before deconvolve_probe existed: that run did not deconvolve
            }
            s = s.withModelFits(f);
            org.oxymap.core.fit.FitOptions fo = s.pixelFit();
            if (has(p, "sum_to_one")) {
                fo = fo.withSumToOne(p.get("sum_to_one").getAsBoolean());
            }
            if (has(p, "weights")) {
                fo = fo.withWeights(org.oxymap.core.fit.FitWeights.fromLabel(p.get("weights").getAsString()));
            }
            if (has(p, "jump_threshold_od")) {
                fo = fo.withJumpThresholdOd(p.get("jump_threshold_od").getAsDouble());
            }
            s = s.withPixelFit(fo);
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return s;
    }

    /** The particle keys of params.json; absent keys keep {@code s}'s values, a null max_area_nm2 is no limit. */
    private static ParticleSettings readParticleSettings(JsonObject p, ParticleSettings s) {
        if (has(p, "fill_holes")) {
            s = s.withFillHoles(p.get("fill_holes").getAsBoolean());
        }
        if (p.has("max_area_nm2")) {
            s = s.withMaxAreaNm2(has(p, "max_area_nm2") ? p.get("max_area_nm2").getAsDouble()
                    : Double.POSITIVE_INFINITY);
        }
        if (has(p, "watershed")) {
            s = s.withWatershed(p.get("watershed").getAsBoolean());
        }
        if (has(p, "watershed_h_nm")) {
            s = s.withWatershedHNm(p.get("watershed_h_nm").getAsDouble());
        }
        if (has(p, "min_solidity")) {
            s = s.withMinSolidity(p.get("min_solidity").getAsDouble());
        }
        if (has(p, "min_circularity")) {
            s = s.withMinCircularity(p.get("min_circularity").getAsDouble());
        }
        if (has(p, "exclude_touching")) {
            s = s.withExcludeTouching(p.get("exclude_touching").getAsBoolean());
        }
        if (has(p, "touching_counts_as_edge")) {
            s = s.withTouchingCountsAsEdge(p.get("touching_counts_as_edge").getAsBoolean());
        }
        if (has(p, "normalise_distance")) {
            s = s.withNormaliseDistance(p.get("normalise_distance").getAsBoolean());
        }
        if (has(p, "normalised_bin")) {
            s = s.withNormalisedBin(p.get("normalised_bin").getAsDouble());
        }
        if (has(p, "sectors")) {
            s = s.withSectors(p.get("sectors").getAsInt());
        }
        if (has(p, "subpixel_edge")) {
            s = s.withSubpixelEdge(p.get("subpixel_edge").getAsBoolean());
        }
        return s;
    }

    /** The pixel size stored by an earlier run, or NaN. */
    public static double readPixelNm(Path file) throws IOException {
        JsonObject root = parse(file);
        JsonObject p = root.has("parameters") ? root.getAsJsonObject("parameters") : root;
        return has(p, "pixel_nm") ? p.get("pixel_nm").getAsDouble() : Double.NaN;
    }

    private static JsonObject parse(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "parameter file not found");
        }
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new IOException(file + ": expected a JSON object of parameters");
            }
            return e.getAsJsonObject();
        } catch (JsonSyntaxException e) {
            throw new IOException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    private static boolean has(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull();
    }

    public static void write(Path file, Map<String, Object> content) throws IOException {
        Files.writeString(file, GSON.toJson(content) + "\n", StandardCharsets.UTF_8);
    }

    /** An input's record for params.json: its absolute path and SHA-256. */
    public static Map<String, Object> describeInput(Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", file.toAbsolutePath().normalize().toString());
        m.put("sha256", sha256(file));
        return m;
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) >= 0) {
                // digest accumulates while reading
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
