package org.oxymap.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.ThresholdMethod;

/** Empty masks, single-pixel particles and particles without interior give clear messages, never a crash or NaN. */
class ParticleProfilingEdgeCasesTest {

    private static final int W = 40;

    private static ParticleProfiles run(PipelineSettings s, float[] thickness, int[] labels) {
        float[] fraction = new float[thickness.length];
        Arrays.fill(fraction, 0.3f);
        return new ParticleProfiling(s.withBinNm(10)).run(thickness, fraction, null, null, W, W, 10, 10, labels,
                ProgressListener.NONE);
    }

    private static float[] ones() {
        float[] t = new float[W * W];
        Arrays.fill(t, 50f);
        return t;
    }

    @Test
    void emptyThicknessMapSaysNoParticleWasFound() {
        for (ThresholdMethod m : ThresholdMethod.values()) {
            if (m == ThresholdMethod.NOISE) {
                continue;
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> run(PipelineSettings.defaults().withThreshold(m), new float[W * W], null));
            assertTrue(e.getMessage().startsWith("no particle found"), m + ": " + e.getMessage());
        }
    }

    @Test
    void emptyLabelImageSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(PipelineSettings.defaults(), ones(), new int[W * W]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void singlePixelParticleIsExcludedWithItsReasons() {
        int[] labels = new int[W * W];
        labels[20 * W + 20] = 4;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(PipelineSettings.defaults(), ones(), labels));
        assertEquals("no particle left to profile: 1 particle found, all excluded (1 too_small, 1 no_interior); "
                + "relax the limits (min-area-nm2, min-solidity, min-circularity, exclude-touching) or check the "
                + "particles", e.getMessage());
    }

    @Test
    void particleWithoutInteriorIsFlaggedAndTheOthersAreProfiled() {
        int[] labels = new int[W * W];
        for (int x = 5; x < 35; x++) {
            labels[5 * W + x] = 1;           // a one-pixel line of 30 pixels (3000 nm² > the minimum area)
        }
        for (int y = 15; y < 35; y++) {
            for (int x = 10; x < 30; x++) {
                labels[y * W + x] = 2;       // a 20 x 20 square
            }
        }
        PipelineSettings s = PipelineSettings.defaults().withMinAreaNm2(1000);
        s = s.withParticles(s.particles().withMinCircularity(0).withMinSolidity(0));
        ParticleProfiles p = run(s, ones(), labels);
        assertEquals("no_interior", p.particles()[0].flagLabels());
        assertTrue(p.particles()[1].profiled());
        for (ProfileBin b : p.bins()) {
            assertTrue(b.particle() != 1, "the line is not profiled");
            assertTrue(Double.isFinite(b.mean()) && Double.isFinite(b.se()), "finite bin " + b);
        }
    }
}
