package org.oxymap.core.model;

import java.util.List;

import org.oxymap.core.profile.EdgeDistanceProfiler;
import org.oxymap.core.profile.ProfileBin;

/**
 * One particle ready for model fitting: its geometry, and for each of its pixels the projected distance ρ from
 * the centre, the thickness weight and the profile bin, next to the measured profile (mean and SE per bin).
 * A model's prediction for a bin is the thickness-weighted mean of the model over the same pixels, so model and
 * data are binned identically. When built with the pixel values ({@link #of(ParticleGeometry, int[], int, double,
 * double, float[], float[], float[], EdgeDistanceProfiler, List)}) the profile can be bootstrapped over pixels.
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
    /** Each pixel's profiled value, or null when the particle was built without them. */
    final double[] value;
    final double binWidthNm;

    private ProfiledParticle(ParticleGeometry geometry, double[] rhoNm, double[] weight, int[] bin, double[] dataMean,
            double[] dataSe, boolean[] fitBin, int fittedBins, double[] value, double binWidthNm) {
        this.geometry = geometry;
        this.rhoNm = rhoNm;
        this.weight = weight;
        this.bin = bin;
        this.dataMean = dataMean;
        this.dataSe = dataSe;
        this.fitBin = fitBin;
        this.fittedBins = fittedBins;
        this.value = value;
        this.binWidthNm = binWidthNm;
    }

    /**
     * Collects the pixels of {@code geometry.label()} and its profile bins ({@code bins} may hold other particles'
     * bins too; only this particle's are used).
     */
    public static ProfiledParticle of(ParticleGeometry geometry, int[] labels, int width, double pixelWidthNm,
            double pixelHeightNm, float[] distanceNm, float[] weights, EdgeDistanceProfiler profiler,
            List<ProfileBin> bins) {
        return of(geometry, labels, width, pixelWidthNm, pixelHeightNm, distanceNm, weights, null, profiler, bins);
    }

    /**
     * As {@link #of(ParticleGeometry, int[], int, double, double, float[], float[], EdgeDistanceProfiler, List)},
     * keeping each pixel's profiled value (the map the bins were made from) for the bootstrap over pixels.
     *
     * @param values the profiled map, or null
     */
    public static ProfiledParticle of(ParticleGeometry geometry, int[] labels, int width, double pixelWidthNm,
            double pixelHeightNm, float[] distanceNm, float[] weights, float[] values, EdgeDistanceProfiler profiler,
            List<ProfileBin> bins) {
        int label = geometry.label();
        int count = 0;
        for (int l : labels) {
            count += l == label ? 1 : 0;
        }
        int[] pixels = new int[count];
        int at = 0;
        for (int i = 0; i < labels.length && at < count; i++) {
            if (labels[i] == label) {
                pixels[at++] = i;
            }
        }
        return ofPixels(geometry, pixels, width, pixelWidthNm, pixelHeightNm, distanceNm, weights, values, profiler,
                bins);
    }

    /**
     * As {@link #of(ParticleGeometry, int[], int, double, double, float[], float[], float[], EdgeDistanceProfiler,
     * List)} with the particle given as its pixel indices (row-major, increasing), so that building every particle
     * of an image costs one pass over the image instead of one per particle; {@code bins} may be this particle's
     * bins alone. The result is the same, value for value.
     *
     * @param pixels the particle's pixel indices {@code y·width + x}, in increasing order
     * @param values the profiled map, or null
     */
    public static ProfiledParticle ofPixels(ParticleGeometry geometry, int[] pixels, int width, double pixelWidthNm,
            double pixelHeightNm, float[] distanceNm, float[] weights, float[] values, EdgeDistanceProfiler profiler,
            List<ProfileBin> bins) {
        int label = geometry.label();
        int n = 0;
        int maxBin = 0;
        for (int i : pixels) {
            if (weights[i] > 0 && (values == null || Double.isFinite(values[i]))) {
                n++;
                maxBin = Math.max(maxBin, profiler.binOf(distanceNm[i]));
            }
        }
        double[] rho = new double[n];
        double[] w = new double[n];
        int[] b = new int[n];
        double[] v = values == null ? null : new double[n];
        int j = 0;
        for (int i : pixels) {
            if (weights[i] > 0 && (values == null || Double.isFinite(values[i]))) {
                if (v != null) {
                    v[j] = values[i];
                }
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
        return new ProfiledParticle(geometry, rho, w, b, mean, se, fit, fitted, v, profiler.binWidthNm());
    }

    /** Each pixel's projected distance ρ from the centre (nm); a copy. */
    public double[] rhoNm() {
        return rhoNm.clone();
    }

    /** Each pixel's thickness weight; a copy. */
    public double[] weights() {
        return weight.clone();
    }

    /** Each pixel's profile bin; a copy. */
    public int[] pixelBins() {
        return bin.clone();
    }

    /** Measured mean per bin; a copy. */
    public double[] binMeans() {
        return dataMean.clone();
    }

    /** Standard error per bin (floored at {@link #MIN_SE}); a copy. */
    public double[] binSe() {
        return dataSe.clone();
    }

    /** Which bins enter a fit; a copy. */
    public boolean[] fittedBinMask() {
        return fitBin.clone();
    }

    public ParticleGeometry geometry() {
        return geometry;
    }

    /** Number of bins that enter the fit. */
    public int fittedBins() {
        return fittedBins;
    }

    /**
     * The same particle and pixels with other bin means and standard errors (e.g. synthetic data drawn from a
     * model); shares the pixel arrays, so fits reuse the model basis built for this particle.
     */
    ProfiledParticle withData(double[] mean, double[] se) {
        if (mean.length != dataMean.length || se.length != dataSe.length) {
            throw new IllegalArgumentException("expected " + dataMean.length + " bins, got " + mean.length + " and "
                    + se.length);
        }
        return new ProfiledParticle(geometry, rhoNm, weight, bin, mean.clone(), se.clone(), fitBin, fittedBins, value,
                binWidthNm);
    }

    /** Centre of bin k: distance from the visible edge (nm), as the profiles report it. */
    public double binCentreNm(int k) {
        return (k + 0.5) * binWidthNm;
    }

    /** Number of pixels with a positive weight. */
    public int pixelCount() {
        return rhoNm.length;
    }

    int binCount() {
        return dataMean.length;
    }
}
