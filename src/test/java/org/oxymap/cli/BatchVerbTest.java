package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.io.CsvTable;

/** oxymap batch: a folder with one corrupt stack finishes the others, reruns skip, array tasks merge. */
class BatchVerbTest {

    @TempDir
    static Path tmp;
    static Path in;
    static Path params;

    @BeforeAll
    static void prepare() throws IOException {
        in = Files.createDirectories(tmp.resolve("stacks"));
        for (int seed : new int[] {11, 12}) {
            Path p = tmp.resolve("phantom" + seed);
            assertEquals(0, OxyMapCliTest.cli("phantom", "--out", p.toString(), "--seed", String.valueOf(seed)).code());
            Files.copy(p.resolve("stack.tif"), in.resolve("sample" + seed + ".tif"));
            Files.copy(p.resolve("stack.energies.txt"), in.resolve("sample" + seed + ".energies.txt"));
        }
        Files.write(in.resolve("broken.tif"), new byte[] {'I', 'I', 42, 0, 1, 2, 3});
        Path p = tmp.resolve("phantom11");
        String refs = p.resolve("references/Mn2.csv") + "," + p.resolve("references/Mn3.csv") + ","
                + p.resolve("references/Mn4.csv");
        Path first = tmp.resolve("first-run");
        assertEquals(0, OxyMapCliTest.cli("run", "--stack", p.resolve("stack.tif").toString(), "--references", refs,
                "--time-s", "1e6", "--out", first.toString()).code());
        params = first.resolve("params.json");
    }

    @Test
    void oneCorruptStackIsReportedAndTheOthersFinish() throws IOException {
        Path out = tmp.resolve("batch");
        OxyMapCliTest.Result r = OxyMapCliTest.cli("batch", "--in", in.toString(), "--params", params.toString(),
                "--out", out.toString(), "--jobs", "2");
        assertEquals(0, r.code(), r.err());
        List<Map<String, String>> summary = CsvTable.read(out.resolve("summary.csv"));
        assertEquals(3, summary.size(), summary.toString());
        Map<String, String> broken = row(summary, "broken.tif");
        assertEquals("failed", broken.get("status"));
        assertTrue(broken.get("message").contains("broken.tif"), broken.get("message"));
        for (String s : List.of("sample11.tif", "sample12.tif")) {
            Map<String, String> row = row(summary, s);
            assertEquals("done", row.get("status"), row.toString());
            assertEquals(1e-17, Double.parseDouble(row.get("D_cm2_s")), 0.25e-17, s);
        }
        assertTrue(Files.isRegularFile(out.resolve("sample11/fits.csv")));

        // a rerun skips the finished stacks
        r = OxyMapCliTest.cli("batch", "--in", in.toString(), "--params", params.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        summary = CsvTable.read(out.resolve("summary.csv"));
        assertEquals("skipped", row(summary, "sample12.tif").get("status"));
        assertEquals("failed", row(summary, "broken.tif").get("status"));
    }

    @Test
    void arrayTasksThenMerge() throws IOException {
        Path out = tmp.resolve("array");
        // sorted: broken.tif (0), sample11.tif (1), sample12.tif (2)
        assertEquals(1, OxyMapCliTest.cli("batch", "--in", in.toString(), "--params", params.toString(), "--out",
                out.toString(), "--task-index", "0").code());
        assertEquals(0, OxyMapCliTest.cli("batch", "--in", in.toString(), "--params", params.toString(), "--out",
                out.toString(), "--task-index", "2").code());
        assertTrue(Files.notExists(out.resolve("summary.csv")), "array tasks write no summary");
        assertEquals(0, OxyMapCliTest.cli("batch", "--in", in.toString(), "--params", params.toString(), "--out",
                out.toString(), "--merge").code());
        List<Map<String, String>> summary = CsvTable.read(out.resolve("summary.csv"));
        assertEquals(1, summary.size());
        assertEquals("sample12.tif", summary.get(0).get("stack"));
        OxyMapCliTest.Result bad = OxyMapCliTest.cli("batch", "--in", in.toString(), "--params", params.toString(),
                "--out", out.toString(), "--task-index", "7");
        assertTrue(bad.err().contains("--task-index is 7") && bad.err().contains("3 stacks"), bad.err());
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String stack) {
        return rows.stream().filter(m -> m.get("stack").equals(stack)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + stack + " in " + rows));
    }
}
