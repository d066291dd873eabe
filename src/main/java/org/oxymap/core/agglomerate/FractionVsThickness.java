package org.oxymap.core.agglomerate;

import java.util.ArrayList;
import java.util.List;

/**
 * Fraction of a component against pixel thickness for any map, with or without particles (Fig. 5d: in the
 * charged state thin regions reach a lower oxidation state). Pixels are binned by thickness in steps of the given
 * width from 0; per bin the thickness-weighted mean and the pixel-level weighted SE of DESIGN.md §2 ("Profiles").
 * Empty bins are left out.
 */
public final class FractionVsThickness {

    private FractionVsThickness() {
    }

    /**
     * @param include fitted pixels (null = all); pixels with thickness ≤ 0 or a non-finite value never count
     */
    public static List<ThicknessBin> profile(float[] fraction, float[] thicknessNm, boolean[] include,
            double stepNm) {
        if (!(stepNm > 0) || !Double.isFinite(stepNm)) {
            throw new IllegalArgumentException("parameter thickness-step-nm is " + stepNm
                    + ", expected a positive number of nm");
        }
        double max = 0;
        for (int i = 0; i < fraction.length; i++) {
            if (ParticleFractions.valid(i, fraction, thicknessNm, include)) {
                max = Math.max(max, thicknessNm[i]);
            }
        }
        int bins = (int) Math.floor(max / stepNm) + 1;
        if (bins > 100_000) {
            throw new IllegalArgumentException("parameter thickness-step-nm is " + stepNm + " nm for thicknesses up to "
                    + max + " nm: more than 100000 bins; choose a wider step");
        }
        double[] sw = new double[bins];
        double[] swf = new double[bins];
        double[] sww = new double[bins];
        int[] n = new int[bins];
        for (int i = 0; i < fraction.length; i++) {
            if (ParticleFractions.valid(i, fraction, thicknessNm, include)) {
                int k = Math.min(bins - 1, (int) Math.floor(thicknessNm[i] / stepNm));
                double w = thicknessNm[i];
                sw[k] += w;
                swf[k] += w * fraction[i];
                sww[k] += w * w;
                n[k]++;
            }
        }
        double[] mean = new double[bins];
        double[] ss = new double[bins];
        for (int k = 0; k < bins; k++) {
            mean[k] = n[k] > 0 ? swf[k] / sw[k] : Double.NaN;
        }
        for (int i = 0; i < fraction.length; i++) {
            if (ParticleFractions.valid(i, fraction, thicknessNm, include)) {
                int k = Math.min(bins - 1, (int) Math.floor(thicknessNm[i] / stepNm));
                double d = fraction[i] - mean[k];
                ss[k] += thicknessNm[i] * d * d;
            }
        }
        List<ThicknessBin> out = new ArrayList<>();
        for (int k = 0; k < bins; k++) {
            if (n[k] == 0) {
                continue;
            }
            double se = n[k] < 2 ? Double.NaN : Math.sqrt(ss[k] / sw[k]) / Math.sqrt(sw[k] * sw[k] / sww[k]);
            out.add(new ThicknessBin(k * stepNm, (k + 1) * stepNm, new WeightedMean(mean[k], se, sw[k], n[k])));
        }
        return out;
    }
}
