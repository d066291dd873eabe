package org.oxymap.core.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EnergyShiftFitterTest {

    private static double edge(double e, double e0, double peak) {
        return 0.5 * (1 + org.apache.commons.math3.special.Erf.erf((e - e0) / 1.5))
                + peak * Math.exp(-0.5 * Math.pow((e - e0 - 4) / 1.2, 2));
    }

    private static ReferenceSpectrum ref(String name, double e0, double peak) {
        int n = 801;
        double[] e = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = 630 + 0.05 * i;
            v[i] = edge(e[i], e0, peak);
        }
        return new ReferenceSpectrum(name, Double.NaN, e, v);
    }

    @Test
    void recoversAKnownShiftAndTheCoefficients() {
        List<ReferenceSpectrum> refs = List.of(ref("a", 650, 0.8), ref("b", 652.5, 0.3));
        double shift = 0.73;
        double[] e = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < e.length; i++) {
            e[i] = 640 + 0.4 * i;
            y[i] = 0.3 * edge(e[i] - shift, 650, 0.8) + 0.7 * edge(e[i] - shift, 652.5, 0.3) + 0.05;
        }
        EnergyShiftFit f = new EnergyShiftFitter(refs, 1, 3).fit(new ReferenceSpectrum("mean", Double.NaN, e, y));
        assertEquals(shift, f.shiftEv(), 0.01);
        assertEquals(0.3, f.coefficients()[0], 0.01);
        assertEquals(0.7, f.coefficients()[1], 0.01);
        assertEquals(0.05, f.coefficients()[2], 0.005);
        assertTrue(f.residualSumSq() < 1e-3 * f.unshiftedSumSq());
    }

    @Test
    void shiftedReferencesMustStillCoverTheSpectrum() {
        List<ReferenceSpectrum> refs = List.of(ref("a", 650, 0.8));
        double[] e = {631, 640, 650, 660};
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> new EnergyShiftFitter(refs, 0, 3).fit(new ReferenceSpectrum("t", Double.NaN, e, new double[4])));
        assertTrue(ex.getMessage().contains("'a'"), ex.getMessage());
    }

    @Test
    void withShiftMovesFeaturesUp() {
        ReferenceSpectrum r = ref("a", 650, 0.0).withShift(2.0);
        assertEquals(0.5, r.interpolate(new double[] {652.0})[0], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> r.interpolate(new double[] {631.0}));
    }
}
