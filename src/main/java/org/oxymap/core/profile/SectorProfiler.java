package org.oxymap.core.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Edge-distance profiles per angular sector around each particle's centroid: the test that a profile is radial.
 * If oxygen loss proceeds from the whole surface inwards, every sector shows the same profile within its standard
 * error; a gradient across the particle (a thickness wedge, beam damage from one side, a neighbour's shadow) shows
 * up as sectors that disagree.
 *
 * <p>The angle of a pixel is atan2((y − y_c)·h, (x − x_c)·w) in physical units (w × h pixels), from the +x axis
 * towards +y, i.e. clockwise on screen; sector k covers [k, k + 1)·360°/N. Each sector is binned exactly like the
 * whole particle ({@link EdgeDistanceProfiler}), with the same distances to the particle's edge.
 */
public final class SectorProfiler {

    private final EdgeDistanceProfiler profiler;
    private final int sectors;

    /** @param sectors number of equal sectors N (&gt;= 2) */
    public SectorProfiler(EdgeDistanceProfiler profiler, int sectors) {
        if (sectors < 2) {
            throw new IllegalArgumentException("sector profiles need at least 2 sectors, got " + sectors);
        }
        this.profiler = profiler;
        this.sectors = sectors;
    }

    /** Sector index of a pixel at (x, y) around the centre (cx, cy), all in pixels. */
    public int sectorOf(double x, double y, double cx, double cy, double pixelWidthNm, double pixelHeightNm) {
        double angle = Math.atan2((y - cy) * pixelHeightNm, (x - cx) * pixelWidthNm);
        if (angle < 0) {
            angle += 2 * Math.PI;
        }
        return Math.min(sectors - 1, (int) (angle / (2 * Math.PI) * sectors));
    }

    /**
     * Profiles per sector of the particles whose {@code include[label − 1]} is true (per particle, then the
     * ensemble as particle 0), sector by sector.
     *
     * @param centreXPx centroid x per label − 1, pixels
     * @param centreYPx centroid y per label − 1, pixels
     */
    public List<SectorProfileBin> profile(int[] labels, int count, boolean[] include, float[] distanceNm,
            float[] values, float[] weights, int width, double pixelWidthNm, double pixelHeightNm,
            double[] centreXPx, double[] centreYPx) {
        int[] sectorOf = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l > 0) {
                sectorOf[i] = sectorOf(i % width, i / width, centreXPx[l - 1], centreYPx[l - 1], pixelWidthNm,
                        pixelHeightNm);
            }
        }
        List<SectorProfileBin> out = new ArrayList<>();
        int[] inSector = new int[labels.length];
        double step = 360.0 / sectors;
        for (int s = 0; s < sectors; s++) {
            for (int i = 0; i < labels.length; i++) {
                inSector[i] = labels[i] > 0 && sectorOf[i] == s ? labels[i] : 0;
            }
            for (ProfileBin b : profiler.profile(inSector, count, include, distanceNm, values, weights)) {
                out.add(new SectorProfileBin(s, s * step, (s + 1) * step, b));
            }
        }
        return out;
    }
}
