package org.oxymap.core.model;

/**
 * Finds a sectioned sphere's radius a and lamella offset |z0| from the thickness map of one particle.
 *
 * <p>A pixel at projected distance ρ from the centre is as thick as the chord through the lamella
 * (DESIGN.md §2), which is h where the lamella lies wholly inside the sphere and falls to 0 at the visible edge.
 * The plateau radius √(a² − (|z0| + h/2)²) and the visible radius √(a² − max(0, |z0| − h/2)²) pin down a and
 * |z0| together. The fit minimises Σ (L_i − chord(ρ_i))² over the particle's pixels: a grid search over a and
 * |z0| (2 nm steps, a from 0.7 to 3 times the area-equivalent radius; each cell summed over the pixels sorted by ρ,
 * see {@link SortedPixels}), refined by a pattern search down to 0.01 nm. The centre is the particle's centroid.
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
        SortedPixels sorted = new SortedPixels(rho, thick);
        double firstA = Math.max(1.0, 0.7 * equivalentRadius);
        int radii = (int) Math.floor((3 * equivalentRadius - firstA) / 2) + 1;
        // A pass over every third cell each way finds a good cost first, so that the full grid can skip most cells
        // by a lower bound of their cost; the best cell is the one the full grid alone finds.
        double best = Double.POSITIVE_INFINITY;
        for (int pass = 0; pass < 2; pass++) {
            int stride = pass == 0 ? 3 : 1;
            for (int ia = 0; ia < radii; ia += stride) {
                double a = firstA + 2 * ia;
                sorted.halfChords(a);
                for (int iz = 0; 2 * iz < a + half - 1; iz += stride) {
                    double z = 2 * iz;
                    double cost = sorted.cost(z - half, z + half, best);
                    if (cost < best) {
                        best = cost;
                        bestA = a;
                        bestZ = z;
                    }
                }
            }
        }
        best = blurredCost(rho, thick, bestA, bestZ);
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
     * The grid search's cost Σ (L − chord)² with the pixels sorted by ρ. For one radius a the half chord √(a² − ρ²)
     * falls with ρ, so for one offset the pixels split into three runs: the lamella wholly inside the sphere (chord
     * = h), the lamella cut by the sphere's surface, and no material (chord 0). Prefix sums of L and L² give the
     * first and last runs at once; only the middle run is summed pixel by pixel. The sum is the same as pixel by
     * pixel up to rounding; the grid's best cell is then re-evaluated exactly by {@link #cost}.
     */
    private static final class SortedPixels {
        private final double[] rho;
        private final double[] thick;
        private final double[] sumL;
        private final double[] sumL2;
        private final double[] halfChord;
        private int inside;
        private int empty;

        SortedPixels(double[] rhoNm, double[] thicknessNm) {
            int n = rhoNm.length;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (p, q) -> Double.compare(rhoNm[p], rhoNm[q]));
            rho = new double[n];
            thick = new double[n];
            sumL = new double[n + 1];
            sumL2 = new double[n + 1];
            for (int i = 0; i < n; i++) {
                rho[i] = rhoNm[order[i]];
                thick[i] = thicknessNm[order[i]];
                sumL[i + 1] = sumL[i] + thick[i];
                sumL2[i + 1] = sumL2[i] + thick[i] * thick[i];
            }
            halfChord = new double[n];
        }

        /**
         * The sphere's half chord at every pixel for radius a (0 outside it); non-increasing along the pixels. The
         * offsets that follow, up to the next radius, must come in increasing order.
         */
        void halfChords(double a) {
            for (int i = 0; i < rho.length; i++) {
                double r2 = a * a - rho[i] * rho[i];
                halfChord[i] = r2 > 0 ? Math.sqrt(r2) : 0.0;
            }
            inside = rho.length;
            empty = rho.length;
        }

        /**
         * Σ (L − chord)² for the lamella [lo, hi] along the beam (hi &gt; 0), at the radius of the last halfChords; or,
         * when the sum without the middle run (a lower bound: the middle run's terms are ≥ 0, and rounding is
         * monotone) is already at least {@code bound}, that lower bound.
         */
        double cost(double lo, double hi, double bound) {
            int n = rho.length;
            // the pixels before `inside` have half chord ≥ hi (the whole lamella is inside the sphere), those from
            // `empty` on ≤ max(lo, 0) (nothing on the chord); both runs are suffixes that grow as the offset does
            while (inside > 0 && halfChord[inside - 1] < hi) {
                inside--;
            }
            double floor = Math.max(lo, 0.0);
            while (empty > 0 && halfChord[empty - 1] <= floor) {
                empty--;
            }
            double plateau = hi - lo;
            double s = sumL2[inside] - 2 * plateau * sumL[inside] + inside * plateau * plateau;
            double tail = sumL2[n] - sumL2[empty];
            if (s + tail >= bound) {
                return s + tail;
            }
            for (int i = inside; i < empty; i++) {
                double half = halfChord[i];
                double chord = Math.max(0, Math.min(hi, half) - Math.max(lo, -half));
                double d = thick[i] - chord;
                s += d * d;
            }
            return s + tail;
        }
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
