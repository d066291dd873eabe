package org.oxymap.core.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/**
 * A synthetic stack of arctan edges, each pixel with its own known edge position: the half-height of an arctan edge
 * is its centre, and so is its largest derivative.
 */
class EdgeEnergyMapperTest {

    static final int W = 24;
    static final int H = 16;

    /** Known edge centre of pixel i, 6544–6552 eV. */
    static double trueEdge(int i) {
        return 6544 + 8.0 * i / (W * H - 1);
    }

    /** Edge jump of pixel i; the first row is too thin to measure (jump 0.02 OD). */
    static double jump(int i) {
        return i < W ? 0.02 : 0.5 + 0.001 * i;
    }

    static SpectralStack arctanStack() {
        List<Double> energies = new ArrayList<>();
        for (double e = 6500; e < 6535; e += 5) {
            energies.add(e);
        }
        for (double e = 6535; e <= 6565; e += 0.5) {
            energies.add(e);
        }
        for (double e = 6570; e <= 6620; e += 5) {
            energies.add(e);
        }
        double[] ev = energies.stream().mapToDouble(Double::doubleValue).toArray();
        List<float[]> planes = new ArrayList<>();
        for (double e : ev) {
            float[] p = new float[W * H];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) (0.2 + 0.0005 * (e - 6500)
                        + jump(i) * (0.5 + Math.atan((e - trueEdge(i)) / 0.8) / Math.PI));
            }
            planes.add(p);
        }
        return SpectralStack.wrap(planes, W, H, ev, 20);
    }

    @Test
    void halfHeightRecoversKnownEdgesWithinAFifthOfAnEv() {
        EdgeEnergyMap m = new EdgeEnergyMapper(EdgeMapSettings.defaults().withRanges(6525, 6575).withMinJump(0.1))
                .map(arctanStack(), ProgressListener.NONE);
        double worst = 0;
        for (int i = W; i < W * H; i++) {
            assertTrue(m.valid()[i]);
            worst = Math.max(worst, Math.abs(m.edgeEnergyEv()[i] - trueEdge(i)));
        }
        // Bias of the flattened arctan's slowly approaching asymptotes (pre/post lines fitted 20-45 eV away).
        assertTrue(worst < 0.2, "largest error " + worst + " eV");
        for (int i = 0; i < W; i++) {
            assertFalse(m.valid()[i]);
            assertEquals(EdgeMapSettings.FILL_VALUE, m.edgeEnergyEv()[i]);
            assertEquals(0.02, m.jump()[i], 0.01);
        }
        assertEquals(W * H - W, m.validCount());
    }

    @Test
    void maxDerivativeRecoversKnownEdgesWithinAFifthOfTheStep() {
        EdgeEnergyMap m = new EdgeEnergyMapper(new EdgeMapSettings(EdgeEnergyMethod.MAX_DERIVATIVE, 6525, 6575, 0.1))
                .map(arctanStack(), ProgressListener.NONE);
        double worst = 0;
        for (int i = W; i < W * H; i++) {
            worst = Math.max(worst, Math.abs(m.edgeEnergyEv()[i] - trueEdge(i)));
        }
        assertTrue(worst < 0.1, "largest error " + worst + " eV");
    }

    @Test
    void valenceFromAKnownLineIsExactOnNoiseFreeEdges() {
        EdgeEnergyMap m = new EdgeEnergyMapper(new EdgeMapSettings(EdgeEnergyMethod.MAX_DERIVATIVE, 6525, 6575, 0.1))
                .map(arctanStack(), ProgressListener.NONE);
        CalibrationLine line = CalibrationLine.of(6536.0, 4.0, 0.2, 0.05, -0.009);
        EdgeValenceMap v = EdgeValenceMap.convert(m, line);
        for (int i = 0; i < W * H; i++) {
            if (!m.valid()[i]) {
                assertEquals(EdgeMapSettings.FILL_VALUE, v.valence()[i]);
                assertEquals(EdgeMapSettings.FILL_VALUE, v.valenceSigma()[i]);
                continue;
            }
            double e = m.edgeEnergyEv()[i];
            double val = (e - 6536.0) / 4.0;
            assertEquals(val, v.valence()[i], 1e-5);
            double var = (0.04 + val * val * 0.0025 + 2 * val * -0.009) / 16;
            assertEquals(Math.sqrt(var), v.valenceSigma()[i], 1e-6);
        }
    }

    @Test
    void emptyRangesAreClearErrors() {
        SpectralStack s = arctanStack();
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> new EdgeEnergyMapper(EdgeMapSettings.defaults().withRanges(6400, 6575)).map(s,
                        ProgressListener.NONE));
        assertTrue(ex.getMessage().contains("pre-edge"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EdgeEnergyMapper(EdgeMapSettings.defaults()
                .withRanges(6525, 6700)).map(s, ProgressListener.NONE));
    }
}
