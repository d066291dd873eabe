package org.oxymap.core.stoichiometry;

/**
 * The mean valence of a region of a valence map, as the oxidation-state input of the stoichiometry step. Pixels are
 * weighted by thickness, as in the edge-distance profiles (DESIGN.md §2), because a thin pixel holds less material
 * and its valence is noisier: mean = Σw·v/Σw, SE = sqrt(Σw(v − mean)²/Σw)/sqrt(n_eff), n_eff = (Σw)²/Σw².
 * The SE describes the scatter within the region only; the uncertainty of the references' nominal valences is
 * systematic and has to be added by the user.
 */
public final class RegionValence {

    /**
     * @param meanValence thickness-weighted mean valence
     * @param se          its weighted standard error
     * @param nPixels     pixels that entered (inside the mask, positive weight)
     * @param nEffective  the effective number of independent pixels (Σw)²/Σw²
     */
    public record Mean(double meanValence, double se, int nPixels, double nEffective) {
    }

    private RegionValence() {
    }

    /**
     * Measures the region.
     *
     * @param valence   valence map
     * @param mask      region: pixels where the mask is non-zero
     * @param thickness weights (e.g. the thickness map), or null for equal weights
     * @throws IllegalArgumentException when the sizes differ, the region is empty or holds a non-finite valence
     */
    public static Mean measure(float[] valence, float[] mask, float[] thickness) {
        if (mask.length != valence.length || (thickness != null && thickness.length != valence.length)) {
            throw new IllegalArgumentException("valence map (" + valence.length + " px), mask (" + mask.length
                    + " px)" + (thickness != null ? " and thickness (" + thickness.length + " px)" : "")
                    + " must have the same size");
        }
        double sw = 0;
        double swv = 0;
        double sww = 0;
        int n = 0;
        for (int i = 0; i < valence.length; i++) {
            if (mask[i] == 0) {
                continue;
            }
            double w = thickness == null ? 1 : thickness[i];
            if (!(w > 0)) {
                continue;
            }
            if (!Float.isFinite(valence[i])) {
                throw new IllegalArgumentException("valence map holds " + valence[i] + " at pixel " + i
                        + " inside the mask");
            }
            sw += w;
            swv += w * valence[i];
            sww += w * w;
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("the mask selects no pixel" + (thickness != null
                    ? " with positive thickness" : ""));
        }
        double mean = swv / sw;
        double ss = 0;
        for (int i = 0; i < valence.length; i++) {
            double w = thickness == null ? 1 : thickness[i];
            if (mask[i] != 0 && w > 0) {
                double d = valence[i] - mean;
                ss += w * d * d;
            }
        }
        double nEff = sw * sw / sww;
        return new Mean(mean, Math.sqrt(ss / sw) / Math.sqrt(nEff), n, nEff);
    }
}
