package org.oxymap.core.outlier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/**
 * Injected hot and dead pixels in a Poisson-noisy phantom are all found and replaced; the clean phantom, whose
 * particle rims change counts by a factor of two within a pixel, gives no false positive at N = 6.
 */
class OutlierPixelReplacerTest {

    private static final Phantom PHANTOM = new PhantomGenerator(PhantomSettings.defaults().withDrift(0))
            .generate(ProgressListener.NONE);

    @Test
    void cleanPoissonPhantomHasNoFalsePositivesAtSixSigma() {
        OutlierPixelReplacer.Result r = new OutlierPixelReplacer(6).replace(PHANTOM.stack(), null);
        int pixels = PHANTOM.stack().width() * PHANTOM.stack().height() * PHANTOM.stack().energyCount();
        System.out.println("outliers: false positives at N=6 on the clean phantom: " + r.replacedTotal() + " of "
                + pixels + " pixel values");
        assertEquals(0, r.replacedTotal(), "false positives");
        OutlierPixelReplacer.Result r4 = new OutlierPixelReplacer(4).replace(PHANTOM.stack(), null);
        System.out.println("outliers: false positives at N=4: " + r4.replacedTotal() + " of " + pixels);
    }

    @Test
    void injectedHotAndDeadPixelsAreAllFound() {
        SpectralStack clean = PHANTOM.stack();
        int w = clean.width();
        int h = clean.height();
        SplittableRandom random = new SplittableRandom(7);
        List<float[]> planes = new ArrayList<>();
        List<int[]> injected = new ArrayList<>();
        for (int energy = 0; energy < clean.energyCount(); energy++) {
            final int k = energy;
            float[] p = clean.plane(k).clone();
            for (int j = 0; j < 5; j++) {
                int x = 2 + random.nextInt(w - 4);
                int y = 2 + random.nextInt(h - 4);
                if (injected.stream().anyMatch(q -> q[0] == k && Math.abs(q[1] - x) <= 1 && Math.abs(q[2] - y) <= 1)) {
                    continue;
                }
                float original = p[y * w + x];
                p[y * w + x] = j % 2 == 0 ? original * 3 : 0f; // hot: 3x the count; dead: zero
                injected.add(new int[] {k, x, y, Float.floatToIntBits(original)});
            }
            planes.add(p);
        }
        SpectralStack corrupted = clean.withPlanes(planes);
        OutlierPixelReplacer.Result r = new OutlierPixelReplacer(6).replace(corrupted, null);
        assertEquals(injected.size(), r.replacedTotal(), "replaced pixels");
        for (int[] q : injected) {
            float restored = r.cleaned().plane(q[0])[q[2] * w + q[1]];
            float original = Float.intBitsToFloat(q[3]);
            assertTrue(Math.abs(restored - original) < 0.1 * original,
                    "energy " + q[0] + " pixel (" + q[1] + ", " + q[2] + "): " + restored + " vs " + original);
        }
        assertEquals(0f, corrupted.plane(0)[0] - clean.plane(0)[0] + 0f, 0f, "input left alone");
    }
}
