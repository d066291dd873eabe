package org.oxymap.core.od;

import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.stack.SpectralStack;

/**
 * I0 as the mean count over a region the user marks as empty (a rectangle or any mask, e.g. an ImageJ ROI), for
 * stacks whose empty area the automatic {@link EmptyRegionI0Estimator} cannot find (little empty area, or a
 * substrate brighter than the sample's holes). The mean is taken after alignment so that the region is empty at
 * every energy.
 */
public final class RegionI0Estimator {

    private RegionI0Estimator() {
    }

    /**
     * @throws IllegalArgumentException if the rectangle is not inside the image
     */
    public static EmptyRegionI0Estimator.Result fromRectangle(SpectralStack stack, PixelRectangle roi) {
        if (!roi.fitsIn(stack.width(), stack.height())) {
            throw new IllegalArgumentException("parameter i0-roi is " + roi + ", which is not inside the "
                    + stack.width() + " x " + stack.height() + " px image");
        }
        boolean[] mask = new boolean[stack.width() * stack.height()];
        for (int y = roi.y(); y < roi.y() + roi.height(); y++) {
            for (int x = roi.x(); x < roi.x() + roi.width(); x++) {
                mask[y * stack.width() + x] = true;
            }
        }
        return fromMask(stack, mask);
    }

    /**
     * @param mask true for the empty pixels, row-major
     * @throws IllegalArgumentException if the mask has the wrong size or no pixel, or the mean count at an energy is
     *                                  not positive (naming that energy)
     */
    public static EmptyRegionI0Estimator.Result fromMask(SpectralStack stack, boolean[] mask) {
        int n = stack.width() * stack.height();
        if (mask == null || mask.length != n) {
            throw new IllegalArgumentException("I0 mask: expected " + stack.width() + " x " + stack.height() + " = " + n
                    + " pixels, got " + (mask == null ? "none" : mask.length));
        }
        int pixels = 0;
        for (boolean b : mask) {
            if (b) {
                pixels++;
            }
        }
        if (pixels == 0) {
            throw new IllegalArgumentException("I0 region is empty: expected at least one pixel to average");
        }
        double[] i0 = new double[stack.energyCount()];
        for (int k = 0; k < i0.length; k++) {
            float[] p = stack.plane(k);
            double s = 0;
            for (int i = 0; i < n; i++) {
                if (mask[i]) {
                    s += p[i];
                }
            }
            i0[k] = s / pixels;
            if (!(i0[k] > 0) || !Double.isFinite(i0[k])) {
                throw new IllegalArgumentException("I0 region's mean count at " + stack.energyEv(k) + " eV is " + i0[k]
                        + ", expected a positive count");
            }
        }
        return new EmptyRegionI0Estimator.Result(i0, mask.clone(), pixels);
    }
}
