package org.oxymap.core.fit;

import org.oxymap.core.stack.SpectralStack;

/**
 * A quick two-energy map: (OD(E2) − p) / (OD(E1) − p), with p the pixel's mean OD over a pre-edge band. With E1 on
 * the edge step (or a peak shared by all valences) and E2 on a peak that grows with one valence, the ratio follows
 * the composition without a fit, and does not depend on thickness. Pixels whose denominator is below a minimum OD
 * (too little material, or E1 not above the pre-edge) are masked: the map holds 0 there.
 *
 * <p>Each energy is the stack energy nearest to the one asked for; the band holds every stack energy inside
 * [from, to].
 */
public final class EnergyRatioMap {

    /**
     * @param ratio       the ratio map (0 where masked)
     * @param valid       pixels whose denominator reached the minimum
     * @param e1Ev        the stack energy used for E1
     * @param e2Ev        the stack energy used for E2
     * @param bandEnergies stack energies in the pre-edge band
     */
    public record Result(float[] ratio, boolean[] valid, double e1Ev, double e2Ev, int bandEnergies) {
    }

    private final double e1Ev;
    private final double e2Ev;
    private final double bandFromEv;
    private final double bandToEv;
    private final double minDenominatorOd;

    /**
     * @param e1Ev             energy of the denominator
     * @param e2Ev             energy of the numerator
     * @param bandFromEv       start of the pre-edge band
     * @param bandToEv         end of the pre-edge band
     * @param minDenominatorOd smallest OD(E1) − p that is not masked (&gt; 0)
     */
    public EnergyRatioMap(double e1Ev, double e2Ev, double bandFromEv, double bandToEv, double minDenominatorOd) {
        if (!(bandToEv >= bandFromEv) || !Double.isFinite(bandFromEv) || !Double.isFinite(bandToEv)) {
            throw new IllegalArgumentException("pre-edge band " + bandFromEv + "–" + bandToEv
                    + " eV: expected two finite energies, from ≤ to");
        }
        if (!(minDenominatorOd > 0) || !Double.isFinite(minDenominatorOd)) {
            throw new IllegalArgumentException("minimum denominator is " + minDenominatorOd + " OD, expected > 0");
        }
        if (!Double.isFinite(e1Ev) || !Double.isFinite(e2Ev)) {
            throw new IllegalArgumentException("ratio energies must be finite, got " + e1Ev + " and " + e2Ev);
        }
        this.e1Ev = e1Ev;
        this.e2Ev = e2Ev;
        this.bandFromEv = bandFromEv;
        this.bandToEv = bandToEv;
        this.minDenominatorOd = minDenominatorOd;
    }

    public Result compute(SpectralStack od) {
        double[] e = od.energiesEv();
        int i1 = nearest(e, e1Ev);
        int i2 = nearest(e, e2Ev);
        int count = 0;
        for (double v : e) {
            count += v >= bandFromEv && v <= bandToEv ? 1 : 0;
        }
        if (count == 0) {
            throw new IllegalArgumentException("no stack energy lies in the pre-edge band " + bandFromEv + "–"
                    + bandToEv + " eV (the stack covers " + e[0] + "–" + e[e.length - 1] + " eV)");
        }
        int n = od.width() * od.height();
        double[] pre = new double[n];
        for (int k = 0; k < e.length; k++) {
            if (e[k] >= bandFromEv && e[k] <= bandToEv) {
                float[] p = od.plane(k);
                for (int i = 0; i < n; i++) {
                    pre[i] += p[i];
                }
            }
        }
        float[] p1 = od.plane(i1);
        float[] p2 = od.plane(i2);
        float[] ratio = new float[n];
        boolean[] valid = new boolean[n];
        for (int i = 0; i < n; i++) {
            double base = pre[i] / count;
            double den = p1[i] - base;
            if (den >= minDenominatorOd) {
                ratio[i] = (float) ((p2[i] - base) / den);
                valid[i] = true;
            }
        }
        return new Result(ratio, valid, e[i1], e[i2], count);
    }

    private static int nearest(double[] e, double target) {
        int best = 0;
        for (int k = 1; k < e.length; k++) {
            if (Math.abs(e[k] - target) < Math.abs(e[best] - target)) {
                best = k;
            }
        }
        return best;
    }
}
