package org.oxymap.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.SyntheticMnL3References;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

public class SpectralClusteringTest {

    private static final double[] E = PhantomGenerator.defaultEnergiesEv();
    /** Fractions (Mn2, Mn3, Mn4) of the three planted materials. */
    private static final double[][] MATERIALS = {{1, 0, 0}, {0, 1, 0}, {0, 0.5, 0.5}};

    /**
     * Three vertical bands of three materials, each pixel at a random thickness of 15–100 nm (so thickness varies
     * more within a band than the spectra differ in size between bands), noise σ = 0.004 OD, and an empty frame:
     * k = 3 recovers the bands for ≥ 99% of the pixels, leaves the frame unclustered, and the mean cluster spectra
     * have the materials' shapes.
     */
    @Test
    void recoversPlantedRegionsWhateverTheThickness() {
        int w = 60;
        int h = 40;
        int[] truth = new int[w * h];
        SpectralStack od = planted(w, h, truth, 0.004, 5);
        SpectralClustering.Result r = new SpectralClustering(3, 3, 0.02, 1).cluster(od, null, ProgressListener.NONE);
        // map each found cluster to the material most of its pixels have
        int[][] confusion = new int[4][4];
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][r.labels()[i]]++;
        }
        int[] materialOf = new int[4];
        for (int c = 1; c <= 3; c++) {
            int best = 1;
            for (int m = 1; m <= 3; m++) {
                if (confusion[m][c] > confusion[best][c]) {
                    best = m;
                }
            }
            materialOf[c] = best;
        }
        assertEquals(3, java.util.Arrays.stream(materialOf).skip(1).distinct().count(), "one cluster per material");
        int planted = 0;
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == 0) {
                assertEquals(0, r.labels()[i], "empty pixel " + i + " must not be clustered");
            } else {
                planted++;
                right += r.labels()[i] > 0 && materialOf[r.labels()[i]] == truth[i] ? 1 : 0;
            }
        }
        assertTrue(right >= 0.99 * planted, right + " of " + planted + " pixels in the right cluster");
        // the mean normalised spectrum of each cluster has its material's shape
        for (int c = 1; c <= 3; c++) {
            double[] expected = new double[E.length];
            double norm = 0;
            for (int e = 0; e < E.length; e++) {
                for (int k = 0; k < 3; k++) {
                    expected[e] += MATERIALS[materialOf[c] - 1][k] * SyntheticMnL3References.odPerNm(k, E[e]);
                }
                norm += expected[e] * expected[e];
            }
            norm = Math.sqrt(norm);
            for (int e = 0; e < E.length; e++) {
                assertEquals(expected[e] / norm, r.meanNormalised().get(c - 1)[e], 0.01, "cluster " + c + " energy " + e);
            }
        }
    }

    /** The same seed gives the same clusters; k-means++ on two well separated blobs finds them. */
    @Test
    void kMeansIsReproducibleAndSeparatesBlobs() {
        SplittableRandom r = new SplittableRandom(2);
        double[][] pts = new double[200][2];
        for (int i = 0; i < 200; i++) {
            pts[i][0] = (i < 100 ? 0 : 10) + r.nextGaussian();
            pts[i][1] = r.nextGaussian();
        }
        KMeans.Result a = new KMeans(2, 9, 100).cluster(pts);
        KMeans.Result b = new KMeans(2, 9, 100).cluster(pts);
        assertTrue(java.util.Arrays.equals(a.labels(), b.labels()));
        assertTrue(a.converged());
        for (int i = 0; i < 200; i++) {
            assertTrue(a.labels()[i] == (i < 100 ? a.labels()[0] : 1 - a.labels()[0]), "point " + i);
        }
        // centres are the blob means: x near 0 and 10 (to ~3 standard errors of 100 unit-variance points)
        double[] xs = {a.centres()[a.labels()[0]][0], a.centres()[1 - a.labels()[0]][0]};
        assertEquals(0.0, xs[0], 0.3);
        assertEquals(10.0, xs[1], 0.3);
    }

    /** Bands of MATERIALS at random thickness, an empty frame of 4 px (truth 0), Gaussian noise. */
    public static SpectralStack planted(int w, int h, int[] truth, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < E.length; k++) {
            planes.add(new float[w * h]);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean frame = x < 4 || y < 4 || x >= w - 4 || y >= h - 4;
                int m = frame ? 0 : 1 + Math.min(2, (x - 4) * 3 / (w - 8));
                truth[i] = m;
                double t = m == 0 ? 0 : 15 + 85 * r.nextDouble();
                for (int k = 0; k < E.length; k++) {
                    double v = 0;
                    if (m > 0) {
                        for (int j = 0; j < 3; j++) {
                            v += t * MATERIALS[m - 1][j] * SyntheticMnL3References.odPerNm(j, E[k]);
                        }
                    }
                    planes.get(k)[i] = (float) (v + noise * r.nextGaussian());
                }
            }
        }
        return SpectralStack.wrap(planes, w, h, E, 10.0);
    }
}
