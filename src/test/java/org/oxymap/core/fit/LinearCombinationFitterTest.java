package org.oxymap.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.SyntheticMnL3References;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

class LinearCombinationFitterTest {

    /** Noise-free OD = Σ c_k R_k + a0 at every pixel: the fit must return c_k and a0 to 1e-4. */
    @Test
    void recoversTrueCoefficientsOnNoiseFreeData() {
        List<ReferenceSpectrum> refs = SyntheticMnL3References.all();
        double[] energies = PhantomGenerator.defaultEnergiesEv();
        int w = 7;
        int h = 5;
        double[][] truth = new double[w * h][];
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < energies.length; k++) {
            planes.add(new float[w * h]);
        }
        for (int i = 0; i < w * h; i++) {
            double c2 = 2.0 + i % 3;
            double c3 = 10.0 + 1.5 * i;
            double c4 = 40.0 - i;
            double a0 = 0.01 * (i % 5) - 0.02;
            truth[i] = new double[] {c2, c3, c4, a0};
            for (int k = 0; k < energies.length; k++) {
                planes.get(k)[i] = (float) (c2 * SyntheticMnL3References.odPerNm(0, energies[k])
                        + c3 * SyntheticMnL3References.odPerNm(1, energies[k])
                        + c4 * SyntheticMnL3References.odPerNm(2, energies[k]) + a0);
            }
        }
        // float storage limits the data to ~1e-7 relative; coefficients are then good to well below 1e-4
        SpectralStack od = SpectralStack.wrap(planes, w, h, energies, 10.0);
        FitMaps maps = new LinearCombinationFitter(refs, BackgroundModel.CONSTANT).fit(od, null, ProgressListener.NONE);
        for (int i = 0; i < w * h; i++) {
            double sum = truth[i][0] + truth[i][1] + truth[i][2];
            for (int k = 0; k < 3; k++) {
                assertEquals(truth[i][k], maps.coefficients().get(k)[i], 1e-4, "coefficient " + k + " at pixel " + i);
                assertEquals(truth[i][k] / sum, maps.fractions().get(k)[i], 1e-6, "fraction " + k + " at pixel " + i);
            }
            assertEquals(truth[i][3], maps.background()[i], 1e-5, "background at pixel " + i);
            assertEquals(sum, maps.thickness()[i], 1e-4);
            double valence = (2 * truth[i][0] + 3 * truth[i][1] + 4 * truth[i][2]) / sum;
            assertEquals(valence, maps.valence()[i], 1e-5);
            assertTrue(maps.fitted()[i]);
        }
    }

    @Test
    void skippedPixelsAreNotFittedAndHoldZero() {
        double[] energies = PhantomGenerator.defaultEnergiesEv();
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < energies.length; k++) {
            planes.add(new float[] {0.5f, 0.5f});
        }
        FitMaps maps = new LinearCombinationFitter(SyntheticMnL3References.all(), BackgroundModel.NONE)
                .fit(SpectralStack.wrap(planes, 2, 1, energies, 1.0), new boolean[] {true, false}, ProgressListener.NONE);
        assertFalse(maps.fitted()[0]);
        assertEquals(0f, maps.thickness()[0]);
        assertTrue(maps.fitted()[1]);
    }

    @Test
    void tooFewEnergiesForTheParametersIsAnError() {
        double[] energies = {640.0, 641.0, 642.0};
        List<float[]> planes = List.of(new float[1], new float[1], new float[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinearCombinationFitter(SyntheticMnL3References.all(), BackgroundModel.CONSTANT)
                        .fit(SpectralStack.wrap(planes, 1, 1, energies, 1.0), null, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("3 energies") && e.getMessage().contains("4 parameters"), e.getMessage());
    }
}
