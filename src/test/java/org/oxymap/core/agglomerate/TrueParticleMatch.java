package org.oxymap.core.agglomerate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.oxymap.core.phantom.AgglomeratePhantomParticle;

/**
 * How many of a phantom's true particles a segmentation found (IoU ≥ 0.5 with a segmented particle), and how many
 * of those were also given their true class.
 */
record TrueParticleMatch(int matched, int matchedAndClassed) {

    static TrueParticleMatch of(int[] truthLabels, List<AgglomeratePhantomParticle> truth, int[] segLabels,
            int segCount, AgglomerateClassification classification) {
        int nt = truth.size();
        int[][] overlap = new int[nt + 1][segCount + 1];
        int[] segSize = new int[segCount + 1];
        int[] trueSize = new int[nt + 1];
        for (int i = 0; i < segLabels.length; i++) {
            overlap[truthLabels[i]][segLabels[i]]++;
            segSize[segLabels[i]]++;
            trueSize[truthLabels[i]]++;
        }
        Map<Integer, AgglomerateClass> classOf = new HashMap<>();
        for (ClassifiedParticle p : classification.particles()) {
            classOf.put(p.label(), p.agglomerateClass());
        }
        int matched = 0;
        int correct = 0;
        for (AgglomeratePhantomParticle t : truth) {
            for (int l = 1; l <= segCount; l++) {
                double iou = overlap[t.id()][l] / (double) (trueSize[t.id()] + segSize[l] - overlap[t.id()][l]);
                if (iou >= 0.5) {
                    matched++;
                    if (classOf.get(l).label().equals(t.classLabel())) {
                        correct++;
                    }
                }
            }
        }
        return new TrueParticleMatch(matched, correct);
    }
}
