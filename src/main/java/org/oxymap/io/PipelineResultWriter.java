package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oxymap.core.fit.FitMaps;
import org.oxymap.core.model.BinResidual;
import org.oxymap.core.model.DiffusionFit;
import org.oxymap.core.model.Interval;
import org.oxymap.core.model.ModelComparison;
import org.oxymap.core.model.ModelFit;
import org.oxymap.core.model.ModelFits;
import org.oxymap.core.model.ParticleGeometry;
import org.oxymap.core.model.ProfileModel;
import org.oxymap.core.pipeline.PipelineResult;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.profile.SectorProfileBin;
import org.oxymap.core.segment.ParticleMeasurement;
import org.oxymap.core.stack.SpectralStack;

/**
 * Writes a pipeline result into a results folder laid out as CONTRACT.md describes, plus residuals.csv and the fit
 * plots in plots/.
 */
public final class PipelineResultWriter {

    private PipelineResultWriter() {
    }

    /**
     * @param inputs params.json's "inputs" section (paths with SHA-256)
     */
    public static void write(PipelineResult r, SpectralStack stack, Map<String, Object> inputs, ResultsFolder out)
            throws IOException {
        int w = r.areaPx().width();
        int h = r.areaPx().height();
        double pw = stack.pixelWidthNm();
        double ph = stack.pixelHeightNm();
        FitMaps m = r.maps();
        Path maps = out.subdir("maps");
        for (int k = 0; k < m.names().size(); k++) {
            String name = m.names().get(k);
            TiffStackIO.writeMap(m.coefficients().get(k), w, h, pw, ph, maps.resolve("coefficient_" + name + ".tif"));
            TiffStackIO.writeMap(m.fractions().get(k), w, h, pw, ph, maps.resolve("fraction_" + name + ".tif"));
            TiffStackIO.writeMap(m.sigmas().get(k), w, h, pw, ph, maps.resolve("sigma_" + name + ".tif"));
        }
        TiffStackIO.writeMap(m.valence(), w, h, pw, ph, maps.resolve("valence.tif"));
        TiffStackIO.writeMap(m.thickness(), w, h, pw, ph, maps.resolve("thickness.tif"));
        TiffStackIO.writeMap(m.reducedChi2(), w, h, pw, ph, maps.resolve("residual.tif"));
        TiffStackIO.writeMap(m.background(), w, h, pw, ph, maps.resolve("background.tif"));
        float[] mask = new float[w * h];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = m.fitted()[i] ? 1f : 0f;
        }
        TiffStackIO.writeMap(mask, w, h, pw, ph, maps.resolve("mask.tif"));
        TiffStackIO.writeMap(m.rFactor(), w, h, pw, ph, maps.resolve("rfactor.tif"));
        TiffStackIO.writeMap(m.edgeJump(), w, h, pw, ph, maps.resolve("edge_jump.tif"));
        float[] jumpMask = new float[w * h];
        for (int i = 0; i < jumpMask.length; i++) {
            jumpMask[i] = m.smallJump()[i] ? 1f : 0f;
        }
        TiffStackIO.writeMap(jumpMask, w, h, pw, ph, maps.resolve("jump_mask.tif"));

