package org.oxymap.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class EdgeDistanceProfilerTest {

    /** Hand-computed bin: values 1, 2, 4 with weights 1, 1, 2. */
    @Test
    void weightedMeanAndStandardErrorFollowTheDesign() {
        int[] labels = {1, 1, 1, 0};
        float[] distance = {5f, 5f, 5f, 0f};
        float[] values = {1f, 2f, 4f, 9f};
        float[] weights = {1f, 1f, 2f, 1f};
        List<ProfileBin> bins = new EdgeDistanceProfiler(10.0, 5.0).profile(labels, 1, new boolean[] {true}, distance,
                values, weights);
        assertEquals(2, bins.size()); // particle 1 and the ensemble
        ProfileBin b = bins.get(0);
        double mean = (1 + 2 + 8) / 4.0;
        double var = (1 * Math.pow(1 - mean, 2) + Math.pow(2 - mean, 2) + 2 * Math.pow(4 - mean, 2)) / 4.0;
        double nEff = 16.0 / 6.0;
        assertEquals(1, b.particle());
        assertEquals(5.0, b.distanceNm(), 1e-12); // distance 5 − offset 5 = 0 -> first bin, centre 5
        assertEquals(mean, b.mean(), 1e-12);
        assertEquals(Math.sqrt(var) / Math.sqrt(nEff), b.se(), 1e-12);
        assertEquals(4.0, b.weight(), 1e-12);
        assertEquals(3, b.n());
        assertEquals(0, bins.get(1).particle());
        assertEquals(mean, bins.get(1).mean(), 1e-12);
    }

    @Test
    void excludedParticlesAndZeroWeightPixelsAreLeftOut() {
        int[] labels = {1, 2, 2};
        float[] distance = {15f, 15f, 25f};
        float[] values = {0.5f, 0.2f, 0.3f};
        float[] weights = {1f, 1f, 0f};
        List<ProfileBin> bins = new EdgeDistanceProfiler(10.0, 0.0).profile(labels, 2, new boolean[] {false, true},
                distance, values, weights);
        assertEquals(2, bins.size());
        assertEquals(2, bins.get(0).particle());
        assertEquals(15.0, bins.get(0).distanceNm(), 1e-12);
        assertEquals(0.2, bins.get(0).mean(), 1e-6);
    }
}
