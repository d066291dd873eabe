package org.oxymap.core.agglomerate;

import java.util.ArrayList;
import java.util.List;

/**
 * Each classified particle's thickness-weighted mean fraction. A pixel counts when it is fitted
 * ({@code include}), its thickness is positive and its fraction finite; the weight is the thickness (DESIGN.md §2,
 * "Profiles": thicker pixels carry more signal).
 */
public final class ParticleFractions {

    private ParticleFractions() {
    }

    /**
     * @param particleLabels the labels the classification was made from
     * @param include        fitted pixels; null = all
     */
    public static List<ParticleFraction> measure(AgglomerateClassification c, int[] particleLabels, float[] fraction,
            float[] thicknessNm, boolean[] include) {
        int max = 0;
        for (ClassifiedParticle p : c.particles()) {
            max = Math.max(max, p.label());
        }
        double[] sw = new double[max + 1];
        double[] swf = new double[max + 1];
        int[] n = new int[max + 1];
        for (int i = 0; i < particleLabels.length; i++) {
            int l = particleLabels[i];
            if (l > 0 && l <= max && valid(i, fraction, thicknessNm, include)) {
                sw[l] += thicknessNm[i];
                swf[l] += thicknessNm[i] * fraction[i];
                n[l]++;
            }
        }
        List<ParticleFraction> out = new ArrayList<>();
        for (ClassifiedParticle p : c.particles()) {
            int l = p.label();
            out.add(new ParticleFraction(p, n[l] > 0 ? swf[l] / sw[l] : Double.NaN, sw[l],
                    n[l] > 0 ? sw[l] / n[l] : Double.NaN, n[l]));
        }
        return out;
    }

    static boolean valid(int i, float[] fraction, float[] thicknessNm, boolean[] include) {
        return (include == null || include[i]) && thicknessNm[i] > 0 && Float.isFinite(thicknessNm[i])
                && Float.isFinite(fraction[i]);
    }
}
