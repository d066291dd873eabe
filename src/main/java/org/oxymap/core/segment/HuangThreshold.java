package org.oxymap.core.segment;

/**
 * Huang's fuzzy threshold: L.-K. Huang and M.-J. J. Wang, "Image thresholding by minimizing the measures of
 * fuzziness", Pattern Recognition 28 (1995) 41-51.
 *
 * <p>For a candidate threshold t every grey level g belongs to its class (background g ≤ t, object g &gt; t) with
 * membership μ = 1 / (1 + |g − m| / C), where m is that class's mean and C the span between the first and last
 * non-empty bins (eq. 4). The threshold minimises the summed Shannon fuzziness −μ ln μ − (1 − μ) ln(1 − μ) over
 * all pixels (eqs. 6 and 8); memberships within 1e-6 of 0 or 1 contribute nothing, as in ImageJ's AutoThresholder
 * ("Huang"), whose bin this reproduces.
 */
public final class HuangThreshold {

    private static final double CRISP = 1e-6;

    private HuangThreshold() {
    }

    /** Last background bin by Huang's method; see the class notes. */
    public static int lastLowerBin(long[] histogram) {
        ThresholdHistogram.check(histogram);
        int n = histogram.length;
        int first = 0;
        while (histogram[first] == 0) {
            first++;
        }
        int last = n - 1;
        while (last > first && histogram[last] == 0) {
            last--;
        }
        if (first == last) {
            return first;
        }
        double scale = 1.0 / (last - first);
        // lowerMean[t]: mean grey level of bins first..t; upperMean[t]: mean of bins t+1..last
        double[] lowerMean = new double[n];
        double sum = 0;
        double count = 0;
        for (int g = first; g < n; g++) {
            sum += (double) g * histogram[g];
            count += histogram[g];
            lowerMean[g] = sum / count;
        }
        double[] upperMean = new double[n];
        sum = 0;
        count = 0;
        for (int g = last; g > 0; g--) {
            sum += (double) g * histogram[g];
            count += histogram[g];
            upperMean[g - 1] = sum / count;
        }
        int best = -1;
        double bestFuzziness = Double.MAX_VALUE;
        for (int t = 0; t < n; t++) {
            double fuzziness = 0;
            for (int g = 0; g < n; g++) {
                if (histogram[g] == 0) {
                    continue;
                }
                double mean = g <= t ? lowerMean[t] : upperMean[t];
                double mu = 1.0 / (1.0 + scale * Math.abs(g - mean));
                if (mu >= CRISP && mu <= 1 - CRISP) {
                    fuzziness += histogram[g] * (-mu * Math.log(mu) - (1 - mu) * Math.log(1 - mu));
                }
            }
            if (fuzziness < bestFuzziness) {
                bestFuzziness = fuzziness;
                best = t;
            }
        }
        return best;
    }
}
