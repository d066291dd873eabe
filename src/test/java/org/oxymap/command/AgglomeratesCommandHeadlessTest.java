package org.oxymap.command;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.io.CsvTable;
import org.oxymap.io.ParamsJson;
import org.oxymap.io.TiffStackIO;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** The Agglomerates SciJava command run headless through the CommandService on a hand-made results folder. */
public class AgglomeratesCommandHeadlessTest {

    @TempDir
    Path tmp;

    /**
     * A minimal results folder: a hexagonal cluster of 5-px discs (large at 20 nm pixels), a triple and a single
     * particle, Mn3 fraction 0.3 in the cluster and 0.5 elsewhere, thickness 100 nm.
     */
    public static Path resultsFolder(Path dir) throws IOException {
        int n = 128;
        int[] labels = org.oxymap.io.AgglomerateRegionsTestScene.particles();
        float[] fraction = new float[n * n];
        float[] thickness = new float[n * n];
        float[] mask = new float[n * n];
        float[] lab = new float[n * n];
        for (int i = 0; i < labels.length; i++) {
            mask[i] = 1;
            lab[i] = labels[i];
            if (labels[i] > 0) {
                thickness[i] = 100;
                fraction[i] = i % n < 80 ? 0.3f : 0.5f;
            }
        }
        Files.createDirectories(dir.resolve("maps"));
        Files.createDirectories(dir.resolve("particles"));
        TiffStackIO.writeMap(fraction, n, n, 20, 20, dir.resolve("maps/fraction_Mn3.tif"));
        TiffStackIO.writeMap(thickness, n, n, 20, 20, dir.resolve("maps/thickness.tif"));
        TiffStackIO.writeMap(mask, n, n, 20, 20, dir.resolve("maps/mask.tif"));
        TiffStackIO.writeLabels(labels, n, n, 20, 20, dir.resolve("particles/labels.tif"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("profile", "Mn3");
        parameters.put("pixel_nm", 20.0);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("oxymap_version", "test");
        root.put("parameters", parameters);
        ParamsJson.write(dir.resolve("params.json"), root);
        return dir;
    }

    @Test
    void commandWritesAgglomerates() throws Exception {
        Path results = resultsFolder(tmp.resolve("results"));
        Path out = tmp.resolve("agg");
        Context context = new Context(CommandService.class);
        try {
            CommandModule m = context.service(CommandService.class).run(AgglomeratesCommand.class, true,
                    Map.of("results", results.toFile(), "agglomerates", "auto", "out", out.toFile())).get();
            String summary = (String) m.getOutput("summary");
            assertTrue(summary.contains("3 small") && summary.contains("1 isolated"), summary);
        } finally {
            context.dispose();
        }
        List<Map<String, String>> classes = CsvTable.read(out.resolve("agglomerates/classes.csv"));
        assertTrue(Double.parseDouble(classes.get(0).get("mean")) < Double.parseDouble(classes.get(2).get("mean")),
                "interior 0.3 below small 0.5");
    }
}
