package org.oxymap.core.model;

import java.util.Arrays;

import org.apache.commons.math3.special.BesselJ;

/**
 * The positive zeros j_n of the Bessel function J0, which set the decay rates of diffusion in a cylinder
 * (Crank eq. 5.22: {@code J0(a α_n) = 0}, so {@code a α_n = j_n}).
 *
 * <p>Each zero starts from McMahon's asymptotic expansion
 * {@code j_n ≈ β + 1/(8β) − 124/(3 (8β)³)}, {@code β = (n − 1/4) π} (Abramowitz &amp; Stegun 9.5.12), which is
 * within 1e−4 of the zero even for n = 1, and is polished by Newton's method on J0 with {@code J0' = −J1}
 * (Commons Math's {@link BesselJ}); the zeros interlace with spacing ≈ π, so Newton from McMahon's value cannot
 * jump to a neighbour. Zeros are computed once and cached; the class is thread-safe.
 */
public final class BesselZeros {

    private static volatile double[] cache = new double[0];
    private static volatile double[] j1Cache = new double[0];

    private BesselZeros() {
    }

    /** The n-th positive zero of J0 (n ≥ 1): 2.404825557695773, 5.520078110286311, … */
    public static double j0Zero(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("zeros of J0 are numbered from 1, got " + n);
        }
        double[] zeros = cache;
        if (n > zeros.length) {
            zeros = grow(n);
        }
        return zeros[n - 1];
    }

    /** J1 at the n-th zero of J0 (used by the cylinder series and its uptake), cached with the zero. */
    public static double j1AtZero(int n) {
        j0Zero(n);
        return j1Cache[n - 1];
    }

    private static synchronized double[] grow(int n) {
        double[] old = cache;
        if (n <= old.length) {
            return old;
        }
        int size = Math.max(n, Math.max(64, 2 * old.length));
        double[] zeros = Arrays.copyOf(old, size);
        double[] j1 = Arrays.copyOf(j1Cache, size);
        for (int k = old.length + 1; k <= size; k++) {
            zeros[k - 1] = refine(mcMahon(k));
            j1[k - 1] = BesselJ.value(1, zeros[k - 1]);
        }
        j1Cache = j1;
        cache = zeros;
        return zeros;
    }

    static double mcMahon(int n) {
        double beta = (n - 0.25) * Math.PI;
        double e = 8 * beta;
        return beta + 1 / e - 124.0 / (3 * e * e * e);
    }

    private static double refine(double x) {
        for (int i = 0; i < 50; i++) {
            double step = BesselJ.value(0, x) / BesselJ.value(1, x);
            x += step;
            if (Math.abs(step) < 1e-15 * x) {
                break;
            }
        }
        return x;
    }
}
