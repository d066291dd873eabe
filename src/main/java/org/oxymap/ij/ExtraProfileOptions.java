package org.oxymap.ij;

import java.util.List;

import org.oxymap.core.pipeline.ParticleSettings;

/**
 * The extra profiles of Edge-Distance Profiles and Run Pipeline, as {@code oxymap run --normalise-distance
 * --normalised-bin --sectors} makes them: profiles against edge distance / equivalent radius
 * ({@code normalise_distance}, bins of {@code normalised_bin}), and profiles of {@code sectors} angular sectors
 * (0 = none), to see whether a profile is the same all round the particle.
 */
public record ExtraProfileOptions(boolean normaliseDistance, double normalisedBin, double sectors) {

    static final String NORMALISE_DISTANCE = "normalise_distance";
    static final String NORMALISED_BIN = "normalised_bin";
    static final String SECTORS = "sectors";
    /** The keys in dialog order. */
    static final List<String> KEYS = List.of(NORMALISE_DISTANCE, NORMALISED_BIN, SECTORS);

    /** None, with the command line's default bin. */
    public static ExtraProfileOptions none() {
        ParticleSettings d = ParticleSettings.defaults();
        return new ExtraProfileOptions(d.normaliseDistance(), d.normalisedBin(), d.sectors());
    }

    /**
     * The particle settings with these profiles; the ranges are checked with the other settings
     * ({@link ParticleSettings#validate}).
     *
     * @throws IllegalArgumentException when {@code sectors} is not a whole number
     */
    public ParticleSettings applyTo(ParticleSettings p) {
        if (sectors != Math.rint(sectors) || !Double.isFinite(sectors)) {
            throw new IllegalArgumentException("parameter " + SECTORS + " is " + sectors
                    + ", expected a whole number: 0 (none) or 2..360");
        }
        return p.withNormaliseDistance(normaliseDistance).withNormalisedBin(normalisedBin)
                .withSectors((int) sectors);
    }
}
