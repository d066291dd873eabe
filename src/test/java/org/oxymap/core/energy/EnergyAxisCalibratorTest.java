package org.oxymap.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.oxymap.core.phantom.SyntheticMnL3References;
import org.oxymap.core.stack.SpectralStack;

/**
 * A reference sample measured on a monochromator whose scale reads 0.37 eV too high: its synthetic Mn3+ spectrum,
 * sampled every 0.1 eV, is shifted back to the known feature energy within 0.02 eV for the peak and both edge
 * definitions.
 */
class EnergyAxisCalibratorTest {

    private static final double SHIFT_EV = 0.37;

    @Test
    void knownShiftIsRecoveredFromEveryFeature() {
        int n = 201;
        double[] e = new double[n];
        double[] measured = new double[n];
        double[] fine = new double[4001];
        double[] fineValues = new double[fine.length];
        for (int i = 0; i < n; i++) {
            e[i] = 630 + 0.1 * i;
            measured[i] = SyntheticMnL3References.odPerNm(1, e[i] - SHIFT_EV);
        }
        for (int i = 0; i < fine.length; i++) {
            fine[i] = 630 + 0.005 * i;
            fineValues[i] = SyntheticMnL3References.odPerNm(1, fine[i]);
        }
        for (SpectralFeature f : SpectralFeature.values()) {
            double lo = f == SpectralFeature.PEAK ? 638 : 636;
            double hi = f == SpectralFeature.PEAK ? 645 : 641.9;
            // the known energy: the feature of the true spectrum, finely sampled
            double known = SpectralFeatureLocator.locate(fine, fineValues, f, lo, hi);
            double offset = EnergyAxisCalibrator.offsetEv(e, measured, f, known, lo + SHIFT_EV, hi + SHIFT_EV);
            System.out.printf("energy calibration, %s: known %.4f eV, offset %.4f eV (true %.2f)%n", f.label(), known,
                    offset, -SHIFT_EV);
            assertEquals(-SHIFT_EV, offset, 0.02, f.label());
        }
    }

    @Test
    void shiftedStackKeepsPlanesAndMovesEnergies() {
        float[] p = new float[] {1, 2, 3, 4};
        SpectralStack s = SpectralStack.wrap(List.of(p, p.clone()), 2, 2, new double[] {640, 641}, 10);
        SpectralStack t = EnergyAxisCalibrator.shifted(s, -0.37);
        assertEquals(639.63, t.energyEv(0), 1e-12);
        assertEquals(640.63, t.energyEv(1), 1e-12);
        assertTrue(t.plane(0) == p, "planes shared, not copied");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnergyAxisCalibrator.shifted(s, Double.NaN));
        assertTrue(e.getMessage().contains("energy-shift"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralFeatureLocator.locate(new double[] {1, 2, 3},
                new double[] {1, 2, 3}, SpectralFeature.PEAK, Double.NaN, Double.NaN));
        assertTrue(e.getMessage().contains("fewer than 4 samples"), e.getMessage());
    }
}
