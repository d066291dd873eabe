package org.oxymap.core.profile;

/**
 * One distance bin of the profile of one angular sector of a particle.
 *
 * @param sector  sector index 0..N−1
 * @param fromDeg start angle of the sector, degrees from the +x axis towards +y (clockwise on screen)
 * @param toDeg   end angle of the sector
 * @param bin     the bin (particle 0 = all profiled particles in this sector)
 */
public record SectorProfileBin(int sector, double fromDeg, double toDeg, ProfileBin bin) {
}
