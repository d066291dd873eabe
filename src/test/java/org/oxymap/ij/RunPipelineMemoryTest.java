package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.cli.OxyMapCli;
import org.oxymap.core.pipeline.MemoryEstimate;

/**
 * With a stand-in heap of 1 MB, the Fiji Run Pipeline entry and {@code oxymap demo} stop before reading the stack,
 * with one message saying what to do (Fiji's memory setting or tiles; a larger heap) and no results folder.
 */
class RunPipelineMemoryTest {

    private static final Path PRIMARY = Path.of("test-images/primary");

    @Test
    void fijiEntryAndDemoGiveAdviceInsteadOfRunning(@TempDir Path tmp) throws Exception {
        String before = System.getProperty(MemoryEstimate.HEAP_PROPERTY);
        System.setProperty(MemoryEstimate.HEAP_PROPERTY, "1m");
        try {
            Path out = tmp.resolve("results");
            String refs = PRIMARY.resolve("references/Mn2.csv") + "," + PRIMARY.resolve("references/Mn3.csv") + ","
                    + PRIMARY.resolve("references/Mn4.csv");
            Throwable e = MacroRunner.runWithOptions(new RunPipelinePlugin(), "stack=[" + PRIMARY.resolve("stack.tif")
                    + "] references=[" + refs + "] out=[" + out + "] time_s=1000000");
            assertNotNull(e, "the run should have been stopped");
            assertTrue(e instanceof IllegalStateException, e.toString());
            assertTrue(e.getMessage().startsWith("this run needs about") && e.getMessage().contains("ImageJ's heap is "
                    + "1 MB") && e.getMessage().contains("Edit > Options > Memory & Threads")
                    && e.getMessage().contains("--max-memory"), e.getMessage());
            assertFalse(Files.exists(out), "no results folder");

            Path demo = tmp.resolve("demo");
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int code = OxyMapCli.execute(new String[] {"demo", "--out", demo.toString(), "--images", "test-images"},
                    new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                    new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            String message = err.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(code == 1, message);
            assertTrue(message.startsWith("oxymap: error: the demo needs about") && message.contains("-Xmx")
                    && message.trim().lines().count() == 1, message);
            assertFalse(Files.exists(demo), "no demo folder");
        } finally {
            if (before == null) {
                System.clearProperty(MemoryEstimate.HEAP_PROPERTY);
            } else {
                System.setProperty(MemoryEstimate.HEAP_PROPERTY, before);
            }
        }
    }
}
