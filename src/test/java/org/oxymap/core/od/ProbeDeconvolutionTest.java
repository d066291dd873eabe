package org.oxymap.core.od;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

class ProbeDeconvolutionTest {

    private static final double SIGMA_FACTOR = 2 * Math.sqrt(2 * Math.log(2));

    @Test
    void discreteGaussianHasTheProbeVarianceAndItsInverseUndoesIt() {
        for (double t : new double[] {0.05, 0.18, 0.5, 2.0}) {
            double[] k = ProbeDeconvolution.blurKernel(t);
            int r = k.length / 2;
            double sum = 0;
            double variance = 0;
            for (int n = -r; n <= r; n++) {
                sum += k[n + r];
                variance += n * n * k[n + r];
            }
            assertEquals(1.0, sum, 1e-9, "t " + t);
            assertEquals(t, variance, 1e-8, "variance, t " + t);
            // inverse ∗ blur = the unit impulse
            double[] inv = ProbeDeconvolution.inverseKernel(t);
            int ri = inv.length / 2;
            for (int m = -(r + ri); m <= r + ri; m++) {
                double c = 0;
                for (int n = -ri; n <= ri; n++) {
                    int j = m - n;
                    if (Math.abs(j) <= r) {
                        c += inv[n + ri] * k[j + r];
                    }
                }
                assertEquals(m == 0 ? 1.0 : 0.0, c, 1e-8, "t " + t + " offset " + m);
            }
        }
        // e^{-t} I_n(t) against tabulated values (Abramowitz & Stegun 9.8: e^{-1} I_0(1) = 0.4657596, e^{-1} I_1(1)
        // = 0.2079104)
        assertEquals(0.4657596, ProbeDeconvolution.scaledBesselI(0, 1.0), 1e-7);
        assertEquals(0.2079104, ProbeDeconvolution.scaledBesselI(1, 1.0), 1e-7);
    }

