package org.oxymap.core.spectra;

import java.util.Locale;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Edge-step normalisation as Athena (Ifeffit/Larch {@code pre_edge}) does it: a line fitted to μ(E) over the
 * pre-edge range [E0+pre1, E0+pre2] is subtracted; a polynomial fitted to μ(E) − pre(E) over the post-edge range
 * [E0+nor1, E0+nor2] gives the edge step {@code step = post(E0)} (the subtracted line is zero there only after
 * subtraction, so this is post(E0) − pre(E0) of the raw μ); the normalised spectrum is (μ − pre)/step.
 *
 * <p>Athena/Larch evaluate the step at the data point nearest E0; here the polynomial is evaluated at E0 itself,
 * which differs by the post-edge slope times at most half a point spacing. Unlike Larch, ranges are not clipped
 * silently to the data: a range that reaches beyond the spectrum is an error naming the spectrum and the range, so
 * that a short XANES scan is normalised with ranges chosen for it.
 */
public final class EdgeStepNormaliser {

    private EdgeStepNormaliser() {
    }

    /**
     * Normalises one spectrum.
     *
     * @throws IllegalArgumentException when a range is not covered by the data, holds too few points, or the edge
     *                                  step is not positive
     */
    public static NormalisedSpectrum normalise(ReferenceSpectrum spectrum, NormalisationSettings s) {
        double[] e = spectrum.energiesEv();
        double[] mu = spectrum.values();
        int n = e.length;
        double e0 = Double.isNaN(s.e0Ev()) ? EdgeEnergy.maxDerivativeEv(e, mu) : s.e0Ev();
        if (!(e0 > e[0] && e0 < e[n - 1])) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "reference '%s': E0 = %.3f eV is outside its data %.3f–%.3f eV", spectrum.name(), e0, e[0],
                    e[n - 1]));
        }
        double preLo = e0 + s.pre1Ev();
        double preHi = e0 + s.pre2Ev();
        double postLo = e0 + s.nor1Ev();
        double postHi = Double.isNaN(s.nor2Ev()) ? e[n - 1] : e0 + s.nor2Ev();
        double tol = 1e-6;
        if (preLo < e[0] - tol) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "reference '%s' starts at %.3f eV, but the pre-edge range [E0%+.1f, E0%+.1f] = [%.3f, %.3f] eV "
                            + "(E0 = %.3f eV) begins before it: give a pre-edge range inside the data",
                    spectrum.name(), e[0], s.pre1Ev(), s.pre2Ev(), preLo, preHi, e0));
        }
        if (postHi > e[n - 1] + tol || postLo >= e[n - 1]) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "reference '%s' ends at %.3f eV, but the post-edge range [E0%+.1f, %s] = [%.3f, %.3f] eV "
                            + "(E0 = %.3f eV) reaches beyond it: give a post-edge range inside the data",
                    spectrum.name(), e[n - 1], s.nor1Ev(),
                    Double.isNaN(s.nor2Ev()) ? "end" : String.format(Locale.ROOT, "E0%+.1f", s.nor2Ev()),
                    postLo, postHi, e0));
        }
        double[] preAtE0 = polyFit(e, mu, preLo, preHi, 1, e0, spectrum.name(), "pre-edge");
        double[] pre = {preAtE0[0] - preAtE0[1] * e0, preAtE0[1]};
        int preCount = count(e, preLo, preHi);
        double[] sub = new double[n];
        for (int i = 0; i < n; i++) {
            sub[i] = mu[i] - (pre[0] + pre[1] * e[i]);
        }
        double[] post = polyFit(e, sub, postLo, postHi, s.postEdgeDegree(), e0, spectrum.name(), "post-edge");
        int postCount = count(e, postLo, postHi);
        double step = post[0];
        if (!(step > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "reference '%s': the edge step at E0 = %.3f eV is %.4g, not positive: check E0 and the "
                            + "pre-/post-edge ranges", spectrum.name(), e0, step));
        }
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = sub[i] / step;
        }
        ReferenceSpectrum out = new ReferenceSpectrum(spectrum.name(), spectrum.valence(), e, norm);
        return new NormalisedSpectrum(out, e0, step, pre, post, preCount, postCount);
    }

    private static int count(double[] e, double lo, double hi) {
        int c = 0;
        for (double v : e) {
            if (v >= lo && v <= hi) {
                c++;
            }
        }
        return c;
    }

    /** Least-squares polynomial of {@code degree} in (E − origin) over the points with lo ≤ E ≤ hi. */
    static double[] polyFit(double[] e, double[] y, double lo, double hi, int degree,
            double origin, String name, String what) {
        int m = count(e, lo, hi);
        if (m < degree + 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "reference '%s': the %s range [%.3f, %.3f] eV holds %d data points, at least %d are needed "
                            + "for a polynomial of degree %d", name, what, lo, hi, m, degree + 2, degree));
        }
        RealMatrix a = new Array2DRowRealMatrix(m, degree + 1);
        RealVector b = new ArrayRealVector(m);
        // Scale the abscissa so that the design matrix is well conditioned.
        double scale = Math.max(Math.abs(hi - origin), Math.abs(lo - origin));
        int r = 0;
        for (int i = 0; i < e.length; i++) {
            if (e[i] >= lo && e[i] <= hi) {
                double t = (e[i] - origin) / scale;
                double p = 1;
                for (int k = 0; k <= degree; k++) {
                    a.setEntry(r, k, p);
                    p *= t;
                }
                b.setEntry(r, y[i]);
                r++;
            }
        }
        double[] c = new QRDecomposition(a).getSolver().solve(b).toArray();
        double f = 1;
        for (int k = 0; k <= degree; k++) {
            c[k] /= f;
            f *= scale;
        }
        return c;
    }
}
