package org.oxymap.core.spectra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

import org.oxymap.core.fit.NonNegativeLeastSquares;

/**
 * One energy shift common to all references, fitted to a spectrum (the mean spectrum of the fitted pixels, or a
 * given one): the shift δ minimises the residual of the non-negative linear-combination fit
 * {@code y(E) ≈ Σ c_k R_k(E − δ) + background}. The residual is scanned on a grid of a quarter of the spectrum's
 * smallest energy step over ±{@code maxShiftEv}, and Brent's method refines the best grid point within its two
 * neighbours: the scan keeps Brent from a local minimum of the piecewise-linear interpolation.
 */
public final class EnergyShiftFitter {

    private final List<ReferenceSpectrum> references;
    private final int backgroundTerms;
    private final double maxShiftEv;

    /**
     * @param backgroundTerms 0 (none), 1 (constant) or 2 (constant and linear in energy), as the pixel fit
     * @param maxShiftEv      largest |δ| searched, eV
     */
    public EnergyShiftFitter(List<ReferenceSpectrum> references, int backgroundTerms, double maxShiftEv) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("an energy-shift fit needs at least one reference");
        }
        if (backgroundTerms < 0 || backgroundTerms > 2) {
            throw new IllegalArgumentException("background terms " + backgroundTerms + ": expected 0, 1 or 2");
        }
        if (!(maxShiftEv > 0) || !Double.isFinite(maxShiftEv)) {
            throw new IllegalArgumentException("largest energy shift " + maxShiftEv + " eV: expected a positive number");
        }
        this.references = List.copyOf(references);
        this.backgroundTerms = backgroundTerms;
        this.maxShiftEv = maxShiftEv;
    }

    /**
     * Fits the shift to {@code target}.
     *
     * @throws IllegalArgumentException when a reference shifted by ±maxShiftEv no longer covers the target's
     *                                  energies, or the target has too few energies
     */
    public EnergyShiftFit fit(ReferenceSpectrum target) {
        double[] e = target.energiesEv();
        double[] y = target.values();
        int nPar = references.size() + backgroundTerms;
        if (e.length <= nPar) {
            throw new IllegalArgumentException("the spectrum has " + e.length + " energies but the fit has " + nPar
                    + " parameters");
        }
        for (ReferenceSpectrum r : references) {
            double[] re = r.energiesEv();
            if (re[0] + maxShiftEv > e[0] + 1e-9 || re[re.length - 1] - maxShiftEv < e[e.length - 1] - 1e-9) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "reference '%s' covers %.3f–%.3f eV; shifted by up to ±%.3g eV it must still cover the "
                                + "spectrum's %.3f–%.3f eV: use a smaller largest shift", r.name(), re[0],
                        re[re.length - 1], maxShiftEv, e[0], e[e.length - 1]));
            }
        }
        double minStep = Double.POSITIVE_INFINITY;
        for (int i = 1; i < e.length; i++) {
            minStep = Math.min(minStep, e[i] - e[i - 1]);
        }
        double step = Math.min(minStep / 4, maxShiftEv / 10);
        int half = (int) Math.ceil(maxShiftEv / step);
        double bestShift = 0;
        double best = residual(e, y, 0, null);
        for (int i = -half; i <= half; i++) {
            double s = Math.max(-maxShiftEv, Math.min(maxShiftEv, i * step));
            double r = residual(e, y, s, null);
            if (r < best) {
                best = r;
                bestShift = s;
            }
        }
        double lo = Math.max(-maxShiftEv, bestShift - step);
        double hi = Math.min(maxShiftEv, bestShift + step);
        UnivariatePointValuePair p = new BrentOptimizer(1e-10, 1e-6).optimize(new MaxEval(200),
                new UnivariateObjectiveFunction(s -> residual(e, y, s, null)), GoalType.MINIMIZE,
                new SearchInterval(lo, hi, bestShift));
        double shift = p.getValue() < best ? p.getPoint() : bestShift;
        double[] coefficients = new double[nPar];
        double rss = residual(e, y, shift, coefficients);
        return new EnergyShiftFit(shift, rss, residual(e, y, 0, null), coefficients);
    }

    /** The references moved by a shift, e.g. the fitted one. */
    public static List<ReferenceSpectrum> shifted(List<ReferenceSpectrum> references, double shiftEv) {
        List<ReferenceSpectrum> out = new ArrayList<>(references.size());
        for (ReferenceSpectrum r : references) {
            out.add(r.withShift(shiftEv));
        }
        return out;
    }

    private double residual(double[] e, double[] y, double shift, double[] xOut) {
        int nRef = references.size();
        int nPar = nRef + backgroundTerms;
        double[][] columns = new double[nPar][];
        boolean[] nonNegative = new boolean[nPar];
        double[] at = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            at[i] = e[i] - shift;
        }
        for (int k = 0; k < nRef; k++) {
            columns[k] = references.get(k).interpolate(at);
            nonNegative[k] = true;
        }
        if (backgroundTerms >= 1) {
            columns[nRef] = new double[e.length];
            Arrays.fill(columns[nRef], 1.0);
        }
        if (backgroundTerms >= 2) {
            columns[nRef + 1] = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                columns[nRef + 1][i] = e[i] - e[0];
            }
        }
        double[] x = xOut != null ? xOut : new double[nPar];
        return new NonNegativeLeastSquares(columns, nonNegative).solve(y, x);
    }
}