    @Test
    void deconvolutionRestoresABlurredMapAndLeavesFlatRegionsAlone() {
        int w = 40;
        int h = 30;
        float[] map = new float[w * h];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < map.length; i++) {
            int x = i % w;
            int y = i / w;
            map[i] = (x > 5 && x < 30 && y > 8 && y < 25 ? 0.3f : 1.0f) + (float) (0.05 * random.nextDouble());
        }
        float[] blurred = ProbeDeconvolution.blur(map, w, h, 10.0, 10.0, 8.0);
        SpectralStack stack = SpectralStack.wrap(List.of(blurred), w, h, new double[] {640.0}, 10.0, 8.0, null,
                Double.NaN);
        ProbeDeconvolution d = new ProbeDeconvolution(10.0, 10.0, 8.0);
        assertEquals(0.0, d.residualFwhmNm(), 0.0);
        float[] restored = d.deconvolve(stack, ProgressListener.NONE).plane(0);
        double worst = 0;
        for (int y = 4; y < h - 4; y++) {
            for (int x = 4; x < w - 4; x++) {
                worst = Math.max(worst, Math.abs(restored[y * w + x] - map[y * w + x]));
            }
        }
        assertTrue(worst < 1e-5, "largest error away from the image border " + worst);
        float[] flat = new float[w * h];
        java.util.Arrays.fill(flat, 1234.5f);
        float[] same = d.deconvolve(SpectralStack.wrap(List.of(flat), w, h, new double[] {640.0}, 10.0),
                ProgressListener.NONE).plane(0);
        for (float v : same) {
            assertEquals(1234.5f, v, 1e-3f);
        }
    }

    @Test
    void noiseGainIsTheNeumannSumOfTheInverseKernel() {
        // Σ_n (e^{t} I_n(t))² = e^{2t} I_0(2t) (Neumann's addition theorem), per axis
        double t = Math.pow(10.0 / SIGMA_FACTOR / 10.0, 2);
        double perAxis = Math.exp(2 * t) * Math.exp(2 * t) * ProbeDeconvolution.scaledBesselI(0, 2 * t);
        ProbeDeconvolution d = new ProbeDeconvolution(10.0, 10.0, 10.0);
        assertEquals(perAxis * perAxis, d.noiseVarianceGain(), 1e-9);
        assertEquals(2.19, d.noiseVarianceGain(), 0.01);
        // and white noise through the deconvolution has that variance
        int w = 200;
        float[] noise = new float[w * w];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextDouble() - 0.5);
        }
        float[] out = d.deconvolve(SpectralStack.wrap(List.of(noise), w, w, new double[] {640.0}, 10.0),
                ProgressListener.NONE).plane(0);
        double in2 = 0;
        double out2 = 0;
        for (int y = 5; y < w - 5; y++) {
            for (int x = 5; x < w - 5; x++) {
                in2 += noise[y * w + x] * noise[y * w + x];
                out2 += out[y * w + x] * out[y * w + x];
            }
        }
        assertEquals(d.noiseVarianceGain(), out2 / in2, 0.05);
    }

    @Test
    void aWideProbeIsUndoneOnlyUpToTheVarianceLimitAndTheRestIsReported() {
        // 30 nm FWHM on 10 nm pixels: σ² = 1.62 px², of which 0.5 px² are undone
        ProbeDeconvolution d = new ProbeDeconvolution(30.0, 10.0, 10.0);
        double sigmaPx = 3.0 / SIGMA_FACTOR;
        double left = Math.sqrt(sigmaPx * sigmaPx - ProbeDeconvolution.MAX_VARIANCE_PX2) * 10.0 * SIGMA_FACTOR;
        assertEquals(left, d.residualFwhmNm(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new ProbeDeconvolution(0.0, 10.0, 10.0));
        assertThrows(IllegalArgumentException.class, () -> new ProbeDeconvolution(10.0, 0.0, 10.0));
    }

    @Test
    void phantomCountsComeCloserToThePointProbe() {
        // the phantom's 10 nm probe blurs the transmission; deconvolved counts are nearer the point probe's. Measured:
        // rms 63.9 -> 49.1 counts (squared error × 0.59); the rest sits on the particle edges, which are sharper than
        // the pixel grid can hold (the discrete kernel cannot know where inside a pixel an edge lies)
        PhantomSettings base = PhantomSettings.defaults().withNoise(0).withDrift(0).withSize(64);
        Phantom blurred = new PhantomGenerator(base).generate(ProgressListener.NONE);
        Phantom sharp = new PhantomGenerator(base.withProbeFwhmNm(0)).generate(ProgressListener.NONE);
        SpectralStack restored = new ProbeDeconvolution(10.0, 10.0, 10.0).deconvolve(blurred.stack(),
                ProgressListener.NONE);
        int k = 20; // near the L3 peaks
        double before = 0;
        double after = 0;
        List<Double> none = new ArrayList<>();
        for (int i = 0; i < sharp.stack().plane(k).length; i++) {
            double s = sharp.stack().plane(k)[i];
            before += Math.pow(blurred.stack().plane(k)[i] - s, 2);
            after += Math.pow(restored.plane(k)[i] - s, 2);
        }
        none.add(after / before);
        System.out.printf("probe deconvolution: rms error against the point probe %.1f -> %.1f counts%n",
                Math.sqrt(before / 4096), Math.sqrt(after / 4096));
        assertTrue(after < 0.65 * before, "squared error after/before " + none);
    }

    @Test
    void bandsGiveTheWholePlaneBitForBit() {
        int w = 37;
        int h = 29;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        float[] plane = new float[w * h];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (float) (1000 + 500 * rnd.nextDouble());
        }
        java.util.List<float[]> one = java.util.List.of(plane);
        ProbeDeconvolution d = new ProbeDeconvolution(10, 10, 8);
        float[] whole = d.deconvolve(org.oxymap.core.stack.SpectralStack.wrap(one, w, h, new double[] {640}, 10, 8,
                null, Double.NaN), ProgressListener.NONE).plane(0);
        int r = d.reachRows();
        org.junit.jupiter.api.Assertions.assertTrue(r >= 1 && r < 10, "reach " + r);
        for (int bandHeight : new int[] {1, 4, 11}) {
            for (int y0 = 0; y0 < h; y0 += bandHeight) {
                int n = Math.min(bandHeight, h - y0);
                int top = Math.max(0, y0 - r);
                int bottom = Math.min(h, y0 + n + r);
                float[] band = java.util.Arrays.copyOfRange(plane, top * w, bottom * w);
                float[] rows = d.deconvolveRows(band, w, top, bottom - top, h, y0, n);
                org.junit.jupiter.api.Assertions.assertArrayEquals(
                        java.util.Arrays.copyOfRange(whole, y0 * w, (y0 + n) * w), rows, 0f,
                        "rows " + y0 + ".. of bands of " + bandHeight);
            }
        }
        float[] tooShort = java.util.Arrays.copyOfRange(plane, 10 * w, 12 * w);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> d.deconvolveRows(tooShort, w, 10, 2, h, 10, 2));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("need the band's rows"), e.getMessage());
    }
}
