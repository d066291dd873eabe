package org.oxymap.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.oxymap.core.phantom.PoissonSampler;
import org.oxymap.core.stack.SpectralStack;

/** A noise realisation of a scene: its noise-free expected counts drawn again as Poisson counts. */
final class PoissonRedraw {

    private PoissonRedraw() {
    }

    /**
     * @param mean  the noise-free stack ({@code PhantomSettings.withNoise(0)} draws it at 1e4 incident counts)
     * @param scale incident counts of the realisation / those of {@code mean}
     */
    static SpectralStack draw(SpectralStack mean, double scale, SplittableRandom random) {
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < mean.energyCount(); k++) {
            float[] m = mean.plane(k);
            float[] counts = new float[m.length];
            for (int i = 0; i < m.length; i++) {
                counts[i] = PoissonSampler.sample(scale * m[i], random);
            }
            planes.add(counts);
        }
        return SpectralStack.wrap(planes, mean.width(), mean.height(), mean.energiesEv(), mean.pixelWidthNm());
    }
}
