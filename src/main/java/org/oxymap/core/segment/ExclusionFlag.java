package org.oxymap.core.segment;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Why a particle is measured but neither profiled nor fitted. The paper fits only whole, isolated, compact
 * particles: a particle cut by the image border or pressed against another has edges that are not its surface,
 * and a non-convex blob is usually two particles.
 */
public enum ExclusionFlag {
    /** Has a pixel in the first or last row or column: part of it lies outside the image. */
    TOUCHES_BORDER("touches_border"),
    /** Is 8-adjacent to another particle: the shared edge is not a free surface. */
    TOUCHES_PARTICLE("touches_particle"),
    /** Smaller than the minimum area. */
    TOO_SMALL("too_small"),
    /** Larger than the maximum area. */
    TOO_LARGE("too_large"),
    /** Solidity or circularity below its limit. */
    NON_CONVEX("non_convex"),
    /** Every pixel lies on the particle's boundary (a line or a single pixel): there is no depth to profile. */
    NO_INTERIOR("no_interior");

    private final String label;

    ExclusionFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The flags' labels joined by '+', or the empty string for none (the particles.csv column). */
    public static String join(Collection<ExclusionFlag> flags) {
        return flags.stream().map(ExclusionFlag::label).collect(Collectors.joining("+"));
    }
}
