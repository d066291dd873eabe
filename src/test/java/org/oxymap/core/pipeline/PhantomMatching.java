package org.oxymap.core.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.oxymap.core.distance.EuclideanDistanceTransform;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomParticle;
import org.oxymap.core.profile.EdgeDistanceProfiler;
import org.oxymap.core.profile.ProfileBin;

/** Matching of segmented particles to a phantom's true particles, and the true profiles. */
final class PhantomMatching {

    private PhantomMatching() {
    }

    /**
     * For each true particle 1..n (index = id − 1), the segmented label with the largest intersection over union
     * and that IoU (0 if none overlaps).
     */
    static double[][] bestMatches(int[] truth, int trueCount, int[] segmented, int segmentedCount) {
        long[][] intersection = new long[trueCount + 1][segmentedCount + 1];
        long[] trueSize = new long[trueCount + 1];
        long[] segSize = new long[segmentedCount + 1];
        for (int i = 0; i < truth.length; i++) {
            intersection[truth[i]][segmented[i]]++;
            trueSize[truth[i]]++;
            segSize[segmented[i]]++;
        }
        double[][] out = new double[trueCount][2];
        for (int t = 1; t <= trueCount; t++) {
            for (int s = 1; s <= segmentedCount; s++) {
                double iou = intersection[t][s] / (double) (trueSize[t] + segSize[s] - intersection[t][s]);
                if (iou > out[t - 1][1]) {
                    out[t - 1][0] = s;
                    out[t - 1][1] = iou;
                }
            }
        }
        return out;
    }

    /**
     * Fraction of true particles matched one-to-one with IoU ≥ {@code minIou} (an IoU above 0.5 cannot be shared,
     * and the check below makes sure no segmented particle is used twice).
     */
    static double matchedFraction(double[][] matches, double minIou) {
        int matched = 0;
        List<Integer> used = new ArrayList<>();
        for (double[] m : matches) {
            if (m[1] >= minIou && !used.contains((int) m[0])) {
                used.add((int) m[0]);
                matched++;
            }
        }
        return (double) matched / matches.length;
    }

    /** Profiles of the true fraction map over the true particles, weighted by the true thickness. */
    static List<ProfileBin> truthProfiles(Phantom p, int fractionIndex, EdgeDistanceProfiler profiler,
            boolean touchingCountsAsEdge) {
        int size = p.settings().sizePx();
        double px = p.settings().pixelNm();
        int n = p.particles().size();
        float[] distance = EuclideanDistanceTransform.distanceToOwnBoundary(p.labels(), size, size, px, px,
                touchingCountsAsEdge);
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        return profiler.profile(p.labels(), n, all, distance, p.fractions().get(fractionIndex), p.thicknessNm());
    }

    /**
     * Profiles of the true fraction map over the true particles, weighted by the true thickness, binned by the true
     * distance from the true visible edge, R − ρ (R the visible radius, ρ the pixel centre's distance from the
     * particle's centre): the x-axis the profiles mean, without the digitisation of a distance transform. Keyed by
     * "label@bin centre".
     */
    static Map<String, ProfileBin> radialTruthProfiles(Phantom p, int fractionIndex) {
        int size = p.settings().sizePx();
        double px = p.settings().pixelNm();
        float[] distance = new float[size * size];
        for (int i = 0; i < distance.length; i++) {
            int l = p.labels()[i];
            if (l > 0) {
                PhantomParticle q = p.particles().get(l - 1);
                double rho = Math.hypot(i % size - q.xPx(), i / size - q.yPx()) * px;
                distance[i] = (float) (q.visibleRadiusNm() - rho + px / 2); // the profiler subtracts half a pixel
            }
        }
        boolean[] all = new boolean[p.particles().size()];
        Arrays.fill(all, true);
        Map<String, ProfileBin> truth = new HashMap<>();
        for (ProfileBin b : new EdgeDistanceProfiler(px, px / 2).profile(p.labels(), all.length, all, distance,
                p.fractions().get(fractionIndex), p.thicknessNm())) {
            truth.put(b.particle() + "@" + b.distanceNm(), b);
        }
        return truth;
    }

    /** Segmented label → true particle id, for the true particles matched with IoU ≥ {@code minIou}. */
    static Map<Integer, Integer> trueParticleOf(double[][] matches, double minIou) {
        Map<Integer, Integer> trueOf = new HashMap<>();
        for (int t = 0; t < matches.length; t++) {
            if (matches[t][1] >= minIou) {
                trueOf.put((int) matches[t][0], t + 1);
            }
        }
        return trueOf;
    }

    /** Number of true particles that touch (are 8-adjacent to) another true particle. */
    static int touchingTrueParticles(Phantom p) {
        int size = p.settings().sizePx();
        int[] l = p.labels();
        boolean[] touching = new boolean[p.particles().size() + 1];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int a = l[y * size + x];
                for (int dy = -1; a > 0 && dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < size && ny < size) {
                            int b = l[ny * size + nx];
                            if (b > 0 && b != a) {
                                touching[a] = true;
                            }
                        }
                    }
                }
            }
        }
        int count = 0;
        for (boolean t : touching) {
            count += t ? 1 : 0;
        }
        return count;
    }
}
