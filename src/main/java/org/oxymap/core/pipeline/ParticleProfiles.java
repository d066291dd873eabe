package org.oxymap.core.pipeline;

import java.util.List;

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
 */
public record ParticleProfiles(Segmentation segmentation, float[] distanceNm, ParticleMeasurement[] particles,
        EdgeDistanceProfiler profiler, List<ProfileBin> bins, List<ProfileBin> normalisedBins,
        List<SectorProfileBin> sectorBins) {

    /** Per particle (index = label − 1): whether it is profiled, i.e. carries no exclusion flag. */
    public boolean[] included() {
        boolean[] include = new boolean[particles.length];
        for (int l = 0; l < include.length; l++) {
            include[l] = particles[l].profiled();
        }
        return include;
    }
}
