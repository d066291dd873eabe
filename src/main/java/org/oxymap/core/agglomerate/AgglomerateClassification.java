package org.oxymap.core.agglomerate;

import java.util.List;

/**
 * Agglomerates and the class of every particle.
 *
 * @param width              image width
 * @param height             image height
 * @param agglomerateLabels  agglomerate label per pixel (0 = none)
 * @param agglomerates       the agglomerates, by label order
 * @param particles          the classified particles, by particle label order
 * @param classCodes         {@link AgglomerateClass#code()} per particle pixel (0 elsewhere): the class overlay
 * @param boundaryDistanceNm per pixel inside an agglomerate, distance from the agglomerate's boundary (nm): the
 *                           distance transform to the nearest pixel outside it, minus half a pixel; 0 elsewhere
 * @param warnings           what a user should know (regions without particles, particles outside every region)
 */
public record AgglomerateClassification(int width, int height, int[] agglomerateLabels,
        List<Agglomerate> agglomerates, List<ClassifiedParticle> particles, int[] classCodes,
        float[] boundaryDistanceNm, List<String> warnings) {

    /** Number of particles of a class. */
    public int count(AgglomerateClass c) {
        return (int) particles.stream().filter(p -> p.agglomerateClass() == c).count();
    }
}
