package org.oxymap.core.align;

import java.util.Random;

/** Analytic smooth test scene (Gaussian blobs and soft-edged discs) rendered at arbitrary sub-pixel offsets. */
final class SyntheticScene {

    static final int WIDTH = 128;
    static final int HEIGHT = 96;

    /** Blobs: x, y, sigma, amplitude. */
    private static final double[][] BLOBS = {
            {30, 25, 3.0, 600}, {90, 30, 2.0, 400}, {60, 60, 4.0, 500}, {100, 70, 2.5, 700}, {45, 75, 3.5, 300},
    };
    /** Discs: x, y, radius, amplitude; edge width 1 px. */
    private static final double[][] DISCS = {{75, 45, 9, 350}, {25, 55, 6, 450}};

    private SyntheticScene() {
    }

    /** Objects on a dark background, content displaced by (dx, dy): value(x, y) = scene(x − dx, y − dy). */
    static float[] emission(double dx, double dy) {
        float[] out = new float[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                out[y * WIDTH + x] = (float) (100 + objects(x - dx, y - dy));
            }
        }
        return out;
    }

    /** Transmission image: bright background (2000 counts) with the same objects dark. */
    static float[] transmission(double dx, double dy) {
        float[] out = new float[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                out[y * WIDTH + x] = (float) (2000 * Math.exp(-objects(x - dx, y - dy) / 800));
            }
        }
        return out;
    }

    private static double objects(double x, double y) {
        double v = 0;
        for (double[] b : BLOBS) {
            double r2 = (x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1]);
            v += b[3] * Math.exp(-r2 / (2 * b[2] * b[2]));
        }
        for (double[] d : DISCS) {
            double r = Math.hypot(x - d[0], y - d[1]);
            v += d[3] / (1 + Math.exp((r - d[2]) / 1.0));
        }
        return v;
    }

    /** Adds Gaussian noise of variance equal to the value (Poisson-like), from the given generator. */
    static float[] withPoissonNoise(float[] image, Random random) {
        float[] out = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            out[i] = (float) (image[i] + Math.sqrt(image[i]) * random.nextGaussian());
        }
        return out;
    }

    /** Exact circular shift: out(x, y) = image((x − dx) mod w, (y − dy) mod h). */
    static float[] circularShift(float[] image, int dx, int dy) {
        float[] out = new float[image.length];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                out[y * WIDTH + x] = image[Math.floorMod(y - dy, HEIGHT) * WIDTH + Math.floorMod(x - dx, WIDTH)];
            }
        }
        return out;
    }
}
