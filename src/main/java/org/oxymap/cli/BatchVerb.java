package org.oxymap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.oxymap.io.BatchRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oxymap batch}: every stack of a folder, or one of them per cluster array task, and the summary. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Run the pipeline on every stack of a folder with the parameters of a params.json.")
final class BatchVerb implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "Folder of stacks.")
    Path in;
    @Option(names = "--params", required = true,
            description = "params.json of an earlier run: its parameters and reference files are used.")
    Path params;
    @Option(names = "--out", required = true, description = "Folder for one results folder per stack and summary.csv.")
    Path out;
    @Option(names = "--jobs", defaultValue = "1", description = "Stacks run at the same time (default ${DEFAULT-VALUE}).")
    int jobs;
    @Option(names = "--rerun", description = "Run stacks again even when their results are finished.")
    boolean rerun;
    @Option(names = "--task-index", description = "Run only the N-th stack (0-based, sorted by name), e.g. "
            + "$SLURM_ARRAY_TASK_ID or $PBS_ARRAY_INDEX; no summary (use --merge when all tasks ended).")
    Integer taskIndex;
    @Option(names = "--merge", description = "Only write summary.csv from the finished results folders.")
    boolean merge;

    @Override
    public Integer call() throws IOException {
        if (merge) {
            Path summary = BatchRunner.merge(out, List.of());
            OxyMapCli.Verb.out.println("oxymap batch: summary in " + summary);
            return 0;
        }
        List<Path> stacks = BatchRunner.findStacks(in);
        if (stacks.isEmpty()) {
            throw new IllegalArgumentException("no stack (" + String.join(", ", BatchRunner.STACK_ENDINGS) + ") in " + in);
        }
        BatchRunner.Config config = BatchRunner.Config.fromParams(params);
        if (taskIndex != null) {
            if (taskIndex < 0 || taskIndex >= stacks.size()) {
                throw new IllegalArgumentException("--task-index is " + taskIndex + " but " + in + " holds "
                        + stacks.size() + " stacks (0.." + (stacks.size() - 1) + ")");
            }
            java.nio.file.Files.createDirectories(out);
            BatchRunner.Outcome o = BatchRunner.runOne(stacks.get(taskIndex), config, out, rerun,
                    new ConsoleProgress(OxyMapCli.Verb.err));
            OxyMapCli.Verb.out.println(o.stack().getFileName() + ": " + o.status() + " " + o.message());
            return o.status().equals(BatchRunner.Outcome.FAILED) ? 1 : 0;
        }
        List<BatchRunner.Outcome> outcomes = BatchRunner.runAll(stacks, config, out, jobs, rerun,
                new ConsoleProgress(OxyMapCli.Verb.err));
        long failed = outcomes.stream().filter(o -> o.status().equals(BatchRunner.Outcome.FAILED)).count();
        for (BatchRunner.Outcome o : outcomes) {
            OxyMapCli.Verb.out.println(o.stack().getFileName() + ": " + o.status() + " " + o.message());
        }
        OxyMapCli.Verb.out.printf("oxymap batch: %d stacks, %d failed; summary in %s%n", outcomes.size(), failed,
                out.resolve("summary.csv"));
        return 0;
    }
}
