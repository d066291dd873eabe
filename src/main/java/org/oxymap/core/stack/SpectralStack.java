package org.oxymap.core.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * A spectral image stack: float values over (x, y, energy), one plane per energy.
 *
 * <p>The planes are held as an ImgLib2 {@link PlanarImg} that wraps the caller's {@code float[]} arrays without
 * copying, so an ImageJ stack of float processors and the algorithms in {@code core} share one copy of the data.
 * Energies are in eV and strictly increasing; the pixel size is in nm (x and y may differ). The optional I0
 * spectrum (incident intensity, one value per energy) and dwell time come from the instrument's metadata.
 */
public final class SpectralStack {

    private final int width;
    private final int height;
    private final List<float[]> planes;
    private final PlanarImg<FloatType, FloatArray> img;
    private final double[] energiesEv;
    private final double pixelWidthNm;
    private final double pixelHeightNm;
    private final double[] i0;
    private final double dwellMs;

    private SpectralStack(int width, int height, List<float[]> planes, double[] energiesEv,
            double pixelWidthNm, double pixelHeightNm, double[] i0, double dwellMs) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("stack size must be positive, got " + width + " x " + height);
        }
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("stack has no planes");
        }
        if (energiesEv.length != planes.size()) {
            throw new IllegalArgumentException("stack has " + planes.size() + " planes but " + energiesEv.length
                    + " energies: the energy count must match the slice count");
        }
        for (int k = 0; k < planes.size(); k++) {
            if (planes.get(k).length != width * height) {
                throw new IllegalArgumentException("plane " + (k + 1) + " has " + planes.get(k).length
                        + " values, expected " + width + " x " + height + " = " + width * height);
            }
        }
        requireIncreasing(energiesEv);
        requirePositive("pixel width (nm)", pixelWidthNm);
        requirePositive("pixel height (nm)", pixelHeightNm);
        if (i0 != null) {
            if (i0.length != energiesEv.length) {
                throw new IllegalArgumentException("I0 spectrum has " + i0.length + " values, expected one per energy ("
                        + energiesEv.length + ")");
            }
            for (int k = 0; k < i0.length; k++) {
                if (!(i0[k] > 0) || !Double.isFinite(i0[k])) {
                    throw new IllegalArgumentException("I0 at " + energiesEv[k] + " eV is " + i0[k]
                            + ", expected a positive count");
                }
            }
        }
        this.width = width;
        this.height = height;
        this.planes = Collections.unmodifiableList(new ArrayList<>(planes));
        this.energiesEv = energiesEv.clone();
        this.pixelWidthNm = pixelWidthNm;
        this.pixelHeightNm = pixelHeightNm;
        this.i0 = i0 == null ? null : i0.clone();
        this.dwellMs = dwellMs;
        List<FloatArray> access = new ArrayList<>(planes.size());
        for (float[] p : planes) {
            access.add(new FloatArray(p));
        }
        this.img = new PlanarImg<>(access, new long[] {width, height, planes.size()}, new Fraction());
        this.img.setLinkedType(new FloatType(img));
    }

    /** Wraps the given planes (not copied) with square pixels, no I0 and no dwell time. */
    public static SpectralStack wrap(List<float[]> planes, int width, int height, double[] energiesEv, double pixelNm) {
        return new SpectralStack(width, height, planes, energiesEv, pixelNm, pixelNm, null, Double.NaN);
    }

    /** Wraps the given planes (not copied) with all metadata; {@code i0} may be null, {@code dwellMs} NaN. */
    public static SpectralStack wrap(List<float[]> planes, int width, int height, double[] energiesEv,
            double pixelWidthNm, double pixelHeightNm, double[] i0, double dwellMs) {
        return new SpectralStack(width, height, planes, energiesEv, pixelWidthNm, pixelHeightNm, i0, dwellMs);
    }

    /** The same metadata over new planes of the same size (e.g. aligned or converted to optical density). */
    public SpectralStack withPlanes(List<float[]> newPlanes) {
        return new SpectralStack(width, height, newPlanes, energiesEv, pixelWidthNm, pixelHeightNm, i0, dwellMs);
    }

    /** The same planes with an I0 spectrum attached. */
    public SpectralStack withI0(double[] i0Spectrum) {
        return new SpectralStack(width, height, planes, energiesEv, pixelWidthNm, pixelHeightNm, i0Spectrum, dwellMs);
    }

    private static void requireIncreasing(double[] e) {
        for (int k = 0; k < e.length; k++) {
            if (!Double.isFinite(e[k])) {
                throw new IllegalArgumentException("energy " + (k + 1) + " is " + e[k] + " eV, expected a finite number");
            }
            if (k > 0 && !(e[k] > e[k - 1])) {
                throw new IllegalArgumentException("energies must be strictly increasing, but energy " + (k + 1) + " ("
                        + e[k] + " eV) follows " + e[k - 1] + " eV");
            }
        }
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is " + v + ", expected a positive number");
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int energyCount() {
        return energiesEv.length;
    }

    public double[] energiesEv() {
        return energiesEv.clone();
    }

    public double energyEv(int k) {
        return energiesEv[k];
    }

    public double pixelWidthNm() {
        return pixelWidthNm;
    }

    public double pixelHeightNm() {
        return pixelHeightNm;
    }

    /** The live plane at energy index {@code k}, row-major ({@code y * width + x}). */
    public float[] plane(int k) {
        return planes.get(k);
    }

    /** The live planes, one per energy. */
    public List<float[]> planes() {
        return planes;
    }

    /** The data as an ImgLib2 image over (x, y, energy), sharing the planes. */
    public PlanarImg<FloatType, FloatArray> img() {
        return img;
    }

    /** The incident-intensity spectrum given with the stack, if any. */
    public double[] i0OrNull() {
        return i0 == null ? null : i0.clone();
    }

    public OptionalDouble dwellMs() {
        return Double.isNaN(dwellMs) ? OptionalDouble.empty() : OptionalDouble.of(dwellMs);
    }

    /** Copies the spectrum of pixel (x, y) into {@code out} (length = energy count). */
    public void spectrum(int x, int y, double[] out) {
        int i = y * width + x;
        for (int k = 0; k < out.length; k++) {
            out[k] = planes.get(k)[i];
        }
    }

    @Override
    public String toString() {
        return width + " x " + height + " px x " + energiesEv.length + " energies (" + energiesEv[0] + "–"
                + energiesEv[energiesEv.length - 1] + " eV), pixel " + pixelWidthNm + " x " + pixelHeightNm + " nm"
                + (i0 == null ? "" : ", I0 given");
    }
}
