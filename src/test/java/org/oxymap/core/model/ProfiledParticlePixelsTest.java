package org.oxymap.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oxymap.core.distance.EuclideanDistanceTransform;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.pipeline.ParticleProfiling;
import org.oxymap.core.profile.EdgeDistanceProfiler;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.progress.ProgressListener;

/**
 * A particle built from its pixel list and its own bins ({@link ProfiledParticle#ofPixels}, one pass over the image
 * for all particles) is the particle built by scanning the whole image with every particle's bins
 * ({@link ProfiledParticle#of}), value for value; and the geometry fit, whose grid search takes each pixel's half
 * chord once per radius, finds exactly the radius and offset of the former search that took it once per grid cell.
 */
class ProfiledParticlePixelsTest {

    @Test
    void pixelListsGiveTheSameParticleAsTheImageScan() {
        Phantom p = new PhantomGenerator(PhantomSettings.defaults().withSize(96)).generate(ProgressListener.NONE);
        int w = p.settings().sizePx();
        int h = w;
        double px = p.settings().pixelNm();
        int[] labels = p.labels();
        int count = 0;
        for (int l : labels) {
            count = Math.max(count, l);
        }
        float[] distance = EuclideanDistanceTransform.distanceToOwnBoundary(labels, w, h, px, px, true);
        float[] fraction = p.fractions().get(1);
        EdgeDistanceProfiler profiler = new EdgeDistanceProfiler(px, px / 2);
        boolean[] include = new boolean[count];
        java.util.Arrays.fill(include, true);
        List<ProfileBin> bins = profiler.profile(labels, count, include, distance, fraction, p.thicknessNm());
        int[][] pixels = ParticleProfiling.pixelLists(labels, count);
        ParticleGeometryFitter fitter = new ParticleGeometryFitter(p.settings().sectionNm());
        int compared = 0;
        for (int l = 1; l <= count; l++) {
            if (pixels[l - 1].length == 0) {
                continue;
            }
            ParticleGeometry g = fitter.fit(l, labels, p.thicknessNm(), w, px, px);
            double[] expected = formerGridSearch(pixels[l - 1], p.thicknessNm(), w, px, p.settings().sectionNm());
            assertEquals(expected[0], g.radiusNm(), 0.0, "radius of particle " + l);
            assertEquals(expected[1], g.offsetNm(), 0.0, "offset of particle " + l);
            List<ProfileBin> own = new ArrayList<>();
            for (ProfileBin b : bins) {
                if (b.particle() == l) {
                    own.add(b);
                }
            }
            ProfiledParticle scanned = ProfiledParticle.of(g, labels, w, px, px, distance, p.thicknessNm(), fraction,
                    profiler, bins);
            ProfiledParticle listed = ProfiledParticle.ofPixels(g, pixels[l - 1], w, px, px, distance,
                    p.thicknessNm(), fraction, profiler, own);
            assertArrayEquals(scanned.rhoNm(), listed.rhoNm(), "particle " + l);
            assertArrayEquals(scanned.weights(), listed.weights());
            assertArrayEquals(scanned.pixelBins(), listed.pixelBins());
            assertArrayEquals(scanned.binMeans(), listed.binMeans());
            assertArrayEquals(scanned.binSe(), listed.binSe());
            assertArrayEquals(scanned.fittedBinMask(), listed.fittedBinMask());
            assertArrayEquals(scanned.value, listed.value);
            compared++;
        }
        assertTrue(compared >= 5, "particles compared: " + compared);
    }

    /** The geometry search as it was (point probe): the chord's square root per pixel and grid cell; {a, |z0|}. */
    private static double[] formerGridSearch(int[] pixels, float[] thicknessNm, int width, double px, double section) {
        int n = pixels.length;
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
            rho[j] = Math.hypot((i % width - cx) * px, (i / width - cy) * px);
            thick[j] = thicknessNm[i];
        }
        double equivalentRadius = Math.sqrt(n * px * px / Math.PI);
        double half = section / 2;
        double bestA = Double.NaN;
        double bestZ = Double.NaN;
        double best = Double.POSITIVE_INFINITY;
        for (double a = Math.max(1.0, 0.7 * equivalentRadius); a <= 3 * equivalentRadius; a += 2) {
            for (double z = 0; z < a + half - 1; z += 2) {
                double cost = cost(rho, thick, a, z, section);
                if (cost < best) {
                    best = cost;
                    bestA = a;
                    bestZ = z;
                }
            }
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
                double cost = cost(rho, thick, a, z, section);
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
        return new double[] {bestA, bestZ};
    }

    private static double cost(double[] rho, double[] thick, double a, double z0, double section) {
        double lo = z0 - section / 2;
        double hi = z0 + section / 2;
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
