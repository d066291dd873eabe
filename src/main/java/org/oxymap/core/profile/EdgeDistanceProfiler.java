package org.oxymap.core.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Bins a map (e.g. the Mn3+ fraction) by distance from each particle's edge, thickness-weighted (DESIGN.md §2,
 * "Profiles").
 *
 * <p>The x-axis is the distance from the particle's visible edge in nm: the Euclidean distance from the pixel's
 * centre to the nearest pixel centre outside the particle, minus half a pixel, so that it measures to the
 * boundary between the last particle pixel and the first outside pixel (a pixel on the rim sits at half a
 * pixel). Bin {@code j} holds distances in [j·w, (j+1)·w) and is reported at its centre.
 */
public final class EdgeDistanceProfiler {

    private final double binWidthNm;
    private final double edgeOffsetNm;

    /**
     * @param binWidthNm   bin width w
     * @param edgeOffsetNm subtracted from the distance transform (half the pixel size, see the class notes)
     */
    public EdgeDistanceProfiler(double binWidthNm, double edgeOffsetNm) {
        if (!(binWidthNm > 0) || !Double.isFinite(binWidthNm)) {
            throw new IllegalArgumentException("profile bin width is " + binWidthNm + " nm, expected > 0");
        }
        if (!(edgeOffsetNm >= 0)) {
            throw new IllegalArgumentException("edge offset is " + edgeOffsetNm + " nm, expected >= 0");
        }
        this.binWidthNm = binWidthNm;
        this.edgeOffsetNm = edgeOffsetNm;
    }

    public double binWidthNm() {
        return binWidthNm;
    }

    /** Distance from the edge (nm) of a pixel whose distance-transform value is {@code distanceTransformNm}. */
    public double edgeDistanceNm(double distanceTransformNm) {
        return Math.max(0.0, distanceTransformNm - edgeOffsetNm);
    }

    /** Bin index of a pixel whose distance-transform value is {@code distanceTransformNm}. */
    public int binOf(double distanceTransformNm) {
        return (int) Math.floor(edgeDistanceNm(distanceTransformNm) / binWidthNm);
    }

    /**
     * Profiles of the particles whose {@code include[label − 1]} is true, followed by the ensemble over them
     * (particle 0). Pixels with weight ≤ 0 or a non-finite value are left out.
     */
    public List<ProfileBin> profile(int[] labels, int count, boolean[] include, float[] distanceNm, float[] values,
            float[] weights) {
        int n = labels.length;
        if (distanceNm.length != n || values.length != n || weights.length != n) {
            throw new IllegalArgumentException("labels, distance, value and weight maps must have the same size ("
                    + n + " pixels)");
        }
        int maxBin = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] > 0) {
                maxBin = Math.max(maxBin, binOf(distanceNm[i]));
            }
        }
        int bins = maxBin + 1;
        // accumulators [particle 0..count][bin] : Σw, Σw·x, Σw·x², Σw², n
        double[][] sw = new double[count + 1][bins];
        double[][] swx = new double[count + 1][bins];
        double[][] swxx = new double[count + 1][bins];
        double[][] sww = new double[count + 1][bins];
        int[][] cnt = new int[count + 1][bins];
        for (int i = 0; i < n; i++) {
            int l = labels[i];
            if (l <= 0 || !include[l - 1]) {
                continue;
            }
            double w = weights[i];
            double x = values[i];
            if (!(w > 0) || !Double.isFinite(x)) {
                continue;
            }
            int b = binOf(distanceNm[i]);
            for (int p : new int[] {l, 0}) {
                sw[p][b] += w;
                swx[p][b] += w * x;
                swxx[p][b] += w * x * x;
                sww[p][b] += w * w;
                cnt[p][b]++;
            }
        }
        List<ProfileBin> out = new ArrayList<>();
        for (int p = 1; p <= count; p++) {
            addBins(out, p, sw[p], swx[p], swxx[p], sww[p], cnt[p]);
        }
        addBins(out, 0, sw[0], swx[0], swxx[0], sww[0], cnt[0]);
        return out;
    }

    private void addBins(List<ProfileBin> out, int particle, double[] sw, double[] swx, double[] swxx, double[] sww,
            int[] cnt) {
        for (int b = 0; b < sw.length; b++) {
            if (cnt[b] == 0) {
                continue;
            }
            out.add(bin(particle, (b + 0.5) * binWidthNm, sw[b], swx[b], swxx[b], sww[b], cnt[b]));
        }
    }

    /** The weighted mean and standard error of DESIGN.md §2 from the sums of a bin. */
    static ProfileBin bin(int particle, double distanceNm, double sw, double swx, double swxx, double sww, int n) {
        double mean = swx / sw;
        double variance = Math.max(0.0, swxx / sw - mean * mean);
        double nEff = sw * sw / sww;
        double se = Math.sqrt(variance) / Math.sqrt(nEff);
        return new ProfileBin(particle, distanceNm, mean, se, sw, n);
    }
}
