package org.oxymap.core.phantom;

/**
 * Parameters of a synthetic primary-particle lamella (DESIGN.md §2). Lengths in nm, times in s, D in cm²/s.
 *
 * @param seed              random seed: the same settings and seed give the same phantom, bit for bit
 * @param sizePx            image width and height in pixels
 * @param pixelNm           pixel size
 * @param sectionNm         lamella thickness h
 * @param minRadiusNm       smallest particle radius a
 * @param maxRadiusNm       largest particle radius a
 * @param maxParticles      at most this many particles are placed (fewer when they do not fit)
 * @param coreShellParticles how many of the particles get a two-phase core–shell profile instead of diffusion
 * @param shellNm           shell thickness δ of the core–shell particles
 * @param dCm2PerS          diffusivity D
 * @param timeS             time t over which diffusion acted
 * @param surfaceFraction   Mn3+ fraction held at the particle surface (C0)
 * @param bulkFraction      Mn3+ fraction of the pristine bulk (C1)
 * @param mn2Fraction       constant Mn2+ fraction; Mn4+ makes up the rest
 * @param i0Counts          incident counts per pixel at the first energy (sets the Poisson noise); 0 = no noise
 * @param maxDriftPx        largest per-energy drift, in pixels (0 = no drift)
 * @param emptyBandPx       rows at the top of the image kept free of particles (the I0 region)
 * @param probeFwhmNm       full width at half maximum of the Gaussian probe that blurs the transmission (0 = point)
 * @param minGapPx          smallest gap between the visible discs of two particles, in pixels (may be negative:
 *                          discs then overlap by up to that much)
 * @param contactGapPx      NaN = particles placed independently; otherwise every second particle is placed against
 *                          the one before it, with this gap between their discs (0 = touching, negative =
 *                          overlapping; the overlap belongs to the earlier particle), a touching pair to split
 */
