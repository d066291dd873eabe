package org.oxymap.bench;

/**
 * One benchmarked stage.
 *
 * @param stage          stage name
 * @param medianS        median wall time over the repetitions, seconds
 * @param ratio          median time over the yardstick's median time
 * @param throughput     work units per second
 * @param unit           what {@code throughput} counts (e.g. "pixels/s", "fits/s")
 * @param peakHeapMb     peak heap in use during the stage, MB
 * @param threads        worker threads available to the stage
 * @param singleThreadS  median time with one worker thread (NaN when not measured)
 * @param note           anything else measured for the stage (e.g. model evaluations per fit); may be empty
 */
public record StageTiming(String stage, double medianS, double ratio, double throughput, String unit,
        double peakHeapMb, int threads, double singleThreadS, String note) {

    public StageTiming withNote(String newNote) {
        return new StageTiming(stage, medianS, ratio, throughput, unit, peakHeapMb, threads, singleThreadS, newNote);
    }

    /** Speed-up from one thread to {@link #threads}, or NaN when the single-thread time was not measured. */
    public double speedup() {
        return singleThreadS / medianS;
    }
}
