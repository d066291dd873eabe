package org.oxymap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;

import org.oxymap.bench.PipelineBenchmark;
import org.oxymap.bench.StageTiming;
import org.oxymap.io.OxyMapVersion;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oxymap bench}: stage timings as ratios to a yardstick pass, printed and optionally as JSON. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time every stage on a phantom, next to one plain pass over the same stack.")
final class BenchVerb implements Callable<Integer> {

    @Option(names = "--json", description = "Also write the results as JSON.")
    Path json;
    @Option(names = "--size", defaultValue = "2048", description = "Image size in pixels (default ${DEFAULT-VALUE}).")
    int size;
    @Option(names = "--energies", defaultValue = "90", description = "Energies (default ${DEFAULT-VALUE}).")
    int energies;
    @Option(names = "--reps", defaultValue = "3", description = "Timed repetitions per stage (default ${DEFAULT-VALUE}).")
    int reps;
    @Option(names = "--max-fits", defaultValue = "1000", description = "Fits in the model-fit stage; particles "
            + "repeat as fits of their own when there are fewer (default ${DEFAULT-VALUE}).")
    int maxFits;
    @Option(names = "--until", description = "Stop after this stage (align, fit); default: every stage.")
    String until;
    @Option(names = "--only", description = "Run only this stage (fit: I0/OD and the per-pixel fit on the unaligned "
            + "stack; pipeline: the whole pipeline, split into its steps); default: every stage.")
    String only;
    @Option(names = "--export-profiles", description = "Write the profiles of the diffusion-fit stage as JSON, "
            + "for bench/scipy_curve_fit.py.")
    Path exportProfiles;
    @Option(names = "--commit", description = "Commit measured (default: git rev-parse HEAD when available).")
    String commit;

    @Override
    public Integer call() throws IOException {
        Path scratch = Files.createTempDirectory("oxymap-bench");
        PipelineBenchmark.Report r;
        try {
            r = new PipelineBenchmark(new PipelineBenchmark.Settings(size, energies, reps, maxFits, scratch, until,
                    exportProfiles, only),
                    new ConsoleProgress(OxyMapCli.Verb.err)).run();
        } finally {
            Files.deleteIfExists(scratch);
        }
        var out = OxyMapCli.Verb.out;
        out.printf("oxymap bench: %d x %d px x %d energies (%.0f MB), %d particles, %d cores, heap %d MB, %d reps%n",
                r.sizePx(), r.sizePx(), r.energies(), r.stackMb(), r.particles(), r.cores(), r.maxHeapMb(), r.reps());
        out.printf("  %-34s %9.3f s  (yardstick: one parallel pass over the stack)%n", "yardstick", r.yardstickS());
        for (StageTiming s : r.stages()) {
            out.printf("  %-34s %9.3f s  %7.1f x  %12.4g %-9s peak %6.0f MB%s%s%n", s.stage(), s.medianS(), s.ratio(),
                    s.throughput(), s.unit(), s.peakHeapMb(), Double.isNaN(s.singleThreadS()) ? ""
                            : String.format("  1->%d threads: %.2fx", s.threads(), s.speedup()),
                    s.note().isEmpty() ? "" : "  " + s.note());
        }
        if (json != null) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("oxymap_version", OxyMapVersion.get());
            root.put("commit", commit != null ? commit : gitCommit());
            root.put("date", Instant.now().toString());
            root.put("java", System.getProperty("java.version"));
            root.put("report", r);
            Files.writeString(json, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
                    .create().toJson(root) + "\n", StandardCharsets.UTF_8);
        }
        return 0;
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? s : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
