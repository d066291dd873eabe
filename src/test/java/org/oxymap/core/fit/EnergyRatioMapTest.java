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
import org.oxymap.core.stack.SpectralStack;

class EnergyRatioMapTest {

    /**
     * OD = t·R_Mn3 + 0.1 (a flat offset): the ratio is (R(E2) − mean R(band)) / (R(E1) − mean R(band)) whatever
     * the thickness and offset; a 0.5 nm pixel is masked (denominator below 0.01 OD).
     */
    @Test
    void ratioIsThicknessFreeAndMaskedWhereThin() {
        double[] e = PhantomGenerator.defaultEnergiesEv();
        double[] t = {0.5, 20, 80};
        List<float[]> planes = new ArrayList<>();
        for (double energy : e) {
            float[] p = new float[t.length];
            for (int i = 0; i < t.length; i++) {
                p[i] = (float) (t[i] * SyntheticMnL3References.odPerNm(1, energy) + 0.1);
            }
            planes.add(p);
        }
        SpectralStack od = SpectralStack.wrap(planes, t.length, 1, e, 10.0);
        EnergyRatioMap.Result r = new EnergyRatioMap(655.9, 641.1, 630, 634, 0.01).compute(od);
        assertEquals(656.0, r.e1Ev(), 1e-9);
        assertEquals(641.0, r.e2Ev(), 1e-9);
        double band = 0;
        int n = 0;
        for (double energy : e) {
            if (energy >= 630 && energy <= 634) {
                band += SyntheticMnL3References.odPerNm(1, energy);
                n++;
            }
        }
        assertEquals(n, r.bandEnergies());
        band /= n;
        double expected = (SyntheticMnL3References.odPerNm(1, 641.0) - band)
                / (SyntheticMnL3References.odPerNm(1, 656.0) - band);
        assertFalse(r.valid()[0]);
        assertEquals(0f, r.ratio()[0]);
        for (int i = 1; i < 3; i++) {
            assertTrue(r.valid()[i]);
            assertEquals(expected, r.ratio()[i], 2e-4 * Math.abs(expected), "pixel " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> new EnergyRatioMap(656, 641, 600, 610, 0.01).compute(od));
    }
}
