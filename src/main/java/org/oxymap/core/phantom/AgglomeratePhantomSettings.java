package org.oxymap.core.phantom;

/**
 * Parameters of a synthetic electrode region made of agglomerates of primary particles. Lengths in nm.
 *
 * <p>Each primary particle is an oblate body seen from above: its pixel thickness is
 * {@code T·sqrt(1 − (ρ/r)²)} with a central thickness T drawn per particle from its class's range, so thickness
 * correlates with class (thick large agglomerates, thin isolated particles). Its Mn3+ fraction is
 * {@code f_class + δ + slope·(1 − t/referenceThickness)}, with a per-particle offset δ uniform in ±particleSpread:
 * thin pixels look more reduced, as in the charged electrode (Fig. 5d), so a comparison of classes that ignores
 * thickness is confounded and the comparison within thickness bins recovers the class offsets.
 *
 * @param seed               random seed (same seed, same phantom)
 * @param sizePx             image width and height
 * @param pixelNm            pixel size (electrode scale: 20–50 nm)
 * @param particleRadiusNm   largest primary-particle radius r; radii are drawn from 0.85·r..r and the particles of
 *                           an agglomerate sit on a hexagonal lattice of spacing 2r + 1.5 px, so neighbours nearly
 *                           touch
 * @param largeAgglomerates  number of large agglomerates
 * @param largeRadiusNm      radius of a large agglomerate's outline (lattice sites inside it are filled)
 * @param smallAgglomerates  number of small agglomerates of 2–5 touching particles
 * @param isolatedParticles  number of isolated particles
 * @param clusterGapNm       smallest gap between two agglomerates or isolated particles
 * @param interiorFraction   Mn3+ class offset f_class of interior particles
 * @param exteriorFraction   … of exterior particles (a large agglomerate's outer layer)
 * @param smallFraction      … of particles in small agglomerates
 * @param isolatedFraction   … of isolated particles
 * @param particleSpread     half-width of the per-particle offset δ
 * @param thicknessSlope     Mn3+ added per unit of (1 − t/referenceThicknessNm)
 * @param referenceThicknessNm thickness at which the thickness term vanishes
 * @param interiorThicknessNm  central thickness range {min, max} of interior particles
 * @param exteriorThicknessNm  … of exterior particles
 * @param smallThicknessNm     … of particles in small agglomerates
 * @param isolatedThicknessNm  … of isolated particles
 * @param mn2Fraction        constant Mn2+ fraction; Mn4+ makes up the rest
 * @param i0Counts           incident counts at the first energy (Poisson noise); 0 = no noise
 * @param maxDriftPx         largest per-energy drift in pixels
 * @param emptyBandPx        rows at the top kept empty (the I0 region)
 * @param probeFwhmNm        Gaussian probe FWHM (0 = point probe)
 */