public record PhantomSettings(long seed, int sizePx, double pixelNm, double sectionNm, double minRadiusNm,
        double maxRadiusNm, int maxParticles, int coreShellParticles, double shellNm, double dCm2PerS, double timeS,
        double surfaceFraction, double bulkFraction, double mn2Fraction, double i0Counts, double maxDriftPx,
        int emptyBandPx, double probeFwhmNm, double minGapPx, double contactGapPx) {

    /** The defaults of the bundled test image: 128 px of 10 nm, an 80 nm lamella, D = 1e-17 cm²/s for 1e6 s. */
    public static PhantomSettings defaults() {
        return new PhantomSettings(20211, 128, 10.0, 80.0, 60.0, 140.0, 14, 2, 25.0, 1e-17, 1.0e6, 0.6, 0.1, 0.05,
                3.0e4, 1.5, 16, 10.0, 3.0, Double.NaN);
    }

    public PhantomSettings withSeed(long newSeed) {
        return new PhantomSettings(newSeed, sizePx, pixelNm, sectionNm, minRadiusNm, maxRadiusNm, maxParticles,
                coreShellParticles, shellNm, dCm2PerS, timeS, surfaceFraction, bulkFraction, mn2Fraction, i0Counts,
                maxDriftPx, emptyBandPx, probeFwhmNm, minGapPx, contactGapPx);
    }

    /** Same settings at another image size; the number of particles scales with the area. */
    public PhantomSettings withSize(int newSizePx) {
        double scale = (double) newSizePx * newSizePx / ((double) sizePx * sizePx);
        return new PhantomSettings(seed, newSizePx, pixelNm, sectionNm, minRadiusNm, maxRadiusNm,
                Math.max(1, (int) Math.round(maxParticles * scale)),
                (int) Math.round(coreShellParticles * Math.max(1.0, scale)), shellNm, dCm2PerS, timeS, surfaceFraction,
                bulkFraction, mn2Fraction, i0Counts, maxDriftPx, emptyBandPx, probeFwhmNm, minGapPx, contactGapPx);
    }

    public PhantomSettings withNoise(double newI0Counts) {
        return new PhantomSettings(seed, sizePx, pixelNm, sectionNm, minRadiusNm, maxRadiusNm, maxParticles,
                coreShellParticles, shellNm, dCm2PerS, timeS, surfaceFraction, bulkFraction, mn2Fraction, newI0Counts,
                maxDriftPx, emptyBandPx, probeFwhmNm, minGapPx, contactGapPx);
    }

    public PhantomSettings withDrift(double newMaxDriftPx) {
        return new PhantomSettings(seed, sizePx, pixelNm, sectionNm, minRadiusNm, maxRadiusNm, maxParticles,
                coreShellParticles, shellNm, dCm2PerS, timeS, surfaceFraction, bulkFraction, mn2Fraction, i0Counts,
                newMaxDriftPx, emptyBandPx, probeFwhmNm, minGapPx, contactGapPx);
    }

    public PhantomSettings withProbeFwhmNm(double fwhmNm) {
        return new PhantomSettings(seed, sizePx, pixelNm, sectionNm, minRadiusNm, maxRadiusNm, maxParticles,
                coreShellParticles, shellNm, dCm2PerS, timeS, surfaceFraction, bulkFraction, mn2Fraction, i0Counts,
                maxDriftPx, emptyBandPx, fwhmNm, minGapPx, contactGapPx);
    }

    /**
     * Same settings with touching pairs: every second particle placed against the one before, {@code gapPx} apart
     * (0 = touching, negative = overlapping), other particles at least {@code minGap} apart.
     */
    public PhantomSettings withContactPairs(double newMinGapPx, double gapPx) {
        return new PhantomSettings(seed, sizePx, pixelNm, sectionNm, minRadiusNm, maxRadiusNm, maxParticles,
                coreShellParticles, shellNm, dCm2PerS, timeS, surfaceFraction, bulkFraction, mn2Fraction, i0Counts,
                maxDriftPx, emptyBandPx, probeFwhmNm, newMinGapPx, gapPx);
    }

    /** Throws IllegalArgumentException naming the first parameter out of range. */
    public void validate() {
        require(sizePx >= 32, "size", sizePx + " px", ">= 32 px");
        require(pixelNm > 0, "pixel", pixelNm + " nm", "> 0");
        require(sectionNm > 0, "section", sectionNm + " nm", "> 0");
        require(minRadiusNm > 0 && maxRadiusNm >= minRadiusNm, "radius range", minRadiusNm + "–" + maxRadiusNm + " nm",
                "0 < min <= max");
        require(maxParticles >= 1, "particles", String.valueOf(maxParticles), ">= 1");
        require(coreShellParticles >= 0 && coreShellParticles <= maxParticles, "core-shell particles",
                String.valueOf(coreShellParticles), "between 0 and the particle count");
        require(shellNm >= 0, "shell", shellNm + " nm", ">= 0");
        require(dCm2PerS > 0 && Double.isFinite(dCm2PerS), "D", dCm2PerS + " cm²/s", "> 0");
        require(timeS > 0 && Double.isFinite(timeS), "time", timeS + " s", "> 0");
        require(surfaceFraction >= 0 && surfaceFraction + mn2Fraction <= 1, "surface fraction",
                String.valueOf(surfaceFraction), "0..1 - Mn2+ fraction");
        require(bulkFraction >= 0 && bulkFraction + mn2Fraction <= 1, "bulk fraction", String.valueOf(bulkFraction),
                "0..1 - Mn2+ fraction");
        require(mn2Fraction >= 0 && mn2Fraction <= 1, "Mn2+ fraction", String.valueOf(mn2Fraction), "0..1");
        require(i0Counts >= 0 && Double.isFinite(i0Counts), "noise (I0 counts)", String.valueOf(i0Counts), ">= 0");
        require(maxDriftPx >= 0, "drift", maxDriftPx + " px", ">= 0");
        require(emptyBandPx >= 4 && emptyBandPx < sizePx / 2, "empty band", emptyBandPx + " px",
                "between 4 px and half the image");
        require(probeFwhmNm >= 0 && Double.isFinite(probeFwhmNm), "probe FWHM", probeFwhmNm + " nm", ">= 0");
        require(Double.isFinite(minGapPx) && minGapPx > -minRadiusNm / pixelNm, "minimum gap", minGapPx + " px",
                "a finite number of pixels, above minus the smallest radius");
        require(Double.isNaN(contactGapPx) || (contactGapPx > -minRadiusNm / pixelNm && contactGapPx <= minGapPx
                && contactGapPx < Double.POSITIVE_INFINITY), "contact gap", contactGapPx + " px",
                "NaN (no pairs) or a number of pixels up to the minimum gap, above minus the smallest radius");
    }

    private static void require(boolean ok, String name, String value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("phantom parameter " + name + " is " + value + ", expected " + expected);
        }
    }
}
