package org.oxymap.core.spectra;

import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.stack.SpectralStack;

/**
 * The mean spectrum of a region of a stack, e.g. of a particle of a standard imaged in the same session, to be
 * used as a reference: the same energies, the same beam, the same detector as the sample.
 */
public final class RegionSpectrum {

    private RegionSpectrum() {
    }

    /**
     * Mean of every energy plane over the pixels set in {@code mask} (width × height, row-major).
     *
     * @param valence nominal valence of the region's material, or NaN
     * @throws IllegalArgumentException when the mask has the wrong size or no pixel set
     */
    public static ReferenceSpectrum mean(SpectralStack stack, boolean[] mask, String name, double valence) {
        int n = stack.width() * stack.height();
        if (mask.length != n) {
            throw new IllegalArgumentException("the region mask has " + mask.length + " pixels but the stack "
                    + stack.width() + " x " + stack.height() + " = " + n);
        }
        int count = 0;
        for (boolean b : mask) {
            if (b) {
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("the region for reference '" + name + "' holds no pixel");
        }
        double[] values = new double[stack.energyCount()];
        for (int k = 0; k < values.length; k++) {
            float[] plane = stack.plane(k);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (mask[i]) {
                    sum += plane[i];
                }
            }
            values[k] = sum / count;
        }
        return new ReferenceSpectrum(name, valence, stack.energiesEv(), values);
    }

    /** Mean over a rectangle, which must lie inside the image. */
    public static ReferenceSpectrum mean(SpectralStack stack, PixelRectangle rect, String name, double valence) {
        int w = stack.width();
        int h = stack.height();
        if (rect.x() < 0 || rect.y() < 0 || rect.x() + rect.width() > w || rect.y() + rect.height() > h) {
            throw new IllegalArgumentException("region " + rect + " reaches outside the " + w + " x " + h
                    + " image");
        }
        boolean[] mask = new boolean[w * h];
        for (int y = rect.y(); y < rect.y() + rect.height(); y++) {
            for (int x = rect.x(); x < rect.x() + rect.width(); x++) {
                mask[y * w + x] = true;
            }
        }
        return mean(stack, mask, name, valence);
    }
}
