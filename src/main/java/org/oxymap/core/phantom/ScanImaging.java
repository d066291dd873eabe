package org.oxymap.core.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.oxymap.core.progress.ProgressListener;

/**
 * The instrument part of both phantoms: the sample drifting between energies, and the transmitted counts that a
 * scanned probe records from a scene of Mn2+/Mn3+/Mn4+ material (Beer–Lambert through the local thickness, averaged
 * over the probe's quadrature, optionally Poisson noise).
 */
final class ScanImaging {

    /** What lies at a continuous pixel position: fills {@code out[0]} = thickness (nm), {@code out[1]} = Mn3+. */
    @FunctionalInterface
    interface Scene {
        /** @return a positive particle label, or 0 where there is no material */
        int sample(double x, double y, double[] out);
    }

    private ScanImaging() {
    }

    /** A random walk of per-energy displacements (px), centred on zero mean and clipped to {@code max}. */
    static double[] drift(SplittableRandom random, int n, double max) {
        double[] d = new double[n];
        if (max == 0) {
            return d;
        }
        double walk = 0;
        for (int k = 0; k < n; k++) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            walk += 0.35 * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
            d[k] = walk;
        }
        for (int pass = 0; pass < 2; pass++) {
            double mean = 0;
            for (double v : d) {
                mean += v / n;
            }
            for (int k = 0; k < n; k++) {
                d[k] = pass == 0 ? Math.max(-max, Math.min(max, d[k] - mean)) : d[k] - mean;
            }
        }
        return d;
    }

    /**
     * One plane of counts per energy, drawn in parallel; each plane has its own seed, so the result does not depend
     * on the thread count.
     *
     * @param odPerNm    [reference][energy] OD per nm of Mn2+, Mn3+, Mn4+
     * @param mn2        the Mn2+ fraction everywhere; Mn4+ = 1 − Mn2+ − Mn3+
     * @param probe      quadrature {dx, dy, weight} in pixels
     * @param planeSeeds one seed per energy (used only when {@code noisy})
     */
    static List<float[]> counts(int size, double[] i0, double[][] odPerNm, double mn2, double[] driftX,
            double[] driftY, double[][] probe, boolean noisy, long[] planeSeeds, Scene scene,
            ProgressListener listener) {
        int nE = i0.length;
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < nE; k++) {
            planes.add(new float[size * size]);
        }
        int[] done = {0};
        IntStream.range(0, nE).parallel().forEach(k -> {
            listener.checkCancelled("phantom");
            SplittableRandom noise = new SplittableRandom(planeSeeds[k]);
            float[] plane = planes.get(k);
            double[] s = new double[3];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double transmission = 0;
                    for (double[] q : probe) {
                        double od = 0;
                        if (scene.sample(x - driftX[k] + q[0], y - driftY[k] + q[1], s) > 0) {
                            double f3 = s[1];
                            od = s[0] * (mn2 * odPerNm[0][k] + f3 * odPerNm[1][k] + (1 - mn2 - f3) * odPerNm[2][k]);
                        }
                        transmission += q[2] * Math.exp(-od);
                    }
                    double expected = i0[k] * transmission;
                    plane[y * size + x] = (float) (noisy ? PoissonSampler.sample(expected, noise) : expected);
                }
            }
            synchronized (done) {
                done[0]++;
                listener.progress("phantom", done[0], nE);
            }
        });
        return planes;
    }
}
