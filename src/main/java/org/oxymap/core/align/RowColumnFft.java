package org.oxymap.core.align;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Two-dimensional complex FFT of an interleaved row-major array (re, im per pixel), done as 1-D transforms of every
 * row and then of every column, all on the calling thread.
 *
 * <p>The phase correlation transforms many small images at once, one per thread; JTransforms' own 2-D transform
 * hands each image's rows and columns to its thread pool from 256 × 256 up (its default threshold), and on two cores
 * those hand-offs cost more than they gave: the drift estimate of 90 planes on the 256 px window took 0.82 s with it
 * and 0.72 s with this class (timed once with a throwaway harness; the bench's "align: drift estimate only" stage
 * times the current code). Not thread-safe: one instance per thread.
 */
final class RowColumnFft {

    /** Columns are moved four at a time: four complex doubles are one 64-byte cache line. */
    private static final int BLOCK = 4;

    private final int width;
    private final int height;
    private final DoubleFFT_1D rows;
    private final DoubleFFT_1D columns;
    private final double[][] block;

    RowColumnFft(int height, int width) {
        this.width = width;
        this.height = height;
        this.rows = new DoubleFFT_1D(width);
        this.columns = height == width ? rows : new DoubleFFT_1D(height);
        this.block = new double[BLOCK][2 * height];
    }

    /** In-place forward transform, {@code Σ a(y,x) exp(−2πi (kx·x/w + ky·y/h))}. */
    void complexForward(double[] a) {
        for (int y = 0; y < height; y++) {
            rows.complexForward(a, 2 * y * width);
        }
        for (int x0 = 0; x0 < width; x0 += BLOCK) {
            int n = Math.min(BLOCK, width - x0);
            gather(a, x0, n);
            for (int c = 0; c < n; c++) {
                columns.complexForward(block[c]);
            }
            scatter(a, x0, n);
        }
    }

    /** In-place inverse transform, divided by {@code w·h} when {@code scale}. */
    void complexInverse(double[] a, boolean scale) {
        for (int y = 0; y < height; y++) {
            rows.complexInverse(a, 2 * y * width, scale);
        }
        for (int x0 = 0; x0 < width; x0 += BLOCK) {
            int n = Math.min(BLOCK, width - x0);
            gather(a, x0, n);
            for (int c = 0; c < n; c++) {
                columns.complexInverse(block[c], scale);
            }
            scatter(a, x0, n);
        }
    }

    private void gather(double[] a, int x0, int n) {
        for (int y = 0; y < height; y++) {
            int i = 2 * (y * width + x0);
            for (int c = 0; c < n; c++) {
                block[c][2 * y] = a[i + 2 * c];
                block[c][2 * y + 1] = a[i + 2 * c + 1];
            }
        }
    }

    private void scatter(double[] a, int x0, int n) {
        for (int y = 0; y < height; y++) {
            int i = 2 * (y * width + x0);
            for (int c = 0; c < n; c++) {
                a[i + 2 * c] = block[c][2 * y];
                a[i + 2 * c + 1] = block[c][2 * y + 1];
            }
        }
    }
}
