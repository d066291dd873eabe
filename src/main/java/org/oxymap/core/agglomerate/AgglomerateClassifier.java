package org.oxymap.core.agglomerate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.oxymap.core.distance.EuclideanDistanceTransform;

/**
 * Classes every primary particle by where it sits among the agglomerates (DESIGN.md §2, "Agglomerates").
 *
 * <p>A particle belongs to the agglomerate that holds most of its pixels (none if no pixel is in one). An
 * agglomerate is large when its area-equivalent diameter reaches the size threshold. A particle alone in its
 * agglomerate, or in none, is <b>isolated</b>; in a large agglomerate it is <b>exterior</b> when its centroid lies
 * within the band width of the agglomerate's boundary and <b>interior</b> otherwise; in a smaller agglomerate with
 * other particles it is <b>small</b>. The distance to the boundary is the exact Euclidean distance from the
 * centroid's pixel to the nearest pixel outside the agglomerate, minus half a pixel (so it measures to the edge
 * between the last inside and the first outside pixel, as the edge-distance profiles do); if the centroid's pixel
 * lies outside the agglomerate (a crescent-shaped particle) the distance is 0. The centroid is judged rather than
 * the nearest pixel, so that a particle of the outer layer is exterior however large it is and a particle one layer
 * in is not, whatever its rim touches.
 */
public final class AgglomerateClassifier {

    private final double largeDiameterUm;
    private final double bandNm;

    /**
     * @param largeDiameterUm size threshold: agglomerates of at least this equivalent diameter are large
     * @param bandNm          band width w of the exterior class
     */
    public AgglomerateClassifier(double largeDiameterUm, double bandNm) {
        if (!(largeDiameterUm > 0) || !Double.isFinite(largeDiameterUm)) {
            throw new IllegalArgumentException("parameter large-diameter-um is " + largeDiameterUm
                    + ", expected a positive number of µm");
        }
        if (!(bandNm >= 0) || !Double.isFinite(bandNm)) {
            throw new IllegalArgumentException("parameter band-nm is " + bandNm + ", expected a number of nm >= 0");
        }
        this.largeDiameterUm = largeDiameterUm;
        this.bandNm = bandNm;
    }

