package org.oxymap.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * All model fits of one run: each particle on its own with both models, the global fits of both models over the
 * particles that share D, and the comparisons.
 *
 * @param settings             the fit parameters used
 * @param diffusion            per-particle diffusion fits, one per profiled particle (fitted or not)
 * @param coreShell            per-particle core–shell fits, same order
 * @param globalDiffusion      the global diffusion fit (shared D)
 * @param globalCoreShell      the global core–shell fit (shared δ) over the same particles
 * @param comparisons          per-particle comparisons in the same order, then the global one (particle 0)
 * @param globalParticles      labels of the particles in the global fits
 */
public record ModelFits(ModelFitSettings settings, List<ModelFit> diffusion, List<ModelFit> coreShell,
        ModelFit globalDiffusion, ModelFit globalCoreShell, List<ModelComparison> comparisons,
        List<Integer> globalParticles) {

    /** Builds the record, comparing each particle's two fits and the two global fits. */
    public static ModelFits of(ModelFitSettings settings, List<ModelFit> diffusion, List<ModelFit> coreShell,
            ModelFit globalDiffusion, ModelFit globalCoreShell, List<Integer> globalParticles) {
        if (diffusion.size() != coreShell.size()) {
            throw new IllegalArgumentException(diffusion.size() + " diffusion fits but " + coreShell.size()
                    + " core-shell fits; expected one of each per particle");
        }
        List<ModelComparison> comparisons = new ArrayList<>();
        for (int i = 0; i < diffusion.size(); i++) {
            comparisons.add(ModelComparison.of(diffusion.get(i), coreShell.get(i)));
        }
        comparisons.add(ModelComparison.of(globalDiffusion, globalCoreShell));
        return new ModelFits(settings, List.copyOf(diffusion), List.copyOf(coreShell), globalDiffusion, globalCoreShell,
                List.copyOf(comparisons), List.copyOf(globalParticles));
    }

    /** The comparison of particle {@code label} (0 = global), or null. */
    public ModelComparison comparison(int label) {
        return comparisons.stream().filter(c -> c.particle() == label).findFirst().orElse(null);
    }

    /** The per-particle fit of {@code model} for particle {@code label}, or null. */
    public ModelFit fit(int label, ProfileModel model) {
        List<ModelFit> list = model == ProfileModel.DIFFUSION ? diffusion : coreShell;
        return list.stream().filter(f -> f.particle() == label).findFirst().orElse(null);
    }
}
