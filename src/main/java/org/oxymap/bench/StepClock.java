package org.oxymap.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oxymap.core.progress.ProgressListener;

/**
 * A progress listener that notes when each step of a run first reports, so that the whole pipeline's time can be
 * split into its steps without timers inside the algorithms. A step's time is taken from its first report to the
 * first report of the next step (the last step: to {@link #stop()}); work that reports nothing (I0 and OD) is
 * counted in the step before it. The time before the first report is the step {@code "start"}. Next to the wall
 * time it notes the process's CPU time (all threads), which other programs on a shared machine disturb less.
 */
public final class StepClock implements ProgressListener {

    private final Map<String, long[]> firstSeen = new LinkedHashMap<>();
    private final long[] start = now();
    private long[] stop;

    @Override
    public synchronized void progress(String stage, long done, long total) {
        note(stage);
    }

    @Override
    public synchronized void checkCancelled(String stage) {
        note(stage);
    }

    private void note(String stage) {
        String step = stepOf(stage);
        if (!firstSeen.containsKey(step)) {
            firstSeen.put(step, now());
        }
    }

    /** Ends the last step. */
    public synchronized void stop() {
        stop = now();
    }

    /** {wall ns, process CPU ns or −1}. */
    private static long[] now() {
        long cpu = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu = os.getProcessCpuTime();
        }
        return new long[] {System.nanoTime(), cpu};
    }

    /** Step names without the per-unit detail some stages add after a colon. */
    private static String stepOf(String stage) {
        int colon = stage.indexOf(':');
        return colon > 0 ? stage.substring(0, colon) : stage;
    }

    /** {wall s, CPU s (NaN when unknown)} per step, in the order the steps began. */
    public synchronized Map<String, double[]> seconds() {
        long[] end = stop != null ? stop : now();
        Map<String, double[]> out = new LinkedHashMap<>();
        List<Map.Entry<String, long[]>> steps = new ArrayList<>(firstSeen.entrySet());
        long[] previous = start;
        String name = "start";
        for (Map.Entry<String, long[]> e : steps) {
            add(out, name, previous, e.getValue());
            previous = e.getValue();
            name = e.getKey();
        }
        add(out, name, previous, end);
        return out;
    }

    private static void add(Map<String, double[]> out, String name, long[] from, long[] to) {
        double cpu = from[1] < 0 || to[1] < 0 ? Double.NaN : (to[1] - from[1]) / 1e9;
        out.merge(name, new double[] {(to[0] - from[0]) / 1e9, cpu},
                (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
    }

    /** The steps as one line, wall time with CPU time in brackets, e.g. {@code fit 1.00 s (1.95 s CPU), ...}. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, double[]> e : seconds().entrySet()) {
            b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(String.format(Locale.ROOT,
                    " %.2f s (%.2f s CPU)", e.getValue()[0], e.getValue()[1]));
        }
        return b.toString();
    }
}
