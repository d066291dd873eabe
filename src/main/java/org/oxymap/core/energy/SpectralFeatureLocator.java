package org.oxymap.core.energy;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * Finds the energy of a {@link SpectralFeature} in a sampled spectrum. The samples inside the search window are
 * interpolated by a natural cubic spline (C. de Boor, <i>A Practical Guide to Splines</i>, 1978), which is evaluated
 * on a grid of {@value #GRID_STEP_EV} eV, so that a feature lying between two samples is located far more finely
 * than the sampling (a peak sampled every 0.1 eV to about 0.005 eV when the spectrum is smooth).
 */
public final class SpectralFeatureLocator {

    /** Step of the evaluation grid, eV. */
    static final double GRID_STEP_EV = 0.001;

    private SpectralFeatureLocator() {
    }

    /**
     * @param energiesEv strictly increasing sample energies
     * @param values     the spectrum at those energies
     * @param loEv       start of the search window (NaN = first energy)
     * @param hiEv       end of the search window (NaN = last energy)
     * @return the feature's energy, eV
     * @throws IllegalArgumentException if the arrays differ in length, are not finite or increasing, or the window
     *                                  holds fewer than 4 samples or no rise (for the edge features)
     */
    public static double locate(double[] energiesEv, double[] values, SpectralFeature feature, double loEv,
                                double hiEv) {
        if (energiesEv.length != values.length) {
            throw new IllegalArgumentException("spectrum: " + energiesEv.length + " energies but " + values.length
                    + " values");
        }
        double lo = Double.isNaN(loEv) ? energiesEv[0] : loEv;
        double hi = Double.isNaN(hiEv) ? energiesEv[energiesEv.length - 1] : hiEv;
        int first = -1;
        int last = -1;
        for (int i = 0; i < energiesEv.length; i++) {
            if (!Double.isFinite(energiesEv[i]) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException("spectrum: sample " + (i + 1) + " is not finite (" + energiesEv[i]
                        + " eV, " + values[i] + ")");
            }
            if (i > 0 && !(energiesEv[i] > energiesEv[i - 1])) {
                throw new IllegalArgumentException("spectrum: energies must increase, but " + energiesEv[i]
                        + " eV follows " + energiesEv[i - 1] + " eV");
            }
            if (energiesEv[i] >= lo && energiesEv[i] <= hi) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0 || last - first + 1 < 4) {
            throw new IllegalArgumentException("spectrum: the window " + lo + "–" + hi
                    + " eV holds fewer than 4 samples, expected more to locate the " + feature.label());
        }
        double[] e = java.util.Arrays.copyOfRange(energiesEv, first, last + 1);
        double[] v = java.util.Arrays.copyOfRange(values, first, last + 1);
        PolynomialSplineFunction spline = new SplineInterpolator().interpolate(e, v);
        int m = (int) Math.floor((e[e.length - 1] - e[0]) / GRID_STEP_EV) + 1;
        double[] grid = new double[m];
        double[] s = new double[m];
        double[] ds = new double[m];
        var derivative = spline.polynomialSplineDerivative();
        for (int i = 0; i < m; i++) {
            grid[i] = Math.min(e[e.length - 1], e[0] + i * GRID_STEP_EV);
            s[i] = spline.value(grid[i]);
            ds[i] = derivative.value(grid[i]);
        }
        return switch (feature) {
            case PEAK -> grid[argMax(s, 0, m)];
            case EDGE_MAX_DERIVATIVE -> grid[argMax(ds, 0, m)];
            case EDGE_HALF_HEIGHT -> halfHeight(grid, s, ds, feature);
        };
    }

    private static double halfHeight(double[] grid, double[] s, double[] ds, SpectralFeature feature) {
        int steep = argMax(ds, 0, s.length);
        if (!(ds[steep] > 0)) {
            throw new IllegalArgumentException("spectrum: no rise in the window, cannot locate the " + feature.label());
        }
        double low = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= steep; i++) {
            low = Math.min(low, s[i]);
        }
        double high = s[argMax(s, steep, s.length)];
        double level = 0.5 * (low + high);
        for (int i = steep; i > 0; i--) {
            if (s[i - 1] < level && s[i] >= level) {
                return grid[i - 1] + (level - s[i - 1]) / (s[i] - s[i - 1]) * (grid[i] - grid[i - 1]);
            }
        }
        for (int i = steep; i < s.length - 1; i++) {
            if (s[i] < level && s[i + 1] >= level) {
                return grid[i] + (level - s[i]) / (s[i + 1] - s[i]) * (grid[i + 1] - grid[i]);
            }
        }
        return grid[steep];
    }

    private static int argMax(double[] a, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }
}
