package org.oxymap.core.profile;

/**
 * Distance from the particle's edge divided by the particle's equivalent radius r = sqrt(A/π): 0 at the edge,
 * about 1 at the centre of a round particle. Profiles of particles of different sizes can then be averaged at the
 * same relative depth; for diffusion from the surface this is the natural axis when D·t/a² is the same for all
 * particles (Crank, The Mathematics of Diffusion, eq. 6.18 depends on r/a and D·t/a² only).
 */
public final class NormalisedEdgeDistance {

    private NormalisedEdgeDistance() {
    }

    /**
     * Relative depth of every particle pixel, 0 on background.
     *
     * @param distanceNm  distance-transform values (nm)
     * @param profiler    gives the edge distance of a distance-transform value (it subtracts half a pixel)
     * @param radiusNm    equivalent radius per label − 1 (&gt; 0)
     */
    public static float[] map(int[] labels, float[] distanceNm, EdgeDistanceProfiler profiler, double[] radiusNm) {
        float[] out = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l > 0) {
                double r = radiusNm[l - 1];
                if (!(r > 0)) {
                    throw new IllegalArgumentException("particle " + l + " has equivalent radius " + r
                            + " nm; a normalised distance needs a radius > 0");
                }
                out[i] = (float) (profiler.edgeDistanceNm(distanceNm[i]) / r);
            }
        }
        return out;
    }
}
