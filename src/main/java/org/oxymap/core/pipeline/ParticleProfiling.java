package org.oxymap.core.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.oxymap.core.distance.EuclideanDistanceTransform;
import org.oxymap.core.model.ParticleGeometry;
import org.oxymap.core.model.ParticleGeometryFitter;
import org.oxymap.core.profile.EdgeDistanceProfiler;
import org.oxymap.core.profile.NormalisedEdgeDistance;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.profile.SectorProfileBin;
import org.oxymap.core.profile.SectorProfiler;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.ExclusionFlag;
import org.oxymap.core.segment.LabelImages;
import org.oxymap.core.segment.ParticleMeasurement;
import org.oxymap.core.segment.ParticleSegmenter;
import org.oxymap.core.segment.Segmentation;

/**
 * The particle half of the pipeline, from a thickness map and a fraction map to profiles: particles (segmented
 * from the thickness map, or given as a label image), the distance of every particle pixel from its own edge,
 * measurements and exclusion flags, and the thickness-weighted profiles of the unflagged particles (in nm, and
 * optionally against the normalised distance and per angular sector).
 */
public final class ParticleProfiling {

    /** A mask whose distances deviate (rms) from the fitted disc's by more than this (pixels) keeps its shape. */
    static final double MAX_DISC_DEVIATION_PX = 1.0;

    private final PipelineSettings settings;

    /** @param settings with the bin width filled in (not NaN) */
    public ParticleProfiling(PipelineSettings settings) {
        settings.validate();
        if (Double.isNaN(settings.binNm())) {
            throw new IllegalArgumentException("the profile bin width must be resolved to nm before profiling");
        }
        this.settings = settings;
    }

    /**
     * @param thicknessNm thickness map (the profile weights)
     * @param fraction    the profiled map
     * @param fitted      pixels that carry a value; may be null
     * @param empty       the empty (I0) region, for the noise threshold; may be null
     * @param labels      particles from outside (0 = background, any positive ids), or null to segment
     * @throws IllegalArgumentException when there is no particle, or none that may be profiled, saying why
     */
    public ParticleProfiles run(float[] thicknessNm, float[] fraction, boolean[] fitted, boolean[] empty,
            int width, int height, double pixelWidthNm, double pixelHeightNm, int[] labels,
            ProgressListener listener) {
        ParticleSettings p = settings.particles();
        Segmentation segmentation;
        if (labels == null) {
            segmentation = new ParticleSegmenter(settings.threshold(), settings.minAreaNm2(), p.fillHoles(),
                    p.watershed() ? p.watershedHNm(pixelWidthNm, pixelHeightNm) : Double.NaN)
                    .segment(thicknessNm, fitted, empty, width, height, pixelWidthNm, pixelHeightNm, listener);
        } else {
            segmentation = LabelImages.segmentationOf(labels, width, height);
        }
        listener.checkCancelled("distance transform");
        float[] distance = EuclideanDistanceTransform.distanceToOwnBoundary(segmentation.labels(), width, height,
                pixelWidthNm, pixelHeightNm, p.touchingCountsAsEdge(), listener);
        ParticleMeasurement[] particles = ParticleMeasurement.measureAll(segmentation, width, pixelWidthNm,
                pixelHeightNm, fraction, thicknessNm, p.limits(settings.minAreaNm2()));
        boolean[] include = new boolean[particles.length];
        for (int l = 0; l < include.length; l++) {
            include[l] = particles[l].profiled();
        }
        requireProfiled(particles);
        ParticleGeometry[] geometries = new ParticleGeometry[particles.length];
        double[] edgeOffsets = new double[particles.length];
        fitGeometries(segmentation, thicknessNm, width, pixelWidthNm, pixelHeightNm, include, geometries, listener);
        ParticleGeometry[] placed = geometries.clone();
        if (p.subpixelEdge()) {
            boolean[] touching = p.touchingCountsAsEdge()
                    ? touchingOther(segmentation.labels(), particles.length, width, height)
                    : new boolean[particles.length];
            for (int l = 0; l < particles.length; l++) {
                if (touching[l]) {
                    placed[l] = null; // its edge is partly a shared boundary: left at the mask's pixel boundary
                }
            }
            distance = subpixelEdge(segmentation, distance, placed, width, pixelWidthNm, pixelHeightNm, edgeOffsets);
        }
        EdgeDistanceProfiler profiler = new EdgeDistanceProfiler(settings.binNm(),
                0.5 * Math.min(pixelWidthNm, pixelHeightNm));
        int count = segmentation.count();
        List<ProfileBin> bins = profiler.profile(segmentation.labels(), count, include, distance, fraction,
                thicknessNm);
        List<ProfileBin> normalised = List.of();
        if (p.normaliseDistance()) {
            double[] radius = new double[count];
            for (int l = 0; l < count; l++) {
                radius[l] = particles[l].radiusNm();
            }
            float[] relative = NormalisedEdgeDistance.map(segmentation.labels(), distance, profiler, radius);
            normalised = new EdgeDistanceProfiler(p.normalisedBin(), 0.0).profile(segmentation.labels(), count,
                    include, relative, fraction, thicknessNm);
        }
        List<SectorProfileBin> sectors = List.of();
        if (p.sectors() >= 2) {
            double[] cx = new double[count];
            double[] cy = new double[count];
            for (int l = 0; l < count; l++) {
                cx[l] = particles[l].xPx();
                cy[l] = particles[l].yPx();
            }
            sectors = new SectorProfiler(profiler, p.sectors()).profile(segmentation.labels(), count, include,
                    distance, fraction, thicknessNm, width, pixelWidthNm, pixelHeightNm, cx, cy);
        }
        return new ParticleProfiles(segmentation, distance, particles, profiler, bins, normalised, sectors, geometries,
                edgeOffsets);
    }

