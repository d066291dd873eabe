package org.oxymap.core.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lloyd's k-means with k-means++ seeding (Arthur and Vassilvitskii, SODA 2007): the first centre is a uniformly
 * drawn point, each next one a point drawn with probability proportional to its squared distance to the nearest
 * centre so far. A fixed seed gives the same clusters every time. Iterates until no point changes cluster or the
 * iteration limit is reached; a cluster that loses all its points is re-seeded at the point farthest from its centre.
 */
public final class KMeans {

    /**
     * @param labels     cluster index 0..k−1 of every point
     * @param centres    centres[c] = mean of the points of cluster c
     * @param iterations Lloyd iterations done
     * @param converged  false when the iteration limit stopped it
     */
    public record Result(int[] labels, double[][] centres, int iterations, boolean converged) {
    }

    private final int k;
    private final long seed;
    private final int maxIterations;

    public KMeans(int k, long seed, int maxIterations) {
        if (k < 1) {
            throw new IllegalArgumentException("number of clusters is " + k + ", expected at least 1");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("iteration limit is " + maxIterations + ", expected at least 1");
        }
        this.k = k;
        this.seed = seed;
        this.maxIterations = maxIterations;
    }

    /** Clusters {@code points} (points[i] of equal length d); needs at least k points. */
    public Result cluster(double[][] points) {
        int n = points.length;
        if (n < k) {
            throw new IllegalArgumentException(n + " points cannot form " + k + " clusters");
        }
        int d = points[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(n)].clone();
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                dist[i] = Math.min(dist[i], squared(points[i], centres[c - 1]));
                total += dist[i];
            }
            int pick = 0;
            if (total > 0) {
                double u = random.nextDouble() * total;
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += dist[i];
                    if (acc >= u) {
                        pick = i;
                        break;
                    }
                }
            } else {
                pick = random.nextInt(n);
            }
            centres[c] = points[pick].clone();
        }
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        int iterations = 0;
        boolean converged = false;
        while (iterations < maxIterations) {
            iterations++;
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestD = squared(points[i], centres[0]);
                for (int c = 1; c < k; c++) {
                    double dd = squared(points[i], centres[c]);
                    if (dd < bestD) {
                        bestD = dd;
                        best = c;
                    }
                }
                if (labels[i] != best) {
                    labels[i] = best;
                    changed = true;
                }
            }
            double[][] sums = new double[k][d];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                counts[labels[i]]++;
                for (int j = 0; j < d; j++) {
                    sums[labels[i]][j] += points[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    int far = 0;
                    double farD = -1;
                    for (int i = 0; i < n; i++) {
                        double dd = squared(points[i], centres[labels[i]]);
                        if (dd > farD) {
                            farD = dd;
                            far = i;
                        }
                    }
                    centres[c] = points[far].clone();
                    labels[far] = c;
                    changed = true;
                } else {
                    for (int j = 0; j < d; j++) {
                        centres[c][j] = sums[c][j] / counts[c];
                    }
                }
            }
            if (!changed) {
                converged = true;
                break;
            }
        }
        return new Result(labels, centres, iterations, converged);
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double t = a[j] - b[j];
            s += t * t;
        }
        return s;
    }
}
