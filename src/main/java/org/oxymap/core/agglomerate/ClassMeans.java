package org.oxymap.core.agglomerate;

import java.util.ArrayList;
import java.util.List;

/**
 * Per class: the thickness-weighted mean fraction over the class's particles, its weighted SE with particles as
 * units ({@link WeightedMean}), and particle and pixel counts. Every class gets a row; a class without particles
 * has n = 0 and an empty mean.
 */
public final class ClassMeans {

    private ClassMeans() {
    }

    public static List<ClassSummary> summarise(List<ParticleFraction> particles) {
        List<ClassSummary> out = new ArrayList<>();
        for (AgglomerateClass c : AgglomerateClass.values()) {
            out.add(summarise(particles, c));
        }
        return out;
    }

    public static ClassSummary summarise(List<ParticleFraction> particles, AgglomerateClass c) {
        List<ParticleFraction> of = particles.stream()
                .filter(p -> p.particle().agglomerateClass() == c && p.pixels() > 0).toList();
        double[] x = new double[of.size()];
        double[] w = new double[of.size()];
        int pixels = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = of.get(i).meanFraction();
            w[i] = of.get(i).weightNm();
            pixels += of.get(i).pixels();
        }
        return new ClassSummary(c, WeightedMean.of(x, w), of.size(), pixels);
    }
}
