package org.oxymap.core.fit;

import java.util.stream.IntStream;

import org.oxymap.core.stack.SpectralStack;

/**
 * The edge jump of each pixel's OD spectrum: the mean OD over the post-edge band minus the mean over the pre-edge
 * band. The bands are the first and the last {@code max(1, round(n/10))} of the n energies (stacks are recorded
 * from below the edge to above it). The jump is proportional to the amount of the absorbing element in the beam, so
 * a small jump means too little material to fit a reliable composition.
 */
public final class EdgeJump {

    private EdgeJump() {
    }

    /** Energies in each band for a stack of {@code energies} energies. */
    public static int bandEnergies(int energies) {
        return Math.max(1, (int) Math.round(energies / 10.0));
    }

    /** The jump map, row-major. */
    public static float[] map(SpectralStack od) {
        int nE = od.energyCount();
        int band = bandEnergies(nE);
        int n = od.width() * od.height();
        float[] jump = new float[n];
        IntStream.range(0, (n + 4095) / 4096).parallel().forEach(chunk -> {
            int from = chunk * 4096;
            int to = Math.min(n, from + 4096);
            double[] acc = new double[to - from];
            for (int e = 0; e < nE; e++) {
                double f = weight(e, nE, band);
                if (f == 0) {
                    continue;
                }
                float[] p = od.plane(e);
                for (int i = from; i < to; i++) {
                    acc[i - from] += f * p[i];
                }
            }
            for (int i = from; i < to; i++) {
                jump[i] = (float) acc[i - from];
            }
        });
        return jump;
    }

    /** −1/band in the pre-edge band, +1/band in the post-edge band, 0 elsewhere (both bands never overlap). */
    static double weight(int e, int nE, int band) {
        int b = Math.min(band, nE / 2);
        if (e < b) {
            return -1.0 / b;
        }
        if (e >= nE - b) {
            return 1.0 / b;
        }
        return 0.0;
    }
}
