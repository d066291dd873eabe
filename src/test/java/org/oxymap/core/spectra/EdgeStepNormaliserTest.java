package org.oxymap.core.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EdgeStepNormaliserTest {

    /** μ = pre line + step·H(E − E0)·(quadratic post-edge shape that is 1 at E0), with a sharp error-function edge. */
    private static ReferenceSpectrum synthetic(double e0, double step) {
        int n = 901;
        double[] e = new double[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = e0 - 300 + i;
            double pre = 0.3 - 2e-4 * (e[i] - e0);
            double post = 1 + 1e-4 * (e[i] - e0) - 2e-7 * (e[i] - e0) * (e[i] - e0);
            double edge = 0.5 * (1 + org.apache.commons.math3.special.Erf.erf((e[i] - e0) / 2.0));
            mu[i] = pre + step * edge * post;
        }
        return new ReferenceSpectrum("syn", 3, e, mu);
    }

    @Test
    void recoversStepAndPreEdgeLineOfAnAnalyticEdge() {
        ReferenceSpectrum s = synthetic(6550, 0.8);
        NormalisedSpectrum n = EdgeStepNormaliser.normalise(s, NormalisationSettings.athenaDefaults().withE0Ev(6550));
        assertEquals(0.8, n.edgeStep(), 1e-9);
        assertEquals(-2e-4, n.preEdge()[1], 1e-12);
        assertEquals(0.3 + 2e-4 * 6550, n.preEdge()[0], 1e-8);
        double[] v = n.spectrum().values();
        double[] e = n.spectrum().energiesEv();
        // Far above the edge the normalised spectrum follows the post-edge shape exactly.
        for (int i = 0; i < e.length; i++) {
            if (e[i] > 6560) {
                double d = e[i] - 6550;
                assertEquals(1 + 1e-4 * d - 2e-7 * d * d, v[i], 1e-9);
            }
        }
        assertEquals(3, n.spectrum().valence());
        assertEquals(121, n.preEdgePoints());
    }

    @Test
    void e0FromTheDerivativeIsTheInflectionPoint() {
        ReferenceSpectrum s = synthetic(6550.3, 1.0);
        NormalisedSpectrum n = EdgeStepNormaliser.normalise(s, NormalisationSettings.athenaDefaults());
        assertEquals(6550.3, n.e0Ev(), 0.05);
        assertEquals(1.0, n.edgeStep(), 1e-3);
    }

    @Test
    void rangesOutsideTheDataAreClearErrors() {
        ReferenceSpectrum s = synthetic(6550, 1.0);
        IllegalArgumentException pre = assertThrows(IllegalArgumentException.class, () -> EdgeStepNormaliser
                .normalise(s, NormalisationSettings.athenaDefaults().withE0Ev(6550).withPreEdge(-400, -30)));
        assertTrue(pre.getMessage().contains("pre-edge range") && pre.getMessage().contains("'syn'"),
                pre.getMessage());
        IllegalArgumentException post = assertThrows(IllegalArgumentException.class, () -> EdgeStepNormaliser
                .normalise(s, NormalisationSettings.athenaDefaults().withE0Ev(6550).withPostEdge(150, 700)));
        assertTrue(post.getMessage().contains("post-edge range"), post.getMessage());
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> EdgeStepNormaliser
                .normalise(s, NormalisationSettings.athenaDefaults().withE0Ev(6550).withPreEdge(-30.5, -30)));
        assertTrue(few.getMessage().contains("data points"), few.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NormalisationSettings.athenaDefaults().withPreEdge(-30,
                -150));
    }
}
