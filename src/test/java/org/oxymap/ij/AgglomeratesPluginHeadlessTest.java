package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.gui.Overlay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.command.AgglomeratesCommandHeadlessTest;
import org.oxymap.core.agglomerate.AgglomerateClass;
import org.oxymap.core.agglomerate.AgglomerateResult;

/**
 * "OxyMap Agglomerates" run headless from a macro line on a hand-made results folder: automatic agglomerates give
 * the known classes, the overlay holds one filled ROI per class present, and out= writes agglomerates/.
 */
class AgglomeratesPluginHeadlessTest {

    @TempDir
    Path tmp;

    @Test
    void macroLineClassesAndWrites() throws Exception {
        Path results = AgglomeratesCommandHeadlessTest.resultsFolder(tmp.resolve("results"));
        Path out = tmp.resolve("agg");
        Throwable failure = MacroRunner.runWithOptions(new AgglomeratesPlugin(), "results=[" + results
                + "] agglomerates=auto out=[" + out + "] closing_nm=100 large_diameter_um=1 band_nm=200 "
                + "thickness_bins=2");
        assertNull(failure, () -> String.valueOf(failure));
        AgglomerateResult r = AgglomeratesPlugin.last;
        assertNotNull(r);
        assertEquals(3, r.classification().count(AgglomerateClass.SMALL));
        assertEquals(1, r.classification().count(AgglomerateClass.ISOLATED));
        assertTrue(r.classification().count(AgglomerateClass.INTERIOR) > 0);
        Overlay o = AgglomeratesPlugin.overlay(r);
        assertEquals(4, o.size());
        assertEquals("interior", o.get(0).getName());
        assertEquals(4, AgglomeratesPlugin.classTable(r).size());
        assertEquals(6, AgglomeratesPlugin.comparisonTable(r).size());
        assertTrue(Files.isRegularFile(out.resolve("agglomerates/classes.csv")));
        assertTrue(Files.readString(out.resolve("params.json")).contains("\"band_nm\": 200.0"));
    }
}
