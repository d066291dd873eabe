package org.oxymap.core.agglomerate;

import java.util.List;

import org.oxymap.core.profile.ProfileBin;

/**
 * Everything the agglomerate analysis produced.
 *
 * @param settings        the parameters
 * @param component       the component whose fraction the statistics describe (e.g. Mn3)
 * @param source          where the agglomerates came from: "auto", a file name or "RoiManager"
 * @param classification  agglomerates and particle classes
 * @param particles       per-particle thickness-weighted means
 * @param classes         per-class statistics, in class order
 * @param thicknessEdges  edges of the thickness bins (nm)
 * @param byThickness     per class within each thickness bin
 * @param comparisons     class differences
 * @param vsBoundary      fraction against distance from the agglomerate boundary (large agglomerates)
 * @param vsThickness     fraction against pixel thickness over every fitted pixel
 * @param warnings        messages for the user (also in the classification's list)
 */
public record AgglomerateResult(AgglomerateSettings settings, String component, String source,
        AgglomerateClassification classification, List<ParticleFraction> particles, List<ClassSummary> classes,
        double[] thicknessEdges, List<ThicknessClassBin> byThickness, List<ClassDifference> comparisons,
        List<ProfileBin> vsBoundary, List<ThicknessBin> vsThickness, List<String> warnings) {

    /** The statistics of one class. */
    public ClassSummary summary(AgglomerateClass c) {
        return classes.stream().filter(s -> s.agglomerateClass() == c).findFirst().orElseThrow();
    }

    /** The comparison of a pair (in either order as stored: a before b in class order). */
    public ClassDifference comparison(AgglomerateClass a, AgglomerateClass b) {
        return comparisons.stream().filter(d -> d.a() == a && d.b() == b).findFirst().orElseThrow();
    }
}
