package org.oxymap.core.align;

import java.util.ArrayList;
import java.util.List;

import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/**
 * Registers a stack of the same region recorded at another absorption edge (e.g. Ni L3 or O K after Mn L3), with its
 * own field of view and pixel size, onto a reference stack's grid, so that one particle segmentation serves the maps
 * of every edge. The scale comes from the pixel sizes (the instruments' calibrations are far more precise than an
 * image-based scale estimate); the translation is found by phase correlation ({@link PhaseCorrelationAligner}) of the
 * two stacks' mean images after the other stack's mean has been resampled onto the reference grid. The mean over
 * energies is used because particle outlines are common to all edges while the contrast inside them is not.
 *
 * <p>Resampling is bilinear on the other stack's ln(counts) where all counts are positive (as in
 * {@link StackAligner}); positions outside the other stack's field take its nearest edge value, and
 * {@link #coverage} says which reference pixels the other stack really covers.
 */
public final class MultiEdgeRegistration {

    /** Resample-and-correlate passes after the first estimate, to remove the window's bias towards zero. */
    private static final int REFINEMENTS = 3;

    private final double maxShiftPx;

    /**
     * @param maxShiftPx largest translation looked for, in reference pixels
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public MultiEdgeRegistration(double maxShiftPx) {
        if (!(maxShiftPx > 0) || Double.isInfinite(maxShiftPx)) {
            throw new IllegalArgumentException("maxShiftPx: expected a positive number of pixels, got " + maxShiftPx);
        }
        this.maxShiftPx = maxShiftPx;
    }

    /** Finds where the reference grid falls in {@code other}. */
    public GridTransform register(SpectralStack reference, SpectralStack other, ProgressListener listener) {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        double sx = reference.pixelWidthNm() / other.pixelWidthNm();
        double sy = reference.pixelHeightNm() / other.pixelHeightNm();
        int w = reference.width();
        int h = reference.height();
        float[] refMean = mean(reference);
        float[] otherMean = mean(other);
        PhaseCorrelationAligner aligner = new PhaseCorrelationAligner(maxShiftPx);
        GridTransform t = new GridTransform(sx, sy, 0, 0);
        for (int pass = 0; pass <= REFINEMENTS; pass++) {
            progress.checkCancelled(PhaseCorrelationAligner.STAGE);
            float[] resampled = resample(otherMean, other.width(), other.height(), t, w, h);
            // resampled(x, y) ≈ ref(x − dx, y − dy)  =>  ref(x) ≈ other(u(x + dx))
            Shift s = aligner.estimateShifts(List.of(refMean, resampled), w, h, 0, null)[1];
            t = new GridTransform(sx, sy, t.offsetXPx() + sx * s.dxPx(), t.offsetYPx() + sy * s.dyPx());
            progress.progress("Multi-edge registration", pass + 1, REFINEMENTS + 1);
        }
        return t;
    }

    /**
     * The other stack resampled onto the reference grid ({@code width × height} pixels of the reference's size).
     */
    public static SpectralStack onReferenceGrid(SpectralStack other, GridTransform t, int width, int height,
                                                double pixelWidthNm, double pixelHeightNm) {
        List<float[]> planes = new ArrayList<>(other.energyCount());
        for (float[] p : other.planes()) {
            planes.add(resampleCounts(p, other.width(), other.height(), t, width, height));
        }
        return SpectralStack.wrap(planes, width, height, other.energiesEv(), pixelWidthNm, pixelHeightNm,
                other.i0OrNull(), other.dwellMs().orElse(Double.NaN));
    }

    /** A map (e.g. fractions at another edge) resampled onto the reference grid, bilinear in its own values. */
    public static float[] mapOnReferenceGrid(float[] map, int otherWidth, int otherHeight, GridTransform t,
                                             int width, int height) {
        return resample(map, otherWidth, otherHeight, t, width, height);
    }

    /** True for the reference pixels that fall inside the other stack's field of view. */
    public static boolean[] coverage(GridTransform t, int otherWidth, int otherHeight, int width, int height) {
        boolean[] in = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            double v = t.v(y);
            for (int x = 0; x < width; x++) {
                double u = t.u(x);
                in[y * width + x] = u >= 0 && u <= otherWidth - 1 && v >= 0 && v <= otherHeight - 1;
            }
        }
        return in;
    }

    private static float[] resampleCounts(float[] plane, int ow, int oh, GridTransform t, int w, int h) {
        for (float v : plane) {
            if (!(v > 0) || !Float.isFinite(v)) {
                return resample(plane, ow, oh, t, w, h);
            }
        }
        float[] log = new float[plane.length];
        for (int i = 0; i < log.length; i++) {
            log[i] = (float) Math.log(plane[i]);
        }
        float[] out = resample(log, ow, oh, t, w, h);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.exp(out[i]);
        }
        return out;
    }

    private static float[] resample(float[] plane, int ow, int oh, GridTransform t, int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double v = Math.max(0, Math.min(oh - 1, t.v(y)));
            int v0 = (int) Math.floor(v);
            int v1 = Math.min(oh - 1, v0 + 1);
            double fv = v - v0;
            for (int x = 0; x < w; x++) {
                double u = Math.max(0, Math.min(ow - 1, t.u(x)));
                int u0 = (int) Math.floor(u);
                int u1 = Math.min(ow - 1, u0 + 1);
                double fu = u - u0;
                double top = plane[v0 * ow + u0] * (1 - fu) + plane[v0 * ow + u1] * fu;
                double bottom = plane[v1 * ow + u0] * (1 - fu) + plane[v1 * ow + u1] * fu;
                out[y * w + x] = (float) (top * (1 - fv) + bottom * fv);
            }
        }
        return out;
    }

    private static float[] mean(SpectralStack s) {
        float[] m = new float[s.width() * s.height()];
        int n = s.energyCount();
        for (float[] p : s.planes()) {
            for (int i = 0; i < m.length; i++) {
                m[i] += p[i] / n;
            }
        }
        return m;
    }
}
