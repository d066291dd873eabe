package org.oxymap.core.edge;

/**
 * Valence from an edge-energy map through a {@link CalibrationLine}: {@code valence} and its standard error from
 * the line's parameter covariance; masked pixels hold {@link EdgeMapSettings#FILL_VALUE} in both and false in
 * {@code valid}.
 */
public record EdgeValenceMap(int width, int height, float[] valence, float[] valenceSigma, boolean[] valid) {

    /** Converts every valid pixel of the edge-energy map. */
    public static EdgeValenceMap convert(EdgeEnergyMap edges, CalibrationLine line) {
        int n = edges.edgeEnergyEv().length;
        float[] v = new float[n];
        float[] s = new float[n];
        boolean[] valid = edges.valid().clone();
        for (int i = 0; i < n; i++) {
            if (valid[i]) {
                double e = edges.edgeEnergyEv()[i];
                v[i] = (float) line.valence(e);
                s[i] = (float) line.valenceSe(e);
            } else {
                v[i] = EdgeMapSettings.FILL_VALUE;
                s[i] = EdgeMapSettings.FILL_VALUE;
            }
        }
        return new EdgeValenceMap(edges.width(), edges.height(), v, s, valid);
    }
}
