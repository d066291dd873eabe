package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.Macro;
import ij.measure.ResultsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.stoichiometry.StoichiometryResult;
import org.oxymap.io.StoichiometryRunner;

class StoichiometryPluginHeadlessTest {


    @Test
    void macroOptionsRunTheStepAndWriteJson(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("with space/stoich.json");
        Throwable e = MacroRunner.runWithOptions(new StoichiometryPlugin(), "formula=MnO2 pristine=Mn=4 cycled=Mn=3 "
                + "uncertainty=Mn=0.1 json=[" + json + "]");
        if (e != null) {
            throw new AssertionError(e);
        }
        JsonObject o = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(25.0, o.get("oxygen_released_at_pct").getAsDouble(), 1e-12);
        // released = 100(1 − O_c/O_p), O_c = Q/2: σ = 100·(0.1/2)/2 = 2.5 at.%
        assertEquals(2.5, o.get("oxygen_released_at_pct_se").getAsDouble(), 1e-12);
        assertEquals("[Mn][O1.5□0.5]", o.get("vacancy_formula").getAsString());
        assertTrue(o.getAsJsonArray("warnings").toString().contains("negative Li content"));
    }

    @Test
    void badFormulaIsNamedHeadless() throws Exception {
        Throwable e = MacroRunner.runWithOptions(new StoichiometryPlugin(), "formula=LiMn2 pristine=Mn=4 cycled=Mn=3");
        assertNotNull(e);
        assertTrue(e.getMessage().contains("no oxygen"), e.getMessage());
    }

    @Test
    void resultsTableRowHasTheJsonColumns() throws Exception {
        StoichiometryResult r = StoichiometryRunner.run(new StoichiometryRunner.Options("Li2MnO3", "Mn=4", "Mn=3.5",
                "", "", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null,
                null, "Mn", 1000, 1)).result();
        ResultsTable t = StoichiometryTable.addRow(new ResultsTable(), r);
        assertEquals(1, t.size());
        assertEquals(0.25, t.getValue("delta_cycled", 0), 1e-12);
        assertEquals(1.5, t.getValue("li_tm_densified", 0), 1e-12);
        assertEquals("[Li1.8Mn1.2][O3]", t.getStringValue("densified_formula", 0));
        assertTrue(Files.readString(Path.of("plugins.config"), StandardCharsets.UTF_8)
                .contains("\"OxyMap Stoichiometry\", org.oxymap.ij.StoichiometryPlugin"));
    }
}
