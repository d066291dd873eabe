package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.pipeline.ParticleSettings;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.segment.ThresholdMethod;

class ParamsJsonParticleKeysTest {

    @TempDir
    Path dir;

    @Test
    void particleSettingsRoundTripThroughParamsJson() throws IOException {
        ParticleSettings p = ParticleSettings.defaults().withFillHoles(false).withMaxAreaNm2(5e4).withWatershed(false)
                .withWatershedHNm(12.5).withMinSolidity(0.8).withMinCircularity(0.6).withExcludeTouching(false)
                .withTouchingCountsAsEdge(false).withNormaliseDistance(true).withNormalisedBin(0.1).withSectors(6);
        PipelineSettings s = PipelineSettings.defaults().withThreshold(ThresholdMethod.HUANG).withParticles(p);
        Path file = dir.resolve("params.json");
        ParamsJson.write(file, Map.of("parameters", ParamsJson.settingsToMap(s)));
        assertEquals(s, ParamsJson.readSettings(file));
        String json = Files.readString(file);
        for (String key : new String[] {"fill_holes", "max_area_nm2", "watershed", "watershed_h_nm", "min_solidity",
            "min_circularity", "exclude_touching", "touching_counts_as_edge", "normalise_distance", "normalised_bin",
            "sectors"}) {
            assertTrue(json.contains("\"" + key + "\""), key);
        }
        // defaults: no area limit and a one-pixel seed depth are written as null and read back
        Path defaults = dir.resolve("defaults.json");
        ParamsJson.write(defaults, Map.of("parameters", ParamsJson.settingsToMap(PipelineSettings.defaults())));
        assertEquals(PipelineSettings.defaults(), ParamsJson.readSettings(defaults));
    }

    @Test
    void outOfRangeParticleParametersAreNamed() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"parameters\": {\"sectors\": 1}}");
        PipelineSettings s = ParamsJson.readSettings(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::validate);
        assertTrue(e.getMessage().contains("sectors"), e.getMessage());
    }
}
