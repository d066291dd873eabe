package org.oxymap.core.model;

/**
 * Finds a sectioned sphere's radius a and lamella offset |z0| from the thickness map of one particle.
 *
 * <p>A pixel at projected distance ρ from the centre is as thick as the chord through the lamella
 * (DESIGN.md §2), which is h where the lamella lies wholly inside the sphere and falls to 0 at the visible edge.
 * The plateau radius √(a² − (|z0| + h/2)²) and the visible radius √(a² − max(0, |z0| − h/2)²) pin down a and
 * |z0| together. The fit minimises Σ (L_i − chord(ρ_i))² over the particle's pixels: a grid search over a and
 * |z0| (2 nm steps, a from 0.7 to 3 times the area-equivalent radius), refined by a pattern search down to
 * 0.01 nm. The centre is the particle's centroid.
 *
 * <p>With a probe of known FWHM ({@link RadialProbeBlur}) the refinement compares the thickness map with the chord
 * blurred by the probe across the radius, so the visible radius is where the sharp particle's edge lies, not where
 * the blurred halo ends; the grid search (coarse, 2 nm steps) uses the sharp chord.
 */
public final class ParticleGeometryFitter {

    private final double sectionNm;
    private final RadialProbeBlur probe;

    public ParticleGeometryFitter(double sectionNm) {
        this(sectionNm, 0.0);
    }

    /** @param probeFwhmNm FWHM of the Gaussian probe that blurred the maps (0 = point probe) */
    public ParticleGeometryFitter(double sectionNm, double probeFwhmNm) {
        this.probe = new RadialProbeBlur(probeFwhmNm);
        if (!(sectionNm > 0) || !Double.isFinite(sectionNm)) {
            throw new IllegalArgumentException("section thickness is " + sectionNm + " nm, expected > 0");
        }
        this.sectionNm = sectionNm;
    }

    /**
     * @param label       the particle's label in {@code labels}
     * @param thicknessNm thickness map (nm)
     */
    public ParticleGeometry fit(int label, int[] labels, float[] thicknessNm, int width, double pixelWidthNm,
            double pixelHeightNm) {
        int n = 0;
        for (int l : labels) {
            n += l == label ? 1 : 0;
        }
        int[] pixels = new int[n];
        int j = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                pixels[j++] = i;
            }
        }
        return fitPixels(label, pixels, thicknessNm, width, pixelWidthNm, pixelHeightNm);
    }

    /**
     * As {@link #fit(int, int[], float[], int, double, double)} with the particle given as its pixel indices.
     *
     * @param pixels the particle's pixel indices (row-major, {@code y·width + x})
     */
    public ParticleGeometry fitPixels(int label, int[] pixels, float[] thicknessNm, int width, double pixelWidthNm,
            double pixelHeightNm) {
        int n = pixels.length;
        if (n == 0) {
            throw new IllegalArgumentException("particle " + label + " has no pixels");
        }
        double sx = 0;
        double sy = 0;
        for (int i : pixels) {
            sx += i % width;
            sy += i / width;
        }
        double cx = sx / n;
        double cy = sy / n;
        double[] rho = new double[n];
        double[] thick = new double[n];
        for (int j = 0; j < n; j++) {
            int i = pixels[j];
            rho[j] = Math.hypot((i % width - cx) * pixelWidthNm, (i / width - cy) * pixelHeightNm);
            thick[j] = thicknessNm[i];
        }
        double equivalentRadius = Math.sqrt(n * pixelWidthNm * pixelHeightNm / Math.PI);
        double half = sectionNm / 2;
        double bestA = Double.NaN;
        double bestZ = Double.NaN;
        double best = Double.POSITIVE_INFINITY;
        double[] halfChord = new double[n];
        for (double a = Math.max(1.0, 0.7 * equivalentRadius); a <= 3 * equivalentRadius; a += 2) {
            // the sphere's half chord at each pixel depends on a only: once per a, not once per (a, z)
            for (int i = 0; i < n; i++) {
                double r2 = a * a - rho[i] * rho[i];
                halfChord[i] = r2 > 0 ? Math.sqrt(r2) : 0.0;
            }
            for (double z = 0; z < a + half - 1; z += 2) {
                double cost = gridCost(halfChord, thick, z);
                if (cost < best) {
                    best = cost;
                    bestA = a;
                    bestZ = z;
                }
            }
        }
        if (!probe.isPoint()) {
            best = blurredCost(rho, thick, bestA, bestZ);
        }
        double step = 1.0;
        while (step > 0.01) {
            boolean moved = false;
            for (double[] d : new double[][] {{step, 0}, {-step, 0}, {0, step}, {0, -step}}) {
                double a = bestA + d[0];
                double z = Math.abs(bestZ + d[1]);
                if (a <= 0 || z >= a + half) {
                    continue;
                }
                double cost = blurredCost(rho, thick, a, z);
                if (cost < best) {
                    best = cost;
                    bestA = a;
                    bestZ = z;
                    moved = true;
                }
            }
            if (!moved) {
                step /= 2;
            }
        }
        return new ParticleGeometry(label, cx, cy, bestA, bestZ, sectionNm, Math.sqrt(best / n));
    }

    private double blurredCost(double[] rho, double[] thick, double a, double z0) {
        if (probe.isPoint()) {
            return cost(rho, thick, a, z0);
        }
        double s = 0;
        for (int i = 0; i < rho.length; i++) {
            double blurred = 0;
            for (int j = 0; j < probe.nodes(); j++) {
                blurred += probe.weight(j) * chord(probe.radiusNm(rho[i], j), a, z0);
            }
            double d = thick[i] - blurred;
            s += d * d;
        }
        return s;
    }

    private double chord(double rho, double a, double z0) {
        double r2 = a * a - rho * rho;
        if (r2 <= 0) {
            return 0;
        }
        double half = Math.sqrt(r2);
        return Math.max(0, Math.min(z0 + sectionNm / 2, half) - Math.max(z0 - sectionNm / 2, -half));
    }

    /**
     * {@link #cost} with each pixel's half chord {@code √(a² − ρ²)} given (0 outside the sphere): the same
     * arithmetic in the same order, so the same value to the last bit.
     */
    private double gridCost(double[] halfChord, double[] thick, double z0) {
        double lo = z0 - sectionNm / 2;
        double hi = z0 + sectionNm / 2;
        double s = 0;
        for (int i = 0; i < halfChord.length; i++) {
            double half = halfChord[i];
            double chord = half > 0 ? Math.max(0, Math.min(hi, half) - Math.max(lo, -half)) : 0;
            double d = thick[i] - chord;
            s += d * d;
        }
        return s;
    }

    private double cost(double[] rho, double[] thick, double a, double z0) {
        double lo = z0 - sectionNm / 2;
        double hi = z0 + sectionNm / 2;
        double s = 0;
        for (int i = 0; i < rho.length; i++) {
            double r2 = a * a - rho[i] * rho[i];
            double chord = 0;
            if (r2 > 0) {
                double half = Math.sqrt(r2);
                chord = Math.max(0, Math.min(hi, half) - Math.max(lo, -half));
            }
            double d = thick[i] - chord;
            s += d * d;
        }
        return s;
    }
}
