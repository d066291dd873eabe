package org.oxymap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;

import org.oxymap.core.model.ProfiledParticle;

/**
 * The profiles of the benchmark's diffusion-fit stage as JSON: per particle the lamella geometry, each pixel's ρ,
 * weight and bin, and each bin's mean and SE. {@code bench/scipy_curve_fit.py} fits the same projected model to
 * the same data with SciPy, the yardstick of the model-fit speed.
 */
final class ProfileExport {

    private ProfileExport() {
    }

    static void write(List<ProfiledParticle> particles, double sectionNm, Path file) throws IOException {
        List<Object> list = new ArrayList<>();
        for (ProfiledParticle p : particles) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", p.geometry().label());
            m.put("radius_nm", p.geometry().radiusNm());
            m.put("offset_nm", p.geometry().offsetNm());
            m.put("section_nm", sectionNm);
            m.put("rho_nm", p.rhoNm());
            m.put("weight", p.weights());
            m.put("bin", p.pixelBins());
            m.put("mean", p.binMeans());
            m.put("se", p.binSe());
            m.put("fit", p.fittedBinMask());
            list.add(m);
        }
        Files.writeString(file, new Gson().toJson(list), StandardCharsets.UTF_8);
    }
}
