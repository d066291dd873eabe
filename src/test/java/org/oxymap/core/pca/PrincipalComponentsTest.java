package org.oxymap.core.pca;

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

class PrincipalComponentsTest {

    /** Noise-free mixtures of r known spectra at random thickness: exactly r eigenvalues are non-zero. */
    @Test
    void screeShowsTheNumberOfMixedSpectra() {
        for (int rank = 1; rank <= 3; rank++) {
            SpectralStack od = mixtures(rank, 50, 40, 7);
            PrincipalComponents.Result pca = PrincipalComponents.compute(od, null, false, ProgressListener.NONE);
            double first = pca.eigenvalues()[0];
            assertTrue(pca.eigenvalues()[rank - 1] > 1e-6 * first, "rank " + rank + ": eigenvalue " + (rank - 1)
                    + " = " + pca.eigenvalues()[rank - 1] / first + " of the first");
            for (int c = rank; c < pca.eigenvalues().length; c++) {
                assertTrue(Math.abs(pca.eigenvalues()[c]) < 1e-11 * first, "rank " + rank + ": eigenvalue " + c
                        + " = " + pca.eigenvalues()[c] / first + " of the first");
            }
            assertEquals(1.0, pca.cumulativeFraction(rank - 1), 1e-10);
            assertEquals(50 * 40, pca.pixels());
        }
    }

    /** Scores are the projections on the unit components; the full set reconstructs each spectrum. */
    @Test
    void scoresReconstructSpectra() {
        SpectralStack od = mixtures(2, 10, 10, 3);
        PrincipalComponents.Result pca = PrincipalComponents.compute(od, null, false, ProgressListener.NONE);
        List<float[]> scores = PrincipalComponents.scores(od, pca, 2, null, false);
        for (int i = 0; i < 100; i += 7) {
            for (int e = 0; e < od.energyCount(); e++) {
                double rec = scores.get(0)[i] * pca.components()[0][e] + scores.get(1)[i] * pca.components()[1][e];
                assertEquals(od.plane(e)[i], rec, 1e-5, "pixel " + i + " energy " + e);
            }
        }
    }

    /** OD = t·Σ f_k R_k with random t in 10–100 nm and random fractions of the first {@code rank} references. */
    static SpectralStack mixtures(int rank, int w, int h, long seed) {
        double[] e = PhantomGenerator.defaultEnergiesEv();
        SplittableRandom r = new SplittableRandom(seed);
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < e.length; k++) {
            planes.add(new float[w * h]);
        }
        for (int i = 0; i < w * h; i++) {
            double t = 10 + 90 * r.nextDouble();
            double[] f = new double[rank];
            double s = 0;
            for (int k = 0; k < rank; k++) {
                f[k] = r.nextDouble();
                s += f[k];
            }
            for (int k = 0; k < e.length; k++) {
                double v = 0;
                for (int j = 0; j < rank; j++) {
                    v += t * f[j] / s * SyntheticMnL3References.odPerNm(j, e[k]);
                }
                planes.get(k)[i] = (float) v;
            }
        }
        return SpectralStack.wrap(planes, w, h, e, 10.0);
    }
}
