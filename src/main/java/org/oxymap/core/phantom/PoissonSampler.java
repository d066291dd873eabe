package org.oxymap.core.phantom;

import java.util.SplittableRandom;

/**
 * Poisson-distributed counts for photon noise: Knuth's product-of-uniforms method for small means and the
 * PTRS transformed-rejection method of Hörmann (1993, Insurance: Mathematics and Economics 12, 39–45) for means
 * of 10 and above, so that counts are exact Poisson at every intensity.
 */
public final class PoissonSampler {

    private PoissonSampler() {
    }

    /** One Poisson count of the given mean (≥ 0). */
    public static long sample(double mean, SplittableRandom random) {
        if (!(mean >= 0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("Poisson mean is " + mean + ", expected a finite number >= 0");
        }
        if (mean < 10) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            long k = 0;
            while (product > limit) {
                product *= random.nextDouble();
                k++;
            }
            return k;
        }
        double slam = Math.sqrt(mean);
        double loglam = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double lhs = Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b);
            double rhs = -mean + k * loglam - logFactorial(k);
            if (lhs <= rhs) {
                return k;
            }
        }
    }

    private static double logFactorial(long k) {
        return org.apache.commons.math3.special.Gamma.logGamma(k + 1.0);
    }
}