public record AgglomeratePhantomSettings(long seed, int sizePx, double pixelNm, double particleRadiusNm,
        int largeAgglomerates, double largeRadiusNm, int smallAgglomerates, int isolatedParticles,
        double clusterGapNm, double interiorFraction, double exteriorFraction, double smallFraction,
        double isolatedFraction, double particleSpread, double thicknessSlope, double referenceThicknessNm,
        double[] interiorThicknessNm, double[] exteriorThicknessNm, double[] smallThicknessNm,
        double[] isolatedThicknessNm, double mn2Fraction, double i0Counts, double maxDriftPx, int emptyBandPx,
        double probeFwhmNm) {

    /**
     * 256 px of 20 nm (5.1 µm): two large agglomerates (1.6 µm outline, about 30 particles of r ≈ 120 nm each),
     * six small agglomerates, ten isolated particles; Mn3+ offsets 0.25 / 0.35 / 0.45 / 0.47 (interior, exterior,
     * small, isolated).
     */
    public static AgglomeratePhantomSettings defaults() {
        return new AgglomeratePhantomSettings(20217, 256, 20.0, 120.0, 2, 800.0, 6, 10, 400.0, 0.25, 0.35, 0.45,
                0.47, 0.02, 0.15, 150.0, new double[] {190, 230}, new double[] {150, 190}, new double[] {110, 150},
                new double[] {90, 130}, 0.05, 3.0e4, 1.0, 12, 10.0);
    }

    public AgglomeratePhantomSettings withSeed(long v) {
        return new AgglomeratePhantomSettings(v, sizePx, pixelNm, particleRadiusNm, largeAgglomerates, largeRadiusNm,
                smallAgglomerates, isolatedParticles, clusterGapNm, interiorFraction, exteriorFraction, smallFraction,
                isolatedFraction, particleSpread, thicknessSlope, referenceThicknessNm, interiorThicknessNm,
                exteriorThicknessNm, smallThicknessNm, isolatedThicknessNm, mn2Fraction, i0Counts, maxDriftPx,
                emptyBandPx, probeFwhmNm);
    }

    /** Same phantom at another image size (lengths in nm unchanged, so more or fewer clusters fit). */
    public AgglomeratePhantomSettings withSize(int v) {
        return new AgglomeratePhantomSettings(seed, v, pixelNm, particleRadiusNm, largeAgglomerates, largeRadiusNm,
                smallAgglomerates, isolatedParticles, clusterGapNm, interiorFraction, exteriorFraction, smallFraction,
                isolatedFraction, particleSpread, thicknessSlope, referenceThicknessNm, interiorThicknessNm,
                exteriorThicknessNm, smallThicknessNm, isolatedThicknessNm, mn2Fraction, i0Counts, maxDriftPx,
                emptyBandPx, probeFwhmNm);
    }

    /**
     * Same scene at another pixel size: every length in nm scales with the pixel size, so the scene covers the same
     * number of pixels (e.g. 40 nm pixels give a 10 µm electrode region with 240 nm particles).
     */
    public AgglomeratePhantomSettings withPixelNm(double v) {
        double k = v / pixelNm;
        return new AgglomeratePhantomSettings(seed, sizePx, v, particleRadiusNm * k, largeAgglomerates,
                largeRadiusNm * k, smallAgglomerates, isolatedParticles, clusterGapNm * k, interiorFraction,
                exteriorFraction, smallFraction, isolatedFraction, particleSpread, thicknessSlope, referenceThicknessNm,
                interiorThicknessNm, exteriorThicknessNm, smallThicknessNm, isolatedThicknessNm, mn2Fraction,
                i0Counts, maxDriftPx, emptyBandPx, probeFwhmNm * k);
    }

    public AgglomeratePhantomSettings withNoise(double v) {
        return new AgglomeratePhantomSettings(seed, sizePx, pixelNm, particleRadiusNm, largeAgglomerates,
                largeRadiusNm, smallAgglomerates, isolatedParticles, clusterGapNm, interiorFraction, exteriorFraction,
                smallFraction, isolatedFraction, particleSpread, thicknessSlope, referenceThicknessNm,
                interiorThicknessNm, exteriorThicknessNm, smallThicknessNm, isolatedThicknessNm, mn2Fraction, v,
                maxDriftPx, emptyBandPx, probeFwhmNm);
    }

    public AgglomeratePhantomSettings withDrift(double v) {
        return new AgglomeratePhantomSettings(seed, sizePx, pixelNm, particleRadiusNm, largeAgglomerates,
                largeRadiusNm, smallAgglomerates, isolatedParticles, clusterGapNm, interiorFraction, exteriorFraction,
                smallFraction, isolatedFraction, particleSpread, thicknessSlope, referenceThicknessNm,
                interiorThicknessNm, exteriorThicknessNm, smallThicknessNm, isolatedThicknessNm, mn2Fraction,
                i0Counts, v, emptyBandPx, probeFwhmNm);
    }

    public AgglomeratePhantomSettings withProbeFwhmNm(double v) {
        return new AgglomeratePhantomSettings(seed, sizePx, pixelNm, particleRadiusNm, largeAgglomerates,
                largeRadiusNm, smallAgglomerates, isolatedParticles, clusterGapNm, interiorFraction, exteriorFraction,
                smallFraction, isolatedFraction, particleSpread, thicknessSlope, referenceThicknessNm,
                interiorThicknessNm, exteriorThicknessNm, smallThicknessNm, isolatedThicknessNm, mn2Fraction,
                i0Counts, maxDriftPx, emptyBandPx, v);
    }

    /** The class offset f_class of a class label (interior, exterior, small, isolated). */
    public double classFraction(String classLabel) {
        return switch (classLabel) {
            case "interior" -> interiorFraction;
            case "exterior" -> exteriorFraction;
            case "small" -> smallFraction;
            case "isolated" -> isolatedFraction;
            default -> throw new IllegalArgumentException("class " + classLabel);
        };
    }

    /** The central thickness range of a class label. */
    public double[] classThicknessNm(String classLabel) {
        return switch (classLabel) {
            case "interior" -> interiorThicknessNm;
            case "exterior" -> exteriorThicknessNm;
            case "small" -> smallThicknessNm;
            case "isolated" -> isolatedThicknessNm;
            default -> throw new IllegalArgumentException("class " + classLabel);
        };
    }

    /** Throws IllegalArgumentException naming the first parameter out of range. */
    public void validate() {
        require(sizePx >= 64, "size", sizePx + " px", ">= 64 px");
        require(pixelNm > 0 && Double.isFinite(pixelNm), "pixel", pixelNm + " nm", "> 0");
        require(particleRadiusNm >= 2 * pixelNm, "particle radius", particleRadiusNm + " nm", ">= 2 pixels");
        require(largeAgglomerates >= 0 && smallAgglomerates >= 0 && isolatedParticles >= 0, "cluster counts",
                largeAgglomerates + "/" + smallAgglomerates + "/" + isolatedParticles, ">= 0");
        require(largeRadiusNm >= 3 * particleRadiusNm, "large agglomerate radius", largeRadiusNm + " nm",
                ">= 3 particle radii");
        require(clusterGapNm >= 0, "cluster gap", clusterGapNm + " nm", ">= 0");
        for (String c : new String[] {"interior", "exterior", "small", "isolated"}) {
            double f = classFraction(c);
            require(f >= 0 && f + mn2Fraction <= 1, c + " fraction", String.valueOf(f), "0..1 - Mn2+ fraction");
            double[] t = classThicknessNm(c);
            require(t != null && t.length == 2 && t[0] > 0 && t[1] >= t[0], c + " thickness",
                    t == null ? "null" : java.util.Arrays.toString(t), "{min, max} with 0 < min <= max");
        }
        require(particleSpread >= 0, "particle spread", String.valueOf(particleSpread), ">= 0");
        require(Double.isFinite(thicknessSlope), "thickness slope", String.valueOf(thicknessSlope), "finite");
        require(referenceThicknessNm > 0, "reference thickness", referenceThicknessNm + " nm", "> 0");
        require(mn2Fraction >= 0 && mn2Fraction < 1, "Mn2+ fraction", String.valueOf(mn2Fraction), "0..1");
        require(i0Counts >= 0 && Double.isFinite(i0Counts), "noise (I0 counts)", String.valueOf(i0Counts), ">= 0");
        require(maxDriftPx >= 0, "drift", maxDriftPx + " px", ">= 0");
        require(emptyBandPx >= 4 && emptyBandPx < sizePx / 2, "empty band", emptyBandPx + " px",
                "between 4 px and half the image");
        require(probeFwhmNm >= 0 && Double.isFinite(probeFwhmNm), "probe FWHM", probeFwhmNm + " nm", ">= 0");
    }

    private static void require(boolean ok, String name, String value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("agglomerate phantom parameter " + name + " is " + value + ", expected "
                    + expected);
        }
    }
}
