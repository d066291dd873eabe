package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomParticle;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.spectra.ReferenceSpectrum;

/** Writes a phantom folder as CONTRACT.md describes: the stack, the references and the ground truth. */
public final class PhantomWriter {

    private PhantomWriter() {
    }

    public static void write(Phantom p, ResultsFolder out) throws IOException {
        TiffStackIO.write(p.stack(), out.dir().resolve("stack.tif"));
        Path refs = out.subdir("references");
        for (ReferenceSpectrum r : p.references()) {
            ReferenceCsv.write(r, refs.resolve(r.name() + ".csv"), "od_per_nm");
        }
        Path truth = out.subdir("truth");
        int n = p.settings().sizePx();
        double px = p.settings().pixelNm();
        for (int k = 0; k < p.references().size(); k++) {
            TiffStackIO.writeMap(p.fractions().get(k), n, n, px, px,
                    truth.resolve("fraction_" + p.references().get(k).name() + ".tif"));
        }
        TiffStackIO.writeMap(p.thicknessNm(), n, n, px, px, truth.resolve("thickness.tif"));
        TiffStackIO.writeLabels(p.labels(), n, n, px, px, truth.resolve("labels.tif"));
        List<List<Object>> rows = new ArrayList<>();
        for (PhantomParticle q : p.particles()) {
            rows.add(List.of(q.id(), q.xPx(), q.yPx(), q.radiusNm(), q.offsetNm(), q.model(), q.visibleRadiusNm(),
                    q.shellNm(), q.tau()));
        }
        CsvTable.write(truth.resolve("particles.csv"), List.of("particle", "x_px", "y_px", "radius_nm", "offset_nm",
                "model", "visible_radius_nm", "shell_nm", "Dt_a2"), rows);
        PhantomSettings s = p.settings();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("oxymap_version", OxyMapVersion.get());
        json.put("kind", "primary");
        json.put("seed", s.seed());
        json.put("D_cm2_s", s.dCm2PerS());
        json.put("time_s", s.timeS());
        json.put("Dt_nm2", p.dtNm2());
        json.put("pixel_nm", px);
        json.put("section_nm", s.sectionNm());
        json.put("size_px", n);
        json.put("surface_fraction", s.surfaceFraction());
        json.put("bulk_fraction", s.bulkFraction());
        json.put("mn2_fraction", s.mn2Fraction());
        json.put("profiled_component", "Mn3");
        json.put("i0_counts", s.i0Counts());
        json.put("core_shell_shell_nm", s.shellNm());
        json.put("particles", p.particles().size());
        json.put("drift_x_px", p.driftXPx());
        json.put("drift_y_px", p.driftYPx());
        json.put("i0", p.i0());
        ParamsJson.write(truth.resolve("truth.json"), json);
    }
}
