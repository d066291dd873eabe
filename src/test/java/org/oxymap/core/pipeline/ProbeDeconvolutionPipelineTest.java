package org.oxymap.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.oxymap.core.fit.FitMaps;
import org.oxymap.core.fit.FitWeights;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.phantom.PoissonSampler;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/**
 * The per-pixel σ maps after the probe deconvolution, with Poisson weights: the deconvolution multiplies the
 * counting noise's variance by its gain (2.19 for a 10 nm probe on 10 nm pixels), and the pipeline divides the
 * counts the weights are computed from by it. Checked against the noise itself: two Poisson realisations of the
 * same scene, var(c₁ − c₂)/2 over the particle pixels against the mean σ².
 */
class ProbeDeconvolutionPipelineTest {

    @Test
    void poissonSigmaMapsIncludeTheDeconvolutionNoiseGain() {
        PhantomSettings ps = PhantomSettings.defaults().withSeed(77L).withDrift(0).withSize(64);
        Phantom expected = new PhantomGenerator(ps.withNoise(0)).generate(ProgressListener.NONE);
        double scale = ps.i0Counts() / 1.0e4; // noise(0) draws 1e4 incident counts without noise
        PipelineSettings s = PipelineSettings.defaults().withTimeS(ps.timeS()).withAlign(false);
        s = s.withPixelFit(s.pixelFit().withWeights(FitWeights.POISSON));
        s = s.withModelFits(s.modelFits().withBootstrap(0, 1).withProbeFwhmNm(10.0));
        FitMaps[] maps = new FitMaps[2];
        for (int r = 0; r < 2; r++) {
            SplittableRandom random = new SplittableRandom(900 + r);
            List<float[]> planes = new ArrayList<>();
            for (float[] m : expected.stack().planes()) {
                float[] counts = new float[m.length];
                for (int i = 0; i < m.length; i++) {
                    counts[i] = PoissonSampler.sample(scale * m[i], random);
                }
                planes.add(counts);
            }
            SpectralStack stack = SpectralStack.wrap(planes, 64, 64, expected.stack().energiesEv(), 10.0);
            maps[r] = new OxidationStatePipeline(s, expected.references()).run(stack, ProgressListener.NONE).maps();
        }
        int k = maps[0].indexOf("Mn3");
        double diff2 = 0;
        double sigma2 = 0;
        int n = 0;
        for (int i = 0; i < 64 * 64; i++) {
            int x = i % 64;
            int y = i / 64;
            if (expected.labels()[i] > 0 && x > 2 && y > 2 && x < 61 && y < 61 && maps[0].thickness()[i] > 20) {
                double d = maps[0].coefficients().get(k)[i] - maps[1].coefficients().get(k)[i];
                diff2 += d * d / 2;
                sigma2 += 0.5 * (Math.pow(maps[0].sigmas().get(k)[i], 2) + Math.pow(maps[1].sigmas().get(k)[i], 2));
                n++;
            }
        }
        double ratio = Math.sqrt(diff2 / sigma2);
        System.out.printf("deconvolved, Poisson weights: noise of c(Mn3) / mean σ = %.3f over %d pixels%n", ratio, n);
        assertEquals(1.0, ratio, 0.15);
    }
}
