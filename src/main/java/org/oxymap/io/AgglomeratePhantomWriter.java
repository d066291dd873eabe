package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oxymap.core.phantom.AgglomeratePhantom;
import org.oxymap.core.phantom.AgglomeratePhantomParticle;
import org.oxymap.core.phantom.AgglomeratePhantomSettings;
import org.oxymap.core.spectra.ReferenceSpectrum;

/**
 * Writes an agglomerate phantom folder: the stack and references as for the primary phantom, and in truth/ the
 * maps, labels, agglomerates.tif, particles.csv (with class and agglomerate), classes.csv (true class means) and
 * truth.json.
 */
public final class AgglomeratePhantomWriter {

    private AgglomeratePhantomWriter() {
    }

    public static void write(AgglomeratePhantom p, ResultsFolder out) throws IOException {
        TiffStackIO.write(p.stack(), out.dir().resolve("stack.tif"));
        Path refs = out.subdir("references");
        for (ReferenceSpectrum r : p.references()) {
            ReferenceCsv.write(r, refs.resolve(r.name() + ".csv"), "od_per_nm");
        }
        Path truth = out.subdir("truth");
        AgglomeratePhantomSettings s = p.settings();
        int n = s.sizePx();
        double px = s.pixelNm();
        for (int k = 0; k < p.references().size(); k++) {
            TiffStackIO.writeMap(p.fractions().get(k), n, n, px, px,
                    truth.resolve("fraction_" + p.references().get(k).name() + ".tif"));
        }
        TiffStackIO.writeMap(p.thicknessNm(), n, n, px, px, truth.resolve("thickness.tif"));
        TiffStackIO.writeLabels(p.labels(), n, n, px, px, truth.resolve("labels.tif"));
        TiffStackIO.writeLabels(p.agglomerateLabels(), n, n, px, px, truth.resolve("agglomerates.tif"));
        List<List<Object>> rows = new ArrayList<>();
        for (AgglomeratePhantomParticle q : p.particles()) {
            rows.add(List.of(q.id(), q.xPx(), q.yPx(), q.radiusNm(), q.centralThicknessNm(), q.classLabel(),
                    q.agglomerate(), q.offsetFraction()));
        }
        CsvTable.write(truth.resolve("particles.csv"), List.of("particle", "x_px", "y_px", "radius_nm",
                "central_thickness_nm", "class", "agglomerate", "offset_fraction"), rows);
        List<List<Object>> classRows = new ArrayList<>();
        for (AgglomeratePhantom.ClassTruth c : p.classes()) {
            classRows.add(List.of(c.classLabel(), c.particles() > 0 ? String.valueOf(c.mean()) : "", c.offset(),
                    c.particles(), c.pixels(), c.pixels() > 0 ? String.valueOf(c.meanThicknessNm()) : ""));
        }
        CsvTable.write(truth.resolve("classes.csv"), List.of("class", "mean", "offset", "n_particles", "n_pixels",
                "mean_thickness_nm"), classRows);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("oxymap_version", OxyMapVersion.get());
        json.put("kind", "agglomerate");
        json.put("seed", s.seed());
        json.put("pixel_nm", px);
        json.put("size_px", n);
        json.put("profiled_component", "Mn3");
        json.put("particle_radius_nm", s.particleRadiusNm());
        json.put("large_radius_nm", s.largeRadiusNm());
        json.put("lattice_spacing_nm", 2 * s.particleRadiusNm());
        json.put("class_fraction", Map.of("interior", s.interiorFraction(), "exterior", s.exteriorFraction(),
                "small", s.smallFraction(), "isolated", s.isolatedFraction()));
        json.put("thickness_slope", s.thicknessSlope());
        json.put("reference_thickness_nm", s.referenceThicknessNm());
        json.put("particle_spread", s.particleSpread());
        json.put("mn2_fraction", s.mn2Fraction());
        json.put("i0_counts", s.i0Counts());
        json.put("probe_fwhm_nm", s.probeFwhmNm());
        json.put("particles", p.particles().size());
        json.put("drift_x_px", p.driftXPx());
        json.put("drift_y_px", p.driftYPx());
        json.put("i0", p.i0());
        ParamsJson.write(truth.resolve("truth.json"), json);
    }
}
