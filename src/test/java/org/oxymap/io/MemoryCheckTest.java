package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.model.ModelFitSettings;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.pipeline.MemoryEstimate;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/**
 * The memory check before a run, with small stand-in heaps: its estimate from the file headers (TIFF and
 * NXstxm), the advice each front end gives, and a batch in which a stack that cannot fit fails with that advice
 * while the other finishes.
 */
class MemoryCheckTest {

    @TempDir
    Path tmp;

    /** A 32-bit TIFF of zeros, {@code size}² × {@code energies}, with its energies sidecar; cheap to write. */
    private static Path zeros(Path file, int size, int energies) throws IOException {
        float[] plane = new float[size * size];
        double[] e = new double[energies];
        for (int k = 0; k < energies; k++) {
            e[k] = 630 + k;
        }
        SpectralStack s = SpectralStack.wrap(Collections.nCopies(energies, plane), size, size, e, 10, 10, null,
                Double.NaN);
        TiffStackIO.write(s, file);
        return file;
    }

    @Test
    void estimateComesFromTheHeaderOfTiffAndNxStxm() throws IOException {
        Path tif = zeros(tmp.resolve("z.tif"), 200, 7);
        assertEquals(MemoryEstimate.inMemoryBytes(200, 200, 7, 3), PipelineRunner.inMemoryBytes(tif, null, 3));
        SpectralStack small = TiffStackIO.read(zeros(tmp.resolve("s.tif"), 24, 6), null, Double.NaN);
        Path nxs = Hdf5PlaneSourceTest.writeNxStxm(tmp.resolve("s.nxs"), small, false, false);
        assertEquals(MemoryEstimate.inMemoryBytes(24, 24, 6, 2), PipelineRunner.inMemoryBytes(nxs, null, 2));
        long need = MemoryEstimate.inMemoryBytes(200, 200, 7, 3);
        PipelineRunner.checkMemory(tif, null, 3, need, MemoryEstimate.Front.RUN); // fits exactly: no error
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PipelineRunner.checkMemory(tif, null, 3, need - 1, MemoryEstimate.Front.RUN));
        assertTrue(e.getMessage().startsWith("this run needs about") && e.getMessage().contains("--max-memory"),
                e.getMessage());
    }

    @Test
    void eachFrontEndOffersWhatItCanDo() {
        long need = 5L << 30;
        long heap = 2L << 30;
        String run = MemoryEstimate.advice(need, heap, MemoryEstimate.Front.RUN);
        assertTrue(run.contains("5.0 GB") && run.contains("2.0 GB") && run.contains("--max-memory 1536m")
                && run.contains("OXYMAP_JAVA_OPTS=-Xmx7g"), run);
        String batch = MemoryEstimate.advice(need, heap, MemoryEstimate.Front.BATCH);
        assertTrue(batch.startsWith("this stack needs about 5.0 GB") && batch.contains("oxymap run --max-memory 1536m")
                && batch.contains("-Xmx7g"), batch);
        String demo = MemoryEstimate.advice(need, heap, MemoryEstimate.Front.DEMO);
        assertTrue(demo.contains("-Xmx7g") && !demo.contains("--max-memory"), demo);
        String fiji = MemoryEstimate.advice(need, heap, MemoryEstimate.Front.FIJI);
        assertTrue(fiji.contains("Edit > Options > Memory & Threads") && fiji.contains("at least 7 GB")
                && fiji.contains("oxymap run --max-memory 1536m") && !fiji.contains("OXYMAP_JAVA_OPTS"), fiji);
        String oom = MemoryEstimate.outOfMemoryAdvice(heap, MemoryEstimate.Front.BATCH);
        assertTrue(oom.startsWith("out of memory (Java heap 2.0 GB)") && oom.contains("--jobs"), oom);
    }

    @Test
    void heapCanBeStoodInForBySystemProperty() {
        String before = System.getProperty(MemoryEstimate.HEAP_PROPERTY);
        try {
            System.setProperty(MemoryEstimate.HEAP_PROPERTY, "48m");
            assertEquals(48L << 20, MemoryEstimate.heapBytes());
            System.clearProperty(MemoryEstimate.HEAP_PROPERTY);
            assertEquals(Runtime.getRuntime().maxMemory(), MemoryEstimate.heapBytes());
        } finally {
            if (before != null) {
                System.setProperty(MemoryEstimate.HEAP_PROPERTY, before);
            }
        }
    }

    @Test
    void batchSkipsTheStackThatCannotFitWithAdviceAndFinishesTheOther() throws IOException {
        Path phantomDir = tmp.resolve("phantom");
        PipelineRunner.writePhantom(PhantomSettings.defaults().withSize(64), phantomDir, ProgressListener.NONE);
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(phantomDir.resolve("stack.tif"), in.resolve("a-small.tif"));
        Files.copy(phantomDir.resolve("stack.energies.txt"), in.resolve("a-small.energies.txt"));
        int energies = Files.readAllLines(phantomDir.resolve("stack.energies.txt")).size();
        zeros(in.resolve("b-large.tif"), 256, energies);
        List<Path> refs = new ArrayList<>();
        for (String r : new String[] {"Mn2", "Mn3", "Mn4"}) {
            refs.add(phantomDir.resolve("references/" + r + ".csv"));
        }
        long small = PipelineRunner.inMemoryBytes(in.resolve("a-small.tif"), null, 3);
        long large = PipelineRunner.inMemoryBytes(in.resolve("b-large.tif"), null, 3);
        assertTrue(large > 10 * small, small + " " + large);
        BatchRunner.Config config = new BatchRunner.Config(PipelineSettings.defaults().withTimeS(1e6)
                .withModelFits(ModelFitSettings.defaults().withBootstrap(0, 1L)), refs, Map.of(), Double.NaN);
        Path out = tmp.resolve("out");
        long heap = 2 * small; // two jobs: each stack may use half of it, i.e. `small`
        List<BatchRunner.Outcome> outcomes = BatchRunner.runAll(BatchRunner.findStacks(in), config, out, 2, false,
                heap, ProgressListener.NONE);
        assertEquals(BatchRunner.Outcome.DONE, outcomes.get(0).status(), outcomes.get(0).message());
        BatchRunner.Outcome failed = outcomes.get(1);
        assertEquals(BatchRunner.Outcome.FAILED, failed.status());
        assertTrue(failed.message().startsWith("this stack needs about " + MemoryEstimate.format(large))
                && failed.message().contains("the Java heap is " + MemoryEstimate.format(small))
                && failed.message().contains("oxymap run --max-memory"), failed.message());
        assertFalse(Files.exists(out.resolve("b-large")), "no results folder for the stack that did not fit");
        Map<String, String> row = CsvTable.read(out.resolve("summary.csv")).stream()
                .filter(r -> r.get("stack").equals("b-large.tif")).findFirst().orElseThrow();
        assertEquals("failed", row.get("status"));
        assertTrue(row.get("message").contains("--max-memory"), row.toString());
    }
}
