package org.oxymap.core.agglomerate;

import java.util.ArrayList;
import java.util.List;

import org.oxymap.core.profile.ProfileBin;

/**
 * Fraction against distance from the agglomerate boundary (Fig. 4d), over the pixels of the particles in large
 * agglomerates (interior and exterior). Bin j holds boundary distances in [j·w, (j+1)·w) and is reported at its
 * centre; thickness-weighted mean and pixel-level weighted SE as for the edge-distance profiles.
 */
public final class BoundaryDistanceProfile {

    private BoundaryDistanceProfile() {
    }

    public static List<ProfileBin> profile(AgglomerateClassification c, float[] fraction, float[] thicknessNm,
            boolean[] include, double binNm) {
        if (!(binNm > 0) || !Double.isFinite(binNm)) {
            throw new IllegalArgumentException("parameter boundary-bin-nm is " + binNm
                    + ", expected a positive number of nm");
        }
        int[] codes = c.classCodes();
        float[] d = c.boundaryDistanceNm();
        double max = 0;
        for (int i = 0; i < codes.length; i++) {
            if (inLarge(codes[i]) && ParticleFractions.valid(i, fraction, thicknessNm, include)
                    && d[i] < Float.MAX_VALUE) {
                max = Math.max(max, d[i]);
            }
        }
        int bins = (int) Math.floor(max / binNm) + 1;
        double[] sw = new double[bins];
        double[] swf = new double[bins];
        double[] sww = new double[bins];
        double[] ss = new double[bins];
        int[] n = new int[bins];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < codes.length; i++) {
                if (!inLarge(codes[i]) || !ParticleFractions.valid(i, fraction, thicknessNm, include)
                        || !(d[i] < Float.MAX_VALUE)) {
                    continue;
                }
                int k = Math.min(bins - 1, (int) Math.floor(d[i] / binNm));
                double w = thicknessNm[i];
                if (pass == 0) {
                    sw[k] += w;
                    swf[k] += w * fraction[i];
                    sww[k] += w * w;
                    n[k]++;
                } else {
                    double e = fraction[i] - swf[k] / sw[k];
                    ss[k] += w * e * e;
                }
            }
        }
        List<ProfileBin> out = new ArrayList<>();
        for (int k = 0; k < bins; k++) {
            if (n[k] == 0) {
                continue;
            }
            double se = n[k] < 2 ? Double.NaN : Math.sqrt(ss[k] / sw[k]) / Math.sqrt(sw[k] * sw[k] / sww[k]);
            out.add(new ProfileBin(0, (k + 0.5) * binNm, swf[k] / sw[k], se, sw[k], n[k]));
        }
        return out;
    }

    private static boolean inLarge(int code) {
        return code == AgglomerateClass.INTERIOR.code() || code == AgglomerateClass.EXTERIOR.code();
    }
}
