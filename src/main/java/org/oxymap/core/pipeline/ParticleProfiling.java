package org.oxymap.core.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.oxymap.core.distance.EuclideanDistanceTransform;
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
        return new ParticleProfiles(segmentation, distance, particles, profiler, bins, normalised, sectors);
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
