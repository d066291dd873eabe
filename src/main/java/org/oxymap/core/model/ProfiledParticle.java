package org.oxymap.core.model;

import java.util.List;

import org.oxymap.core.profile.EdgeDistanceProfiler;
import org.oxymap.core.profile.ProfileBin;

/**
 * One particle ready for model fitting: its geometry, and for each of its pixels the projected distance ρ from
 * the centre, the thickness weight and the profile bin, next to the measured profile (mean and SE per bin).
 * A model's prediction for a bin is the thickness-weighted mean of the model over the same pixels, so model and
 * data are binned identically.
 */
public final class ProfiledParticle {

    /** Bins with fewer pixels than this are not fitted (their standard error is not reliable). */
    public static final int MIN_PIXELS_PER_BIN = 3;
    /** Floor on a bin's standard error, so that a bin of identical values cannot take infinite weight. */
    public static final double MIN_SE = 1e-3;

    final ParticleGeometry geometry;
    final double[] rhoNm;
    final double[] weight;
    final int[] bin;
    final double[] dataMean;
    final double[] dataSe;
    final boolean[] fitBin;
    final int fittedBins;

    private ProfiledParticle(ParticleGeometry geometry, double[] rhoNm, double[] weight, int[] bin, double[] dataMean,
            double[] dataSe, boolean[] fitBin, int fittedBins) {
        this.geometry = geometry;
        this.rhoNm = rhoNm;
        this.weight = weight;
        this.bin = bin;
        this.dataMean = dataMean;
        this.dataSe = dataSe;
        this.fitBin = fitBin;
        this.fittedBins = fittedBins;
    }

    /**
     * Collects the pixels of {@code geometry.label()} and its profile bins ({@code bins} may hold other particles'
     * bins too; only this particle's are used).
     */
    public static ProfiledParticle of(ParticleGeometry geometry, int[] labels, int width, double pixelWidthNm,
            double pixelHeightNm, float[] distanceNm, float[] weights, EdgeDistanceProfiler profiler,
            List<ProfileBin> bins) {
        int label = geometry.label();
        int n = 0;
        int maxBin = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label && weights[i] > 0) {
                n++;
                maxBin = Math.max(maxBin, profiler.binOf(distanceNm[i]));
            }
        }
        double[] rho = new double[n];
        double[] w = new double[n];
        int[] b = new int[n];
        int j = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label && weights[i] > 0) {
                rho[j] = Math.hypot((i % width - geometry.xPx()) * pixelWidthNm,
                        (i / width - geometry.yPx()) * pixelHeightNm);
                w[j] = weights[i];
                b[j] = profiler.binOf(distanceNm[i]);
                j++;
            }
        }
        double[] mean = new double[maxBin + 1];
        double[] se = new double[maxBin + 1];
        boolean[] fit = new boolean[maxBin + 1];
        int fitted = 0;
        for (ProfileBin pb : bins) {
            if (pb.particle() != label) {
                continue;
            }
            int k = (int) Math.floor(pb.distanceNm() / profiler.binWidthNm());
            if (k > maxBin) {
                continue;
            }
            mean[k] = pb.mean();
            se[k] = Math.max(MIN_SE, pb.se());
            if (pb.n() >= MIN_PIXELS_PER_BIN) {
                fit[k] = true;
                fitted++;
            }
        }
        return new ProfiledParticle(geometry, rho, w, b, mean, se, fit, fitted);
    }

    public ParticleGeometry geometry() {
        return geometry;
    }

    /** Number of bins that enter the fit. */
    public int fittedBins() {
        return fittedBins;
    }

    /** Thickness-weighted mean of the model over each bin's pixels; {@code out} has one entry per bin. */
    void predict(ProjectedRadialProfile model, double[] out) {
        double[] sw = new double[out.length];
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < rhoNm.length; i++) {
            out[bin[i]] += weight[i] * model.meanConcentration(rhoNm[i]);
            sw[bin[i]] += weight[i];
        }
        for (int k = 0; k < out.length; k++) {
            if (sw[k] > 0) {
                out[k] /= sw[k];
            }
        }
    }

    int binCount() {
        return dataMean.length;
    }
}
