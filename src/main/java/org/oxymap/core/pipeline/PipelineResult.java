package org.oxymap.core.pipeline;

import java.util.List;

import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.align.Shift;
import org.oxymap.core.fit.FitMaps;
import org.oxymap.core.model.DiffusionFit;
import org.oxymap.core.model.ModelFits;
import org.oxymap.core.model.ParticleGeometry;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.profile.SectorProfileBin;
import org.oxymap.core.segment.ParticleMeasurement;
import org.oxymap.core.segment.Segmentation;

/**
 * Everything one pipeline run produced.
 *
 * @param settings        the parameters used (with defaults filled in: profile name and bin width)
 * @param shifts          drift found per energy (all zero when alignment was off)
 * @param i0              incident intensity per energy
 * @param i0FromStack     true when I0 came from the stack's empty region, false when it was given
 * @param emptyMask       the empty region (null when I0 was given)
 * @param invalidPixels   pixels whose counts could not be converted to OD (not fitted)
 * @param maps            the linear-combination maps
 * @param segmentation    the particles
 * @param distanceNm      each particle pixel's distance to its particle's boundary (distance transform, nm)
 * @param particles       per-particle measurements
 * @param profileBins     profiles of the fraction of {@code settings.profile()}, per particle then ensemble
 * @param geometries      fitted sphere radius and lamella offset of each profiled particle
 * @param globalFit       the diffusion fit over all profiled particles
 * @param particleFits    the diffusion fit of each particle on its own (those that converged)
 * @param outliers        labels of particles left out of the global fit because diffusion does not describe them
 * @param areaPx          the rectangle of the input stack that the maps cover (the whole image unless alignment
 *                        cropped to the common area)
 * @param outlierPixels   hot or dead pixel values replaced before alignment, over all energies
 * @param normalisedBins  profiles against edge distance / equivalent radius (empty unless asked for)
 * @param sectorBins      profiles per angular sector (empty unless asked for)
 * @param modelFits       diffusion and core–shell fits per particle and globally, intervals and comparisons
 */
public record PipelineResult(PipelineSettings settings, Shift[] shifts, double[] i0, boolean i0FromStack,
        boolean[] emptyMask, int invalidPixels, FitMaps maps, Segmentation segmentation, float[] distanceNm,
        ParticleMeasurement[] particles, List<ProfileBin> profileBins, List<ParticleGeometry> geometries,
        DiffusionFit globalFit, List<DiffusionFit> particleFits, List<Integer> outliers, PixelRectangle areaPx,
        int outlierPixels, List<ProfileBin> normalisedBins, List<SectorProfileBin> sectorBins, ModelFits modelFits) {
}
