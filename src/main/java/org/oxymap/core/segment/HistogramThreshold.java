package org.oxymap.core.segment;

/**
 * A global threshold rule on a 256-bin histogram. It returns the last bin of the background class, so foreground
 * is every bin above it: the convention of ImageJ's AutoThresholder for bright objects on a dark background.
 */
@FunctionalInterface
public interface HistogramThreshold {

    /** Index (0..255) of the last background bin. */
    int lastLowerBin(long[] histogram);
}
