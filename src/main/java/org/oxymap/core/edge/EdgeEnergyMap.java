package org.oxymap.core.edge;

/**
 * Per-pixel edge energies (row-major, width × height). Masked pixels (edge jump too small, or no edge found in the
 * edge region) hold {@link EdgeMapSettings#FILL_VALUE} in {@code edgeEnergyEv} and false in {@code valid}.
 *
 * @param edgeEnergyEv edge energy, eV
 * @param jump         edge jump (post-edge minus pre-edge at the middle of the edge region), stack units
 * @param valid        true where the edge energy was measured
 * @param validCount   number of valid pixels
 */
public record EdgeEnergyMap(int width, int height, float[] edgeEnergyEv, float[] jump, boolean[] valid,
        int validCount) {

    /** Mean edge energy over the valid pixels, eV; throws when there is none. */
    public double meanEdgeEnergyEv() {
        if (validCount == 0) {
            throw new IllegalStateException("no pixel has an edge jump above the threshold");
        }
        double s = 0;
        for (int i = 0; i < valid.length; i++) {
            if (valid[i]) {
                s += edgeEnergyEv[i];
            }
        }
        return s / validCount;
    }
}
