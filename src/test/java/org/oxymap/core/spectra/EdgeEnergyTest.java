package org.oxymap.core.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EdgeEnergyTest {

    @Test
    void parabolaVertexOfASampledParabolaIsExact() {
        // y = -(x - 1.3)^2 sampled at 0, 1, 2
        assertEquals(1.3, EdgeEnergy.parabolaVertex(0, -1.69, 1, -0.09, 2, -0.49), 1e-12);
    }

    @Test
    void halfHeightOfAPiecewiseLinearEdgeIsExact() {
        double[] e = {0, 1, 2, 3, 4};
        double[] y = {0, 0.1, 0.3, 0.9, 1.0};
        assertEquals(2 + 0.2 / 0.6, EdgeEnergy.crossingEv(e, y, 0.5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> EdgeEnergy.crossingEv(e, y, 2.0));
    }

    @Test
    void maxDerivativeOfAGaussianSlopedEdgeWithinAFifthOfTheSpacing() {
        double[] e = new double[81];
        double[] y = new double[81];
        for (int i = 0; i < e.length; i++) {
            e[i] = 6530 + 0.5 * i;
            y[i] = 0.5 * (1 + org.apache.commons.math3.special.Erf.erf((e[i] - 6547.13) / 2.0));
        }
        assertEquals(6547.13, EdgeEnergy.maxDerivativeEv(e, y), 0.1);
    }
}
