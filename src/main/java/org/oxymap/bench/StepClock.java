package org.oxymap.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oxymap.core.progress.ProgressListener;

/**
 * A progress listener that notes when each step of a run first reports, so that the whole pipeline's time can be
 * split into its steps without timers inside the algorithms. A step's time is taken from its first report to the
 * first report of the next step (the last step: to {@link #stop()}); work that reports nothing (I0 and OD, writing)
 * is counted in the step before it. The time before the first report is the step {@code "start"}.
 */
public final class StepClock implements ProgressListener {

    private final long start = System.nanoTime();
    private final Map<String, Long> firstSeen = new LinkedHashMap<>();
    private long stop = -1;

    @Override
    public synchronized void progress(String stage, long done, long total) {
        firstSeen.putIfAbsent(stepOf(stage), System.nanoTime());
    }

    @Override
    public synchronized void checkCancelled(String stage) {
        firstSeen.putIfAbsent(stepOf(stage), System.nanoTime());
    }

    /** Ends the last step. */
    public synchronized void stop() {
        stop = System.nanoTime();
    }

    /** Step names without the per-unit detail some stages add after a colon. */
    private static String stepOf(String stage) {
        int colon = stage.indexOf(':');
        return colon > 0 ? stage.substring(0, colon) : stage;
    }

    /** Seconds per step, in the order the steps began. */
    public synchronized Map<String, Double> seconds() {
        long end = stop >= 0 ? stop : System.nanoTime();
        Map<String, Double> out = new LinkedHashMap<>();
        List<Map.Entry<String, Long>> steps = new ArrayList<>(firstSeen.entrySet());
        long previous = start;
        String name = "start";
        for (Map.Entry<String, Long> e : steps) {
            out.merge(name, (e.getValue() - previous) / 1e9, Double::sum);
            previous = e.getValue();
            name = e.getKey();
        }
        out.merge(name, (end - previous) / 1e9, Double::sum);
        return out;
    }

    /** The steps as one line, e.g. {@code alignment 12.1 s, fit 1.0 s, ...}. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Double> e : seconds().entrySet()) {
            b.append(b.length() == 0 ? "" : ", ").append(e.getKey())
                    .append(String.format(Locale.ROOT, " %.2f s", e.getValue()));
        }
        return b.toString();
    }
}
