package org.oxymap.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.oxymap.core.pipeline.MemoryEstimate;
import org.oxymap.core.pipeline.PipelineResult;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.progress.ProgressListener;

/**
 * Runs the pipeline on every stack of a folder with the parameters of one params.json: one results folder per
 * stack ({@code OUT/<stack name>/}) and {@code OUT/summary.csv} across them. A stack that fails is reported in the
 * summary and the others go on; a stack whose results folder already holds a run of the same input (same
 * SHA-256) is skipped unless a rerun is asked for. For cluster array jobs, {@link #runOne} runs the N-th stack
 * only and {@link #merge} builds the summary afterwards from the finished folders.
 */
public final class BatchRunner {

    /** File endings taken as stacks. Sidecars ({@code .energies.txt}) and tables are not stacks. */
    public static final Set<String> STACK_ENDINGS = Set.of(".tif", ".tiff", ".hdr", ".nxs", ".h5", ".hdf5", ".cxi",
            ".ncb", ".stk");

    /** Columns of summary.csv. */
    public static final List<String> SUMMARY_COLUMNS = List.of("stack", "status", "message", "particles",
            "profiled_particles", "D_cm2_s", "D_se_cm2_s", "Dt_nm2", "chi2_red", "results");

    /** What a batch needs besides the stacks: the parameters and references of an earlier run's params.json. */
    public record Config(PipelineSettings settings, List<Path> references, Map<String, Double> valences,
            double pixelNm, ReferencePreparationSettings preparation) {

        /** A config whose references are used as read. */
        public Config(PipelineSettings settings, List<Path> references, Map<String, Double> valences,
                double pixelNm) {
            this(settings, references, valences, pixelNm, ReferencePreparationSettings.none());
        }

        public Config {
            if (preparation == null) {
                preparation = ReferencePreparationSettings.none();
            }
        }

        /** Reads {@code params.json}: parameters, reference files (paths as recorded) and their valences. */
        public static Config fromParams(Path paramsJson) throws IOException {
            PipelineSettings settings = ParamsJson.readSettings(paramsJson);
            JsonObject root = JsonParser.parseString(Files.readString(paramsJson, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            List<Path> refs = new ArrayList<>();
            Map<String, Double> valences = new LinkedHashMap<>();
            JsonObject inputs = root.has("inputs") ? root.getAsJsonObject("inputs") : null;
            JsonArray array = inputs != null && inputs.has("references") ? inputs.getAsJsonArray("references") : null;
            if (array == null || array.isEmpty()) {
                throw new IOException(paramsJson + ": no inputs.references: the batch takes its reference spectra from "
                        + "the params.json of an earlier run (oxymap run writes one)");
            }
            for (JsonElement e : array) {
                JsonObject r = e.getAsJsonObject();
                Path p = Path.of(r.get("path").getAsString());
                if (!p.isAbsolute()) {
                    p = paramsJson.toAbsolutePath().getParent().resolve(p);
                }
                if (r.has("group") && !r.get("group").isJsonNull()) {
                    p = Path.of(p + "#" + r.get("group").getAsString());
                }
                refs.add(p);
                if (r.has("valence") && !r.get("valence").isJsonNull() && r.has("name")) {
                    valences.put(r.get("name").getAsString(), r.get("valence").getAsDouble());
                }
            }
            return new Config(settings, refs, valences, ParamsJson.readPixelNm(paramsJson),
                    ReferencePreparationSettings.fromParams(paramsJson));
        }
    }

    /** The outcome of one stack. */
    public record Outcome(Path stack, String status, String message, Path results) {
        public static final String DONE = "done";
        public static final String SKIPPED = "skipped";
        public static final String FAILED = "failed";
    }

    private BatchRunner() {
    }

    /** The stacks in a folder, sorted by name. */
    public static List<Path> findStacks(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new java.nio.file.NoSuchFileException(folder.toString(), null, "input folder not found");
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return STACK_ENDINGS.stream().anyMatch(n::endsWith);
            }).sorted().toList();
        }
    }

    /** The results folder of a stack: its file name without the extension. */
    public static Path resultsOf(Path stack, Path outDir) {
        return outDir.resolve(stack.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
    }

    /**
     * Runs every stack, {@code parallel} at a time, then writes summary.csv.
     *
     * @param rerun run stacks again even when their results folder is finished
     */
    public static List<Outcome> runAll(List<Path> stacks, Config config, Path outDir, int parallel, boolean rerun,
            ProgressListener listener) throws IOException {
        return runAll(stacks, config, outDir, parallel, rerun, MemoryEstimate.heapBytes(), listener);
    }

    /**
     * As above, with the heap the stacks share given: {@code parallel} stacks run at once, so each is checked
     * against its share, {@code heapBytes / parallel}, before it starts ({@link #runOne(Path, Config, Path,
     * boolean, long, ProgressListener)}).
     */
    public static List<Outcome> runAll(List<Path> stacks, Config config, Path outDir, int parallel, boolean rerun,
            long heapBytes, ProgressListener listener) throws IOException {
        if (parallel < 1) {
            throw new IllegalArgumentException("parameter jobs is " + parallel + ", expected at least 1");
        }
        Files.createDirectories(outDir);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path stack : stacks) {
                futures.add(pool.submit(() -> runOne(stack, config, outDir, rerun, heapBytes / parallel,
                        ProgressListener.NONE)));
            }
            for (int i = 0; i < futures.size(); i++) {
                listener.checkCancelled("batch");
                try {
                    outcomes.add(futures.get(i).get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("batch interrupted", e);
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome(stacks.get(i), Outcome.FAILED, message(e.getCause()), null));
                }
                listener.progress("batch", i + 1, futures.size());
            }
        } finally {
            pool.shutdownNow();
        }
        merge(outDir, outcomes);
        return outcomes;
    }

    /** Runs one stack; failures become an outcome, never an exception. */
    public static Outcome runOne(Path stack, Config config, Path outDir, boolean rerun, ProgressListener listener) {
        return runOne(stack, config, outDir, rerun, MemoryEstimate.heapBytes(), listener);
    }

    /**
     * Runs one stack within {@code heapBytes}: a stack whose in-memory run needs more ({@link MemoryEstimate}) is
     * not started and fails with the advice (tiles with {@code oxymap run --max-memory}, or a larger heap), as does
     * a run that still runs out of memory; failures become an outcome, never an exception.
     */
    public static Outcome runOne(Path stack, Config config, Path outDir, boolean rerun, long heapBytes,
            ProgressListener listener) {
        Path results = resultsOf(stack, outDir);
        try {
            if (!rerun && isFinished(results, stack)) {
                return new Outcome(stack, Outcome.SKIPPED, "finished earlier (same input checksum)", results);
            }
            PipelineRunner.checkMemory(stack, null, config.references().size(), heapBytes,
                    MemoryEstimate.Front.BATCH);
            PipelineRunner.Inputs inputs = PipelineRunner.load(stack, null, config.references(), null,
                    config.pixelNm(), config.valences());
            // the recorded normalisation and shift again (a fitted shift is fitted to this stack); the results'
            // params.json records what was done, so nothing is printed from the parallel runs
            inputs = config.preparation().apply(inputs, config.valences(), config.settings().background().terms(),
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            PipelineResult r = PipelineRunner.run(inputs, config.settings(), results, null, listener);
            return new Outcome(stack, Outcome.DONE, PipelineRunner.summary(r, results), results);
        } catch (OutOfMemoryError e) {
            return new Outcome(stack, Outcome.FAILED, MemoryEstimate.outOfMemoryAdvice(heapBytes,
                    MemoryEstimate.Front.BATCH), null);
        } catch (Exception e) {
            return new Outcome(stack, Outcome.FAILED, message(e), null);
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException nf) {
            m = (nf.getReason() == null ? "file not found" : nf.getReason()) + ": " + nf.getFile();
        }
        return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }

    /** True when {@code results} holds an OxyMap run of exactly this stack (by SHA-256). */
    static boolean isFinished(Path results, Path stack) throws IOException {
        Path params = results.resolve("params.json");
        if (!Files.isRegularFile(params)) {
            return false;
        }
        try {
            JsonObject root = JsonParser.parseString(Files.readString(params, StandardCharsets.UTF_8)).getAsJsonObject();
            String sha = root.getAsJsonObject("inputs").getAsJsonObject("stack").get("sha256").getAsString();
            return sha.equals(ParamsJson.sha256(stack));
        } catch (RuntimeException e) {
            return false; // not a readable OxyMap params.json: run again
        }
    }

    /**
     * Writes {@code summary.csv} from the outcomes of this run and from every finished results folder in
     * {@code outDir} (for array jobs: pass no outcomes after all tasks ended). Written to a temporary file and
     * moved into place, so a reader never sees half a table.
     */
    public static Path merge(Path outDir, List<Outcome> outcomes) throws IOException {
        Map<String, List<Object>> rows = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(outDir)) {
            for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
                if (ResultsFolder.isOxyMapResults(d)) {
                    rows.put(d.getFileName().toString(), finishedRow(d));
                }
            }
        }
        for (Outcome o : outcomes) {
            String key = resultsOf(o.stack(), outDir).getFileName().toString();
            if (o.status().equals(Outcome.FAILED)) {
                rows.put(key, List.of(o.stack().getFileName().toString(), Outcome.FAILED, o.message(), "", "", "", "",
                        "", "", ""));
            } else if (rows.containsKey(key)) {
                List<Object> row = new ArrayList<>(rows.get(key));
                row.set(1, o.status());
                row.set(2, o.message());
                rows.put(key, row);
            }
        }
        Path tmp = Files.createTempFile(outDir, ".summary", ".csv");
        CsvTable.write(tmp, SUMMARY_COLUMNS, new ArrayList<>(rows.values()));
        Path summary = outDir.resolve("summary.csv");
        Files.move(tmp, summary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return summary;
    }

    private static List<Object> finishedRow(Path results) throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(results.resolve("params.json"),
                StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject summary = root.has("summary") ? root.getAsJsonObject("summary") : new JsonObject();
        String stack = root.getAsJsonObject("inputs").getAsJsonObject("stack").get("path").getAsString();
        return List.of(Path.of(stack).getFileName().toString(), Outcome.DONE, "", text(summary, "particles"),
                text(summary, "profiled_particles"), text(summary, "D_cm2_s"), text(summary, "D_se_cm2_s"),
                text(summary, "Dt_nm2"), text(summary, "chi2_red"), results.getFileName().toString());
    }

    private static String text(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "";
    }
}
