package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.io.CsvTable;

/**
 * End to end (issue 7): {@code oxymap phantom --kind agglomerate} writes the truth of the classes, and
 * {@code oxymap run --agglomerates auto} writes agglomerates/ with the contract's columns, every class row, no NaN,
 * the plots, the report section and the parameters in params.json.
 */
class AgglomeratesCliTest {

    @TempDir
    Path tmp;

    @Test
    void phantomThenRunWithAutomaticAgglomerates() throws IOException {
        Path phantom = tmp.resolve("phantom");
        OxyMapCliTest.Result r = OxyMapCliTest.cli("phantom", "--kind", "agglomerate", "--out", phantom.toString(),
                "--seed", "20217");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("stack.tif", "truth/particles.csv", "truth/classes.csv", "truth/agglomerates.tif",
                "truth/labels.tif", "truth/truth.json")) {
            assertTrue(Files.isRegularFile(phantom.resolve(f)), f);
        }
        List<Map<String, String>> truthParticles = CsvTable.read(phantom.resolve("truth/particles.csv"));
        assertTrue(truthParticles.stream().anyMatch(m -> m.get("class").equals("interior")));
        assertTrue(Files.readString(phantom.resolve("truth/truth.json")).contains("\"kind\": \"agglomerate\""));

        String refs = phantom.resolve("references/Mn2.csv") + "," + phantom.resolve("references/Mn3.csv") + ","
                + phantom.resolve("references/Mn4.csv");
        Path out = tmp.resolve("run");
        r = OxyMapCliTest.cli("run", "--stack", phantom.resolve("stack.tif").toString(), "--references", refs,
                "--out", out.toString(), "--bootstrap", "0", "--agglomerates", "auto",
                "--band-nm", "200", "--thickness-bins", "3", "--agglomerate-bootstrap", "500");
        assertEquals(0, r.code(), r.err());
        Path a = out.resolve("agglomerates");
        for (String f : List.of("particles.csv", "classes.csv", "by_thickness.csv", "vs_boundary_distance.csv",
                "comparisons.csv", "fraction_vs_thickness.csv", "agglomerates.csv", "classes.tif", "agglomerates.tif",
                "classes.png", "by_thickness.png", "vs_boundary_distance.png", "fraction_vs_thickness.png",
                "warnings.txt")) {
            assertTrue(Files.isRegularFile(a.resolve(f)), f);
        }
        assertTrue(Files.readAllLines(a.resolve("particles.csv")).get(0).startsWith(
                "particle,class,agglomerate,distance_to_boundary_nm,mean_fraction,mean_thickness_nm,"));
        assertTrue(Files.readAllLines(a.resolve("classes.csv")).get(0).startsWith(
                "class,mean,se,n_particles,n_pixels"));
        assertTrue(Files.readAllLines(a.resolve("comparisons.csv")).get(0).startsWith(
                "pair,difference,ci_low,ci_high,mann_whitney_u,p,"));
        List<Map<String, String>> classes = CsvTable.read(a.resolve("classes.csv"));
        assertEquals(List.of("interior", "exterior", "small", "isolated"),
                classes.stream().map(m -> m.get("class")).toList());
        List<Map<String, String>> truthClasses = CsvTable.read(phantom.resolve("truth/classes.csv"));
        for (int k = 0; k < 4; k++) {
            int truth = Integer.parseInt(truthClasses.get(k).get("n_particles"));
            int found = Integer.parseInt(classes.get(k).get("n_particles"));
            assertTrue(found > 0 && Math.abs(found - truth) <= Math.max(2, 0.1 * truth),
                    classes.get(k).get("class") + ": " + found + " particles, truth " + truth);
        }
        assertEquals(3 * 4, CsvTable.read(a.resolve("by_thickness.csv")).size());
        assertEquals(6, CsvTable.read(a.resolve("comparisons.csv")).size());
        for (String f : List.of("particles.csv", "classes.csv", "by_thickness.csv", "comparisons.csv",
                "vs_boundary_distance.csv", "fraction_vs_thickness.csv")) {
            assertFalse(Files.readString(a.resolve(f)).contains("NaN"), f + " holds NaN");
        }
        String params = Files.readString(out.resolve("params.json"));
        assertTrue(params.contains("\"agglomerates\"") && params.contains("\"band_nm\": 200.0")
                && params.contains("\"thickness_bins\": 3") && params.contains("\"source\": \"auto\""), params);
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<h2>Agglomerates</h2>") && report.contains("agglomerates/classes.png"));
    }

    @Test
    void agglomerateOptionsWithoutAgglomeratesAreRejected() throws IOException {
        OxyMapCliTest.Result r = OxyMapCliTest.cli("run", "--stack", "x.tif", "--references", "a.csv", "--out",
                tmp.resolve("o").toString(), "--band-nm", "100");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--agglomerates"), r.err());
        assertFalse(Files.exists(tmp.resolve("o")));
    }
}
