package org.oxymap.cli;

import java.io.PrintStream;

import org.oxymap.core.progress.ProgressListener;

/** A progress line on standard error: one line per stage, updated at most every 10%. */
final class ConsoleProgress implements ProgressListener {

    private final PrintStream out;
    private String stage = "";
    private long lastTenth = -1;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void progress(String newStage, long done, long total) {
        if (!newStage.equals(stage)) {
            stage = newStage;
            lastTenth = -1;
        }
        long tenth = total > 0 ? 10 * done / total : 10;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            out.printf("  %-22s %3d%%%n", stage, tenth * 10);
        }
    }
}