        Path particles = out.subdir("particles");
        TiffStackIO.writeLabels(r.segmentation().labels(), w, h, pw, ph, particles.resolve("labels.tif"));
        TiffStackIO.writeMap(r.distanceNm(), w, h, pw, ph, particles.resolve("distance.tif"));
        writeParticles(r, particles.resolve("particles.csv"));
        writeProfiles(r.profileBins(), out.dir().resolve("profiles.csv"));
        if (!r.normalisedBins().isEmpty()) {
            writeNormalisedProfiles(r.normalisedBins(), out.dir().resolve("profiles_normalised.csv"));
        }
        if (!r.sectorBins().isEmpty()) {
            writeSectorProfiles(r.sectorBins(), out.dir().resolve("profiles_sectors.csv"));
        }
        ProfilePlotWriter.write(r.profileBins(), r.settings().profile() + " fraction", out.subdir("plots"));
        writeFits(r, out.dir().resolve("fits.csv"));
        writeResiduals(r.modelFits(), out.dir().resolve("residuals.csv"));
        FitPlotWriter.write(r.modelFits(), r.settings().profile(), r.settings().timeS(), out.subdir("plots"));
        writeShifts(r, stack, out.dir().resolve("alignment.csv"));
        AlignmentPlot.write(stack.energiesEv(), r.shifts(), out.dir().resolve("alignment.png"));
        writeParams(r, stack, inputs, out.dir().resolve("params.json"));
    }

    private static void writeParticles(PipelineResult r, Path file) throws IOException {
        Map<Integer, ParticleGeometry> geometry = new LinkedHashMap<>();
        for (ParticleGeometry g : r.geometries()) {
            geometry.put(g.label(), g);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ParticleMeasurement p : r.particles()) {
            ParticleGeometry g = geometry.get(p.label());
            rows.add(List.of(p.label(), fmt(p.xPx()), fmt(p.yPx()), fmt(p.areaNm2()), fmt(p.radiusNm()),
                    fmt(p.meanFraction()), fmt(p.meanThicknessNm()), p.pixels(), p.touchesBorder(),
                    g == null ? "" : fmt(g.radiusNm()), g == null ? "" : fmt(g.offsetNm()),
                    g == null ? "" : fmt(g.rmsNm()), fmt(p.circularity()), fmt(p.solidity()), p.profiled(),
                    p.flagLabels()));
        }
        CsvTable.write(file, List.of("particle", "x_px", "y_px", "area_nm2", "radius_nm", "mean_fraction",
                "mean_thickness_nm", "n_pixels", "touches_border", "sphere_radius_nm", "offset_nm",
                "thickness_fit_rms_nm", "circularity", "solidity", "profiled", "flags"), rows);
    }

    private static void writeProfiles(List<ProfileBin> bins, Path file) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (ProfileBin b : bins) {
            rows.add(List.of(b.particle() == 0 ? "all" : String.valueOf(b.particle()), fmt(b.distanceNm()),
                    fmt(b.mean()), fmt(b.se()), fmt(b.weight()), b.n()));
        }
        CsvTable.write(file, List.of("particle", "distance_nm", "mean", "se", "weight", "n"), rows);
    }

    private static void writeNormalisedProfiles(List<ProfileBin> bins, Path file) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (ProfileBin b : bins) {
            rows.add(List.of(b.particle() == 0 ? "all" : String.valueOf(b.particle()), fmt(b.distanceNm()),
                    fmt(b.mean()), fmt(b.se()), fmt(b.weight()), b.n()));
        }
        CsvTable.write(file, List.of("particle", "distance_rel", "mean", "se", "weight", "n"), rows);
    }

    private static void writeSectorProfiles(List<SectorProfileBin> bins, Path file) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (SectorProfileBin s : bins) {
            ProfileBin b = s.bin();
            rows.add(List.of(b.particle() == 0 ? "all" : String.valueOf(b.particle()), s.sector(),
                    fmt(s.fromDeg()), fmt(s.toDeg()), fmt(b.distanceNm()), fmt(b.mean()), fmt(b.se()),
                    fmt(b.weight()), b.n()));
        }
        CsvTable.write(file, List.of("particle", "sector", "from_deg", "to_deg", "distance_nm", "mean", "se", "weight",
                "n"), rows);
    }

    /** Columns of fits.csv: the spine's first, then the model comparison and intervals (issue 6). */
    static final List<String> FIT_COLUMNS = List.of("particle", "model", "D_cm2_s", "D_se_cm2_s", "Dt_a2", "Dt_nm2",
            "Dt_rel_se", "c_surface", "c_surface_se", "c_bulk", "c_bulk_se", "chi2_red", "aic", "bic", "n_bins",
            "n_particles", "radius_nm", "in_global_fit", "status", "D_ci95_low_cm2_s", "D_ci95_high_cm2_s",
            "D_boot95_low_cm2_s", "D_boot95_high_cm2_s", "Dt_a2_ci95_low", "Dt_a2_ci95_high", "Dt_a2_boot95_low",
            "Dt_a2_boot95_high", "shell_nm", "shell_se_nm", "shell_ci95_low_nm", "shell_ci95_high_nm",
            "shell_boot95_low_nm", "shell_boot95_high_nm", "verdict", "delta_aic", "delta_bic", "chi2_scale",
            "verdict_margin");

    /**
     * fits.csv: for each profiled particle a diffusion row and a core–shell row, then the global core–shell row
     * and, last, the global diffusion row (particle "all"). Cells that do not apply or have no value are empty,
     * never NaN; the status column says why a model was not fitted.
     */
    private static void writeFits(PipelineResult r, Path file) throws IOException {
        double t = r.settings().timeS();
        ModelFits m = r.modelFits();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < m.diffusion().size(); i++) {
            ModelComparison c = m.comparisons().get(i);
            String in = r.outliers().contains(m.diffusion().get(i).particle()) ? "excluded" : "included";
            rows.add(fitRow(m.diffusion().get(i), c, t, in));
            rows.add(fitRow(m.coreShell().get(i), c, t, in));
        }
        rows.add(fitRow(m.globalCoreShell(), m.comparison(0), t, "global"));
        rows.add(fitRow(m.globalDiffusion(), m.comparison(0), t, "global"));
        CsvTable.write(file, FIT_COLUMNS, rows);
    }

    private static List<Object> fitRow(ModelFit f, ModelComparison c, double timeS, String inGlobal) {
        boolean timed = Double.isFinite(timeS);
        boolean diffusion = f.model() == ProfileModel.DIFFUSION;
        boolean ok = f.fitted();
        List<Object> row = new ArrayList<>();
        row.add(f.particle() == 0 ? "all" : String.valueOf(f.particle()));
        row.add(f.model().label());
        double a2 = f.radiusNm() * f.radiusNm();
        double toD = timed ? 1e-14 / timeS : Double.NaN;
        boolean d = ok && diffusion;
        row.add(d && timed ? cell(f.shape() * toD) : "");
        row.add(d && timed ? cell(f.shapeSe() * toD) : "");
        row.add(d ? cell(f.shape() / a2) : "");
        row.add(d ? cell(f.shape()) : "");
        row.add(d ? cell(f.shapeSe() / f.shape()) : "");
        row.add(ok ? cell(f.meanOuter()) : "");
        row.add(ok ? cell(f.meanOuterSe()) : "");
        row.add(ok ? cell(f.meanInner()) : "");
        row.add(ok ? cell(f.meanInnerSe()) : "");
        row.add(ok ? cell(f.reducedChi2()) : "");
        row.add(ok ? cell(f.aic()) : "");
        row.add(ok ? cell(f.bic()) : "");
        row.add(f.bins());
        row.add(f.particles());
        row.add(ok ? cell(f.radiusNm()) : "");
        row.add(inGlobal);
        row.add(f.status());
        addInterval(row, d && timed ? f.shapeCi95() : null, toD);
        addInterval(row, d && timed ? f.shapeBootstrapCi95() : null, toD);
        addInterval(row, d ? f.shapeCi95() : null, 1 / a2);
        addInterval(row, d ? f.shapeBootstrapCi95() : null, 1 / a2);
        boolean s = ok && !diffusion;
        row.add(s ? cell(f.shape()) : "");
        row.add(s ? cell(f.shapeSe()) : "");
        addInterval(row, s ? f.shapeCi95() : null, 1);
        addInterval(row, s ? f.shapeBootstrapCi95() : null, 1);
        row.add(c == null ? "" : c.verdict().label());
        row.add(c == null ? "" : cell(c.deltaAic()));
        row.add(c == null ? "" : cell(c.deltaBic()));
        row.add(c == null ? "" : cell(c.overdispersion()));
        row.add(c == null ? "" : cell(c.margin()));
        return row;
    }

    private static void addInterval(List<Object> row, Interval interval, double scale) {
        row.add(interval == null ? "" : cell(interval.low() * scale));
        row.add(interval == null ? "" : cell(interval.high() * scale));
    }

    /**
     * residuals.csv: every fitted bin of every fit (fit = particle or global), with the model's bin prediction and
     * (data − model)/SE; the global fits also give the ensemble bins (particle "all").
     */
    private static void writeResiduals(ModelFits m, Path file) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < m.diffusion().size(); i++) {
            addResiduals(rows, m.diffusion().get(i), "particle");
            addResiduals(rows, m.coreShell().get(i), "particle");
        }
        addResiduals(rows, m.globalDiffusion(), "global");
        addResiduals(rows, m.globalCoreShell(), "global");
        CsvTable.write(file, List.of("particle", "model", "fit", "distance_nm", "data", "se", "prediction",
                "residual_se"), rows);
    }

    private static void addResiduals(List<List<Object>> rows, ModelFit f, String fit) {
        for (BinResidual b : f.residuals()) {
            rows.add(List.of(b.particle() == 0 ? "all" : String.valueOf(b.particle()), f.model().label(), fit,
                    cell(b.distanceNm()), cell(b.data()), cell(b.se()), cell(b.prediction()),
                    cell(b.normalizedResidual())));
        }
    }

    /** A table cell: the number, or empty when it is not finite (tables never hold NaN). */
    static String cell(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static void writeShifts(PipelineResult r, SpectralStack stack, Path file) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (int k = 0; k < r.shifts().length; k++) {
            rows.add(List.of(stack.energyEv(k), fmt(r.shifts()[k].dxPx()), fmt(r.shifts()[k].dyPx()), fmt(r.i0()[k])));
        }
        CsvTable.write(file, List.of("energy_eV", "dx_px", "dy_px", "i0"), rows);
    }

    private static void writeParams(PipelineResult r, SpectralStack stack, Map<String, Object> inputs, Path file)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("oxymap_version", OxyMapVersion.get());
        root.put("created", Instant.now().toString());
        root.put("inputs", inputs);
        Map<String, Object> parameters = ParamsJson.settingsToMap(r.settings());
        parameters.put("pixel_nm", stack.pixelWidthNm());
        root.put("parameters", parameters);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("stack", stack.toString());
        summary.put("i0_source", !r.i0FromStack() ? "given" : r.settings().preparation().i0Roi() != null
                ? "rectangle " + r.settings().preparation().i0Roi() : "empty region of the stack");
        summary.put("unfitted_pixels", r.invalidPixels());
        summary.put("area_px", r.areaPx().toString());
        summary.put("outlier_pixels_replaced", r.outlierPixels());
        summary.put("particles", r.segmentation().count());
        summary.put("profiled_particles", r.geometries().size());
        summary.put("particles_source", Double.isNaN(r.segmentation().thresholdNm()) ? "given" : "segmented");
        summary.put("excluded_from_global_fit", r.outliers());
        summary.put("threshold_nm", Double.isNaN(r.segmentation().thresholdNm()) ? null
                : r.segmentation().thresholdNm());
        DiffusionFit g = r.globalFit();
        if (Double.isFinite(r.settings().timeS())) {
            summary.put("D_cm2_s", g.dCm2PerS(r.settings().timeS()));
            summary.put("D_se_cm2_s", g.dSeCm2PerS(r.settings().timeS()));
        }
        summary.put("Dt_nm2", g.dtNm2());
        summary.put("chi2_red", g.reducedChi2());
        ModelComparison global = r.modelFits().comparison(0);
        summary.put("verdict", global.verdict().label());
        summary.put("delta_bic", Double.isFinite(global.deltaBic()) ? global.deltaBic() : null);
        summary.put("verdict_margin", Double.isFinite(global.margin()) ? global.margin() : null);
        summary.put("verdict_rule", "|verdict_margin| >= " + ModelComparison.DECISIVE_MARGIN + ", verdict_margin = "
                + "BIC(core-shell) - BIC(diffusion) with chi2 divided by chi2_scale = max(1, smaller chi2_red);"
                + " positive favours diffusion");
        root.put("summary", summary);
        ParamsJson.write(file, root);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(v);
    }
}