    /** True when two different agglomerates are 8-neighbours somewhere. */
    static boolean touchEachOther(int[] labels, int width, int height) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = labels[y * width + x];
                if (a == 0) {
                    continue;
                }
                for (int dy = 0; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dy == 0 && dx <= 0) || x + dx < 0 || x + dx >= width || y + dy >= height) {
                            continue;
                        }
                        int b = labels[(y + dy) * width + x + dx];
                        if (b != 0 && b != a) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * @param particleLabels    primary particles (0 = background, ids need not be consecutive)
     * @param agglomerateLabels agglomerates of the same size (0 = none)
     */
    public AgglomerateClassification classify(int[] particleLabels, int[] agglomerateLabels, int width, int height,
            double pixelWidthNm, double pixelHeightNm) {
        int n = width * height;
        if (particleLabels.length != n || agglomerateLabels.length != n) {
            throw new IllegalArgumentException("particle labels (" + particleLabels.length + " px) and agglomerate "
                    + "labels (" + agglomerateLabels.length + " px) must both have " + width + " x " + height + " px");
        }
        int maxP = 0;
        int maxA = 0;
        for (int i = 0; i < n; i++) {
            if (particleLabels[i] < 0 || agglomerateLabels[i] < 0) {
                throw new IllegalArgumentException("labels must be >= 0, found a negative one at pixel (" + i % width
                        + ", " + i / width + ")");
            }
            maxP = Math.max(maxP, particleLabels[i]);
            maxA = Math.max(maxA, agglomerateLabels[i]);
        }
        List<String> warnings = new ArrayList<>();
        int[] aggPixels = new int[maxA + 1];
        boolean[] aggBorder = new boolean[maxA + 1];
        for (int i = 0; i < n; i++) {
            int a = agglomerateLabels[i];
            aggPixels[a]++;
            int x = i % width;
            int y = i / width;
            if (a > 0 && (x == 0 || y == 0 || x == width - 1 || y == height - 1)) {
                aggBorder[a] = true;
            }
        }
        // per particle: pixels, centroid, pixels per agglomerate (sparse: most particles lie in one)
        int[] pixels = new int[maxP + 1];
        double[] sx = new double[maxP + 1];
        double[] sy = new double[maxP + 1];
        // the agglomerate holding most of each particle's pixels: most particles lie in one, so count the first
        // agglomerate seen in an array and only particles spanning several go through a map
        int[] first = new int[maxP + 1];
        int[] firstCount = new int[maxP + 1];
        java.util.Map<Long, Integer> spanning = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            int p = particleLabels[i];
            if (p == 0) {
                continue;
            }
            pixels[p]++;
            sx[p] += i % width;
            sy[p] += i / width;
            int a = agglomerateLabels[i];
            if (a == 0) {
                continue;
            }
            if (first[p] == 0 || first[p] == a) {
                first[p] = a;
                firstCount[p]++;
            } else {
                spanning.merge(((long) p << 32) | a, 1, Integer::sum);
            }
        }
        int[] owner = first.clone();
        int[] best = firstCount.clone();
        for (var e : spanning.entrySet()) {
            int p = (int) (e.getKey() >>> 32);
            int a = (int) (e.getKey() & 0xffffffffL);
            int c = e.getValue();
            if (c > best[p] || (c == best[p] && a < owner[p])) {
                best[p] = c;
                owner[p] = a;
            }
        }
        int[] members = new int[maxA + 1];
        int outside = 0;
        for (int p = 1; p <= maxP; p++) {
            if (pixels[p] > 0) {
                members[owner[p]]++;
                if (owner[p] == 0) {
                    outside++;
                }
            }
        }
        double pixelArea = pixelWidthNm * pixelHeightNm;
        List<Agglomerate> agglomerates = new ArrayList<>();
        boolean[] large = new boolean[maxA + 1];
        int empty = 0;
        for (int a = 1; a <= maxA; a++) {
            if (aggPixels[a] == 0) {
                continue;
            }
            double area = aggPixels[a] * pixelArea;
            double diameterUm = 2 * Math.sqrt(area / Math.PI) / 1000.0;
            large[a] = diameterUm >= largeDiameterUm;
            agglomerates.add(new Agglomerate(a, aggPixels[a], area, diameterUm, large[a], members[a], aggBorder[a]));
            if (members[a] == 0) {
                empty++;
            }
        }
        if (empty > 0) {
            warnings.add(empty + " agglomerate region(s) hold no particle");
        }
        if (outside > 0 && maxA > 0) {
            warnings.add(outside + " particle(s) lie outside every agglomerate region and are classed isolated");
        }
        if (maxA == 0) {
            warnings.add("no agglomerate region given: every particle is classed isolated");
        }
        // agglomerates that touch no other one (always so when detected) need only one global transform
        float[] distance = EuclideanDistanceTransform.distanceToOwnBoundary(agglomerateLabels, width, height,
                pixelWidthNm, pixelHeightNm, touchEachOther(agglomerateLabels, width, height));
        double halfPixel = 0.5 * Math.min(pixelWidthNm, pixelHeightNm);
        float[] boundary = new float[n];
        for (int i = 0; i < n; i++) {
            if (agglomerateLabels[i] > 0) {
                boundary[i] = Float.isFinite(distance[i]) ? (float) Math.max(0, distance[i] - halfPixel)
                        : Float.MAX_VALUE;
            }
        }
        List<ClassifiedParticle> particles = new ArrayList<>();
        AgglomerateClass[] classOf = new AgglomerateClass[maxP + 1];
        for (int p = 1; p <= maxP; p++) {
            if (pixels[p] == 0) {
                continue;
            }
            double cx = sx[p] / pixels[p];
            double cy = sy[p] / pixels[p];
            int a = owner[p];
            int ix = (int) Math.round(cx);
            int iy = (int) Math.round(cy);
            int ci = Math.min(height - 1, Math.max(0, iy)) * width + Math.min(width - 1, Math.max(0, ix));
            double d = a > 0 && agglomerateLabels[ci] == a ? boundary[ci] : 0.0;
            AgglomerateClass c;
            if (a == 0 || members[a] == 1) {
                c = AgglomerateClass.ISOLATED;
            } else if (large[a]) {
                c = d <= bandNm ? AgglomerateClass.EXTERIOR : AgglomerateClass.INTERIOR;
            } else {
                c = AgglomerateClass.SMALL;
            }
            classOf[p] = c;
            particles.add(new ClassifiedParticle(p, cx, cy, pixels[p], a, c, d));
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            int p = particleLabels[i];
            if (p > 0) {
                codes[i] = classOf[p].code();
            }
        }
        for (AgglomerateClass c : AgglomerateClass.values()) {
            if (particles.stream().noneMatch(q -> q.agglomerateClass() == c)) {
                warnings.add(String.format(Locale.ROOT, "class %s has no particle (large-diameter-um %.3g, "
                        + "band-nm %.4g)", c.label(), largeDiameterUm, bandNm));
            }
        }
        return new AgglomerateClassification(width, height, agglomerateLabels.clone(), List.copyOf(agglomerates),
                List.copyOf(particles), codes, boundary, List.copyOf(warnings));
    }
}
