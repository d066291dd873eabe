package org.oxymap.core.phantom;

/**
 * Ground truth of one phantom particle.
 *
 * @param id              label in the truth label image (1-based)
 * @param xPx             centre x in pixels, in the frame of the truth maps (pixel centres at integers)
 * @param yPx             centre y in pixels
 * @param radiusNm        sphere radius a
 * @param offsetNm        lamella mid-plane offset z0 from the sphere centre
 * @param visibleRadiusNm radius of the particle's disc in the image
 * @param model           "diffusion" or "core-shell"
 * @param shellNm         shell thickness δ (core–shell particles only; 0 otherwise)
 * @param tau             D·t/a² (diffusion particles; 0 for core–shell)
 */
public record PhantomParticle(int id, double xPx, double yPx, double radiusNm, double offsetNm,
        double visibleRadiusNm, String model, double shellNm, double tau) {

    public static final String DIFFUSION = "diffusion";
    public static final String CORE_SHELL = "core-shell";
}
