package org.oxymap.core.pipeline;

import java.util.List;

import org.oxymap.core.model.ParticleGeometry;
import org.oxymap.core.profile.EdgeDistanceProfiler;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.profile.SectorProfileBin;
import org.oxymap.core.segment.ParticleMeasurement;
import org.oxymap.core.segment.Segmentation;

/**
 * The particles of a map and their edge-distance profiles.
 *
 * @param segmentation   the particles (own segmentation, or a label image from outside with threshold NaN)
 * @param distanceNm     each particle pixel's distance-transform value (nm)
 * @param particles      measurements and exclusion flags, index = label − 1
 * @param profiler       the binning used (bin width, edge offset)
 * @param bins           profiles of the unflagged particles against distance from the edge (nm), then the ensemble
 * @param normalisedBins the same against edge distance / equivalent radius (bin centres as fractions); empty
 *                       unless asked for
 * @param sectorBins     profiles per angular sector; empty unless asked for
 * @param geometries     the sectioned sphere fitted to each profiled particle's thickness map (index = label − 1;
 *                       null for a flagged particle, or for all when not computed)
 * @param edgeOffsetsNm  each particle's sub-pixel edge offset δ (index = label − 1; 0 when not placed): the
 *                       mask's area-equivalent radius minus the fitted visible radius, already subtracted from
 *                       {@code distanceNm}
 */
public record ParticleProfiles(Segmentation segmentation, float[] distanceNm, ParticleMeasurement[] particles,
        EdgeDistanceProfiler profiler, List<ProfileBin> bins, List<ProfileBin> normalisedBins,
        List<SectorProfileBin> sectorBins, ParticleGeometry[] geometries, double[] edgeOffsetsNm) {

    /** Without geometries or edge offsets. */
    public ParticleProfiles(Segmentation segmentation, float[] distanceNm, ParticleMeasurement[] particles,
            EdgeDistanceProfiler profiler, List<ProfileBin> bins, List<ProfileBin> normalisedBins,
            List<SectorProfileBin> sectorBins) {
        this(segmentation, distanceNm, particles, profiler, bins, normalisedBins, sectorBins,
                new ParticleGeometry[particles.length], new double[particles.length]);
    }

    /** Per particle (index = label − 1): whether it is profiled, i.e. carries no exclusion flag. */
    public boolean[] included() {
        boolean[] include = new boolean[particles.length];
        for (int l = 0; l < include.length; l++) {
            include[l] = particles[l].profiled();
        }
        return include;
    }
}
