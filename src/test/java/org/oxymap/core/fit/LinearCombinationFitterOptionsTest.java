package org.oxymap.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.SyntheticMnL3References;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

/** Background models, sum-to-one, Poisson weights, R-factor, jump mask, and the fast path against the exact solver. */
class LinearCombinationFitterOptionsTest {

    private static final List<ReferenceSpectrum> REFS = SyntheticMnL3References.all();
    private static final double[] E = PhantomGenerator.defaultEnergiesEv();

    /** Noise-free OD with each background model: every coefficient to 1e-5 relative, background to 1e-6 OD. */
    @Test
    void recoversCoefficientsWithEachBackground() {
        for (BackgroundModel bg : BackgroundModel.values()) {
            int n = 40;
            double[][] truth = new double[n][];
            SplittableRandom r = new SplittableRandom(1);
            for (int i = 0; i < n; i++) {
                truth[i] = new double[] {1 + 30 * r.nextDouble(), 1 + 60 * r.nextDouble(), 1 + 60 * r.nextDouble(),
                        bg.terms() >= 1 ? 0.1 * r.nextDouble() - 0.05 : 0, bg.terms() >= 2 ? 1e-3 * r.nextDouble() : 0};
            }
            FitMaps maps = new LinearCombinationFitter(REFS, bg).fit(stack(truth, n, 1), null, ProgressListener.NONE);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(truth[i][k], maps.coefficients().get(k)[i], 1e-5 * truth[i][k],
                            bg + " coefficient " + k + " pixel " + i);
                }
                assertEquals(truth[i][3], maps.background()[i], 1e-6, bg + " background pixel " + i);
                assertTrue(maps.rFactor()[i] < 1e-10, "R-factor " + maps.rFactor()[i]);
            }
        }
    }

    /** Normalised-style data Σ f_k R_k + a0 with Σ f_k = 1: sum-to-one returns f_k to 1e-5 relative, Σ = 1. */
    @Test
    void sumToOneRecoversFractions() {
        int n = 30;
        double[][] truth = new double[n][];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < n; i++) {
            double a = 0.05 + r.nextDouble();
            double b = 0.05 + r.nextDouble();
            double c = 0.05 + r.nextDouble();
            double s = a + b + c;
            truth[i] = new double[] {a / s, b / s, c / s, 0.02 * r.nextDouble() - 0.01, 0};
        }
        // scale the references so that OD ~ 1 (like normalised spectra)
        FitOptions options = FitOptions.of(BackgroundModel.CONSTANT).withSumToOne(true);
        FitMaps maps = new LinearCombinationFitter(REFS, options).fit(stack(truth, n, 1), null, ProgressListener.NONE);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                assertEquals(truth[i][k], maps.coefficients().get(k)[i], 1e-5 * truth[i][k], "f" + k + " pixel " + i);
                sum += maps.coefficients().get(k)[i];
            }
            assertEquals(1.0, sum, 1e-6);
            assertEquals(truth[i][3], maps.background()[i], 1e-7);
        }
    }

    /**
     * Noisy pixels, many with a coefficient pushed below zero: the fast path gives the exact solver's coefficients,
     * its reduced χ² equals the one from direct residuals, and the R-factor is Σr²/Σb² from direct residuals.
     */
    @Test
    void fastPathMatchesExactSolverPixelByPixel() {
        for (boolean sumToOne : new boolean[] {false, true}) {
            int w = 37;
            int h = 29;
            int n = w * h;
            SplittableRandom r = new SplittableRandom(11);
            double[][] truth = new double[n][];
            for (int i = 0; i < n; i++) {
                double scale = sumToOne ? 0.02 : 1.0;
                truth[i] = new double[] {scale * (r.nextDouble() < 0.3 ? 0 : 40 * r.nextDouble()),
                        scale * (r.nextDouble() < 0.3 ? 0 : 40 * r.nextDouble()), scale * 40 * r.nextDouble(),
                        0.01, 0};
            }
            SpectralStack od = stack(truth, w, h);
            for (float[] p : od.planes()) {
                for (int i = 0; i < n; i++) {
                    p[i] += (float) (0.02 * r.nextGaussian());
                }
            }
            FitOptions options = FitOptions.of(BackgroundModel.LINEAR).withSumToOne(sumToOne);
            FitMaps maps = new LinearCombinationFitter(REFS, options).fit(od, null, ProgressListener.NONE);
            double[][] cols = columns(BackgroundModel.LINEAR);
            NonNegativeLeastSquares exact = new NonNegativeLeastSquares(cols, new boolean[] {true, true, true, false,
                    false}, sumToOne);
            double[] b = new double[E.length];
            double[] x = new double[5];
            int atBound = 0;
            for (int i = 0; i < n; i++) {
                double btb = 0;
                for (int e = 0; e < E.length; e++) {
                    b[e] = od.plane(e)[i];
                    btb += b[e] * b[e];
                }
                double rss = exact.solve(b, x);
                for (int k = 0; k < 3; k++) {
                    assertEquals(x[k], maps.coefficients().get(k)[i], 1e-9 + 1e-6 * Math.abs(x[k]),
                            "coefficient " + k + " pixel " + i + " sum-to-one " + sumToOne);
                    atBound += x[k] == 0 ? 1 : 0;
                }
                int dof = E.length - 5 + (sumToOne ? 1 : 0);
                assertEquals(rss / dof, maps.reducedChi2()[i], 1e-5 * rss / dof, "chi2 pixel " + i);
                assertEquals(rss / btb, maps.rFactor()[i], 1e-5 * rss / btb, "R-factor pixel " + i);
            }
            assertTrue(atBound > n / 4, "expected many pixels at a bound, got " + atBound);
        }
    }

    /**
     * Poisson weights: each pixel's answer equals the unweighted NNLS of √w·A against √w·b with
     * w = 1/(1/I + 1/I0), and σ_k = √diag((AᵀWA)⁻¹).
     */
    @Test
    void poissonWeightsMatchScaledRows() {
        int n = 50;
        SplittableRandom r = new SplittableRandom(9);
        double[][] truth = new double[n][];
        for (int i = 0; i < n; i++) {
            truth[i] = new double[] {40 * r.nextDouble(), 40 * r.nextDouble(), 40 * r.nextDouble(), 0.0, 0};
        }
        SpectralStack od = stack(truth, n, 1);
        double[] i0 = new double[E.length];
        List<float[]> countPlanes = new ArrayList<>();
        for (int e = 0; e < E.length; e++) {
            i0[e] = 2e4 * (1 - 0.01 * e);
            float[] c = new float[n];
            for (int i = 0; i < n; i++) {
                c[i] = (float) Math.max(1, Math.round(i0[e] * Math.exp(-od.plane(e)[i]) * (1 + 0.01 * r.nextGaussian())));
                od.plane(e)[i] = (float) Math.log(i0[e] / c[i]);
            }
            countPlanes.add(c);
        }
        SpectralStack counts = SpectralStack.wrap(countPlanes, n, 1, E, 10.0);
        FitOptions options = FitOptions.of(BackgroundModel.CONSTANT).withWeights(FitWeights.POISSON);
        LinearCombinationFitter fitter = new LinearCombinationFitter(REFS, options);
        FitMaps maps = fitter.fit(od, counts, i0, null, ProgressListener.NONE);
        double[][] cols = columns(BackgroundModel.CONSTANT);
        for (int i = 0; i < n; i++) {
            double[][] scaled = new double[4][E.length];
            double[] b = new double[E.length];
            for (int e = 0; e < E.length; e++) {
                double sw = Math.sqrt(1 / (1.0 / countPlanes.get(e)[i] + 1 / i0[e]));
                for (int k = 0; k < 4; k++) {
                    scaled[k][e] = cols[k][e] * sw;
                }
                b[e] = sw * od.plane(e)[i];
            }
            NonNegativeLeastSquares nnls = new NonNegativeLeastSquares(scaled, new boolean[] {true, true, true, false});
            double[] x = new double[4];
            double chi2 = nnls.solve(b, x);
            double[] var = nnls.unconstrainedVarianceFactors();
            for (int k = 0; k < 3; k++) {
                assertEquals(x[k], maps.coefficients().get(k)[i], 1e-6 * Math.max(1, x[k]), "c" + k + " pixel " + i);
                assertEquals(Math.sqrt(var[k]), maps.sigmas().get(k)[i], 1e-5 * Math.sqrt(var[k]), "σ" + k);
            }
            assertEquals(chi2 / (E.length - 4), maps.reducedChi2()[i], 1e-5 * chi2 / (E.length - 4) + 1e-9);
        }
        assertThrows(IllegalArgumentException.class, () -> fitter.fit(od, null, ProgressListener.NONE));
    }

    /** The edge jump is post-edge band mean − pre-edge band mean; pixels below the threshold are flagged. */
    @Test
    void jumpMaskFlagsThinPixels() {
        double[][] truth = {{0, 2, 0, 0, 0}, {0, 20, 0, 0, 0}, {0, 0, 0, 0.3, 0}};
        FitMaps maps = new LinearCombinationFitter(REFS, FitOptions.of(BackgroundModel.CONSTANT))
                .fit(stack(truth, 3, 1), null, ProgressListener.NONE);
        int band = EdgeJump.bandEnergies(E.length);
        double perNm = 0;
        for (int e = 0; e < band; e++) {
            perNm += (SyntheticMnL3References.odPerNm(1, E[E.length - 1 - e]) - SyntheticMnL3References.odPerNm(1, E[e]))
                    / band;
        }
        assertEquals(2 * perNm, maps.edgeJump()[0], 1e-6);
        assertEquals(20 * perNm, maps.edgeJump()[1], 1e-6);
        assertEquals(0.0, maps.edgeJump()[2], 1e-6); // a flat offset has no jump
        assertTrue(maps.smallJump()[0], "2 nm: jump " + maps.edgeJump()[0]);
        assertFalse(maps.smallJump()[1], "20 nm: jump " + maps.edgeJump()[1]);
        assertTrue(maps.smallJump()[2]);
        float[] fromStack = EdgeJump.map(stack(truth, 3, 1));
        assertEquals(maps.edgeJump()[1], fromStack[1], 1e-7);
    }

    static double[][] columns(BackgroundModel bg) {
        double[][] cols = new double[3 + bg.terms()][E.length];
        for (int e = 0; e < E.length; e++) {
            for (int k = 0; k < 3; k++) {
                cols[k][e] = REFS.get(k).interpolate(new double[] {E[e]})[0];
            }
            if (bg.terms() >= 1) {
                cols[3][e] = 1;
            }
            if (bg.terms() >= 2) {
                cols[4][e] = E[e] - E[0];
            }
        }
        return cols;
    }

    /** OD = Σ c_k R_k + a0 + a1 (E − E0) per pixel, truth[i] = {c2, c3, c4, a0, a1}. */
    static SpectralStack stack(double[][] truth, int w, int h) {
        List<float[]> planes = new ArrayList<>();
        for (int e = 0; e < E.length; e++) {
            float[] p = new float[w * h];
            for (int i = 0; i < w * h; i++) {
                double v = truth[i][3] + truth[i][4] * (E[e] - E[0]);
                for (int k = 0; k < 3; k++) {
                    v += truth[i][k] * SyntheticMnL3References.odPerNm(k, E[e]);
                }
                p[i] = (float) v;
            }
            planes.add(p);
        }
        return SpectralStack.wrap(planes, w, h, E, 10.0);
    }
}
