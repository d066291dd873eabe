package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.oxymap.core.edge.CalibrationLine;
import org.oxymap.core.edge.EdgeEnergyMap;
import org.oxymap.core.edge.EdgeEnergyMapper;
import org.oxymap.core.edge.EdgeMapSettings;
import org.oxymap.core.edge.EdgeValenceMap;
import org.oxymap.core.od.EmptyRegionI0Estimator;
import org.oxymap.core.od.OpticalDensityConverter;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/**
 * File in, results folder out for the edge-energy map ({@code oxymap edge}; also the API for a Fiji front end):
 * the stack is converted to optical density (I0 attached to the stack, or from its empty region) unless it already
 * is OD; then {@code maps/edge_energy.tif}, {@code maps/edge_jump.tif}, {@code maps/edge_mask.tif} (1 = measured)
 * and, with a calibration, {@code maps/valence_edge.tif} and {@code maps/valence_edge_sigma.tif} are written with
 * {@code params.json}. Masked pixels hold {@link EdgeMapSettings#FILL_VALUE}.
 */
public final class EdgeMapRunner {

    /** What a run produced. */
    public record Result(EdgeEnergyMap edges, EdgeValenceMap valence, SpectralStack od) {
    }

    private EdgeMapRunner() {
    }

    /** Optical density of a transmission stack: I0 attached, else from the empty region; invalid pixels stay 0. */
    public static OpticalDensityConverter.Result toOd(SpectralStack stack) {
        double[] i0 = stack.i0OrNull();
        if (i0 == null) {
            i0 = new EmptyRegionI0Estimator().estimate(stack).i0();
        }
        return new OpticalDensityConverter().convert(stack, i0);
    }

    /** Computes the maps without writing (for front ends that show them). */
    public static Result compute(SpectralStack stack, boolean alreadyOd, EdgeMapSettings settings,
            CalibrationLine calibration, ProgressListener listener) {
        SpectralStack od = stack;
        boolean[] invalid = null;
        if (!alreadyOd) {
            OpticalDensityConverter.Result r = toOd(stack);
            od = r.od();
            invalid = r.invalid();
        }
        EdgeEnergyMap edges = new EdgeEnergyMapper(settings).map(od, listener);
        if (invalid != null) {
            boolean[] valid = edges.valid().clone();
            float[] e = edges.edgeEnergyEv().clone();
            int count = 0;
            for (int i = 0; i < valid.length; i++) {
                if (invalid[i]) {
                    valid[i] = false;
                    e[i] = EdgeMapSettings.FILL_VALUE;
                }
                count += valid[i] ? 1 : 0;
            }
            edges = new EdgeEnergyMap(edges.width(), edges.height(), e, edges.jump(), valid, count);
        }
        EdgeValenceMap valence = calibration != null ? EdgeValenceMap.convert(edges, calibration) : null;
        return new Result(edges, valence, od);
    }

    /**
     * Reads the stack, computes the maps and writes the results folder, which appears only when complete.
     *
     * @param calibrationFile table of {@code oxymap references calibrate}, or null
     */
    public static Result run(Path stackFile, Path energiesFile, double pixelNm, boolean alreadyOd,
            EdgeMapSettings settings, Path calibrationFile, Path outDir, ProgressListener listener)
            throws IOException {
        CalibrationLine line = calibrationFile != null ? CalibrationTable.read(calibrationFile) : null;
        try (ResultsFolder folder = ResultsFolder.open(outDir, stackFile, energiesFile, calibrationFile)) {
            SpectralStack stack = StackReaders.read(stackFile, energiesFile, pixelNm);
            Result r = compute(stack, alreadyOd, settings, line, listener);
            Path maps = folder.subdir("maps");
            int w = stack.width();
            int h = stack.height();
            double pw = stack.pixelWidthNm();
            double ph = stack.pixelHeightNm();
            TiffStackIO.writeMap(r.edges().edgeEnergyEv(), w, h, pw, ph, maps.resolve("edge_energy.tif"));
            TiffStackIO.writeMap(r.edges().jump(), w, h, pw, ph, maps.resolve("edge_jump.tif"));
            float[] mask = new float[w * h];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = r.edges().valid()[i] ? 1f : 0f;
            }
            TiffStackIO.writeMap(mask, w, h, pw, ph, maps.resolve("edge_mask.tif"));
            if (r.valence() != null) {
                TiffStackIO.writeMap(r.valence().valence(), w, h, pw, ph, maps.resolve("valence_edge.tif"));
                TiffStackIO.writeMap(r.valence().valenceSigma(), w, h, pw, ph,
                        maps.resolve("valence_edge_sigma.tif"));
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("oxymap_version", OxyMapVersion.get());
            root.put("analysis", "edge_energy");
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("edge_method", settings.method().label());
            p.put("pre_edge_max_ev", Double.isNaN(settings.preEdgeMaxEv()) ? null : settings.preEdgeMaxEv());
            p.put("post_edge_min_ev", Double.isNaN(settings.postEdgeMinEv()) ? null : settings.postEdgeMinEv());
            p.put("min_jump", settings.minJump());
            p.put("od", alreadyOd);
            p.put("fill_value", EdgeMapSettings.FILL_VALUE);
            root.put("parameters", p);
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("stack", ParamsJson.describeInput(stackFile));
            if (energiesFile != null) {
                in.put("energies", ParamsJson.describeInput(energiesFile));
            }
            if (calibrationFile != null) {
                in.put("calibration", ParamsJson.describeInput(calibrationFile));
            }
            root.put("inputs", in);
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("valid_pixels", r.edges().validCount());
            res.put("mean_edge_energy_ev", r.edges().validCount() > 0 ? r.edges().meanEdgeEnergyEv() : null);
            if (line != null) {
                res.put("calibration_intercept_ev", line.interceptEv());
                res.put("calibration_slope_ev_per_valence", line.slopeEvPerValence());
                res.put("calibration_slope_se", line.slopeSeEvPerValence());
            }
            root.put("results", res);
            ParamsJson.write(folder.dir().resolve("params.json"), root);
            folder.commit();
            return r;
        }
    }
}