    /** The sectioned sphere of every profiled particle, from the thickness map, with the probe blur (in parallel). */
    private void fitGeometries(Segmentation segmentation, float[] thicknessNm, int width, double pixelWidthNm,
            double pixelHeightNm, boolean[] include, ParticleGeometry[] out, ProgressListener listener) {
        ParticleGeometryFitter fitter = new ParticleGeometryFitter(settings.sectionNm(),
                settings.modelFits().probeFwhmNm());
        int[][] pixels = pixelLists(segmentation.labels(), segmentation.count());
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.stream.IntStream.range(0, out.length).parallel().forEach(l -> {
            listener.checkCancelled("particle geometry");
            if (include[l]) {
                out[l] = fitter.fitPixels(l + 1, pixels[l], thicknessNm, width, pixelWidthNm, pixelHeightNm);
            }
            int n = done.incrementAndGet();
            synchronized (listener) {
                listener.progress("particle geometry", n, out.length);
            }
        });
    }

    /** Per label (index = label − 1): whether one of its pixels is 8-adjacent to another particle's. */
    static boolean[] touchingOther(int[] labels, int count, int width, int height) {
        boolean[] out = new boolean[count];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = labels[y * width + x];
                if (a <= 0) {
                    continue;
                }
                for (int dy = 0; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if (dy == 0 && dx <= 0) {
                            continue;
                        }
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && nx < width && ny < height) {
                            int b = labels[ny * width + nx];
                            if (b > 0 && b != a) {
                                out[a - 1] = true;
                                out[b - 1] = true;
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The pixel indices of each label 1..count (index = label − 1), in raster order. */
    public static int[][] pixelLists(int[] labels, int count) {
        int[] size = new int[count];
        for (int l : labels) {
            if (l > 0) {
                size[l - 1]++;
            }
        }
        int[][] out = new int[count][];
        for (int l = 0; l < count; l++) {
            out[l] = new int[size[l]];
        }
        int[] fill = new int[count];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l > 0) {
                out[l - 1][fill[l - 1]++] = i;
            }
        }
        return out;
    }

    /**
     * Sub-pixel edge placement. The distance transform measures to the mask's pixel boundary, which a threshold
     * sets only to the nearest pixel: a noise threshold under a blurred probe takes in the thin thickness halo
     * outside the particle, so the mask is about half a pixel too wide, and where it is depends on how each rim
     * pixel happened to fall. Each profiled particle's edge is placed instead at the visible radius R_fit of the
     * sectioned sphere fitted to its thickness map (with the probe blur, {@link ParticleGeometryFitter}):
     * <ul>
     * <li>when the mask is that disc to within {@value #MAX_DISC_DEVIATION_PX} pixel (the root-mean-square
     * difference over its pixels between R_fit − ρ, ρ the distance from the fitted centre, and the
     * distance-transform distance; about 0.3 px for a digital disc, 1.5–2 px for an ellipse of aspect 1.5), a
     * pixel's distance from the edge is R_fit − ρ, exactly the model's x-axis;</li>
     * <li>otherwise (a particle that is not round, or one whose shared boundary with a touching particle counts as
     * edge) the distance transform keeps the shape, shifted by δ = √(A/π) − R_fit (A the mask's area, δ limited
     * to one pixel either way).</li>
     * </ul>
     * A particle that touches another, when shared boundaries count as edge, keeps the mask's pixel boundary
     * (δ = 0): part of its edge is the shared boundary, which the halo argument does not concern.
     * The values are stored as distance-transform values (the profiler subtracts half a pixel); pixels outside
     * R_fit come out below the edge and count as on it. The transform itself stays exact.
     */
    private static float[] subpixelEdge(Segmentation segmentation, float[] distance, ParticleGeometry[] geometries,
            int width, double pixelWidthNm, double pixelHeightNm, double[] offsetsOut) {
        int[] labels = segmentation.labels();
        long[] area = new long[geometries.length];
        for (int l : labels) {
            if (l > 0) {
                area[l - 1]++;
            }
        }
        double limit = Math.min(pixelWidthNm, pixelHeightNm);
        double half = 0.5 * limit;
        double[] visible = new double[geometries.length];
        boolean[] radial = new boolean[geometries.length];
        for (int l = 0; l < geometries.length; l++) {
            if (geometries[l] == null) {
                continue;
            }
            double maskRadius = Math.sqrt(area[l] * pixelWidthNm * pixelHeightNm / Math.PI);
            visible[l] = geometries[l].projection().visibleRadiusNm();
            offsetsOut[l] = Math.max(-limit, Math.min(limit, maskRadius - visible[l]));
            radial[l] = true;
        }
        double[] sumSq = new double[geometries.length];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l > 0 && radial[l - 1]) {
                double d = visible[l - 1] - rho(geometries[l - 1], i, width, pixelWidthNm, pixelHeightNm);
                sumSq[l - 1] += (d - (distance[i] - half)) * (d - (distance[i] - half));
            }
        }
        double maxDeviation = MAX_DISC_DEVIATION_PX * Math.max(pixelWidthNm, pixelHeightNm);
        for (int l = 0; l < geometries.length; l++) {
            if (radial[l] && Math.sqrt(sumSq[l] / area[l]) > maxDeviation) {
                radial[l] = false;
            }
        }
        float[] out = distance.clone();
        for (int i = 0; i < out.length; i++) {
            int l = labels[i];
            if (l <= 0 || geometries[l - 1] == null) {
                continue;
            }
            out[i] = radial[l - 1]
                    ? (float) (visible[l - 1] - rho(geometries[l - 1], i, width, pixelWidthNm, pixelHeightNm) + half)
                    : (float) (distance[i] - offsetsOut[l - 1]);
        }
        return out;
    }

    private static double rho(ParticleGeometry g, int i, int width, double pixelWidthNm, double pixelHeightNm) {
        return Math.hypot((i % width - g.xPx()) * pixelWidthNm, (i / width - g.yPx()) * pixelHeightNm);
    }

    /** Fails with the count of particles behind each flag when no particle is left to profile. */
    static void requireProfiled(ParticleMeasurement[] particles) {
        for (ParticleMeasurement m : particles) {
            if (m.profiled()) {
                return;
            }
        }
        Map<ExclusionFlag, Integer> counts = new EnumMap<>(ExclusionFlag.class);
        for (ParticleMeasurement m : particles) {
            for (ExclusionFlag f : m.flags()) {
                counts.merge(f, 1, Integer::sum);
            }
        }
        throw new IllegalArgumentException("no particle left to profile: " + particles.length + " particle"
                + (particles.length == 1 ? "" : "s") + " found, all excluded ("
                + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                        .collect(Collectors.joining(", "))
                + "); relax the limits (min-area-nm2, min-solidity, min-circularity, exclude-touching) or check "
                + "the particles");
    }
}
