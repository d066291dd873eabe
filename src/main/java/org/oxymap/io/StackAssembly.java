package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.oxymap.core.stack.SpectralStack;

/**
 * The last step every reader shares: planes in file order become a {@link SpectralStack} with energies increasing.
 * Instruments may scan energy downwards or write images in acquisition order, so planes are sorted here; two planes
 * at one energy cannot be told apart and are refused. Every metadata problem becomes an IOException naming the file.
 */
final class StackAssembly {

    private StackAssembly() {
    }

    /**
     * @param pixelOverrideNm NaN = use the file's pixel sizes
     * @param dwellMs         one dwell per plane (file order) or null; a single value when all agree, else none
     * @param i0              one I0 per plane (file order) or null
     */
    static SpectralStack build(Path file, List<float[]> planes, int width, int height, double[] energiesEv,
            double pixelWidthNm, double pixelHeightNm, double pixelOverrideNm, double[] i0, double[] dwellMs)
            throws IOException {
        int n = planes.size();
        if (energiesEv.length != n) {
            throw new IOException(file + ": " + n + " images but " + energiesEv.length
                    + " energies: the energy count must match the image count");
        }
        Integer[] order = energyOrder(file, energiesEv);
        List<float[]> sorted = new ArrayList<>(n);
        double[] e = new double[n];
        double[] i0Sorted = i0 == null ? null : new double[n];
        for (int k = 0; k < n; k++) {
            sorted.add(planes.get(order[k]));
            e[k] = energiesEv[order[k]];
            if (i0 != null) {
                i0Sorted[k] = i0[order[k]];
                if (!(i0Sorted[k] > 0) || !Double.isFinite(i0Sorted[k])) {
                    throw new IOException(file + ": I0 at " + e[k] + " eV is " + i0Sorted[k]
                            + ", expected a positive count");
                }
            }
            if (k > 0 && e[k] == e[k - 1]) {
                throw new IOException(file + ": two images at " + e[k] + " eV; expected one image per energy");
            }
        }
        double[] px = pixelSize(file, pixelWidthNm, pixelHeightNm, pixelOverrideNm);
        try {
            return SpectralStack.wrap(sorted, width, height, e, px[0], px[1], i0Sorted, uniformOrNaN(dwellMs));
        } catch (IllegalArgumentException ex) {
            throw new IOException(file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * The file's planes in order of increasing energy: {@code order[k]} is the file index of the k-th lowest energy.
     * Energies must be positive numbers (two equal ones are refused by the caller once sorted).
     */
    static Integer[] energyOrder(Path file, double[] energiesEv) throws IOException {
        int n = energiesEv.length;
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            if (!Double.isFinite(energiesEv[k]) || energiesEv[k] <= 0) {
                throw new IOException(file + ": energy " + (k + 1) + " is " + energiesEv[k]
                        + " eV, expected a positive number");
            }
        }
        Arrays.sort(order, Comparator.comparingDouble(k -> energiesEv[k]));
        return order;
    }

    /**
     * The pixel size {width, height} in nm: the override when given (not NaN), else the file's; one missing axis
     * (a single row or column) takes the other's.
     */
    static double[] pixelSize(Path file, double pixelWidthNm, double pixelHeightNm, double pixelOverrideNm)
            throws IOException {
        double pw = Double.isNaN(pixelOverrideNm) ? pixelWidthNm : pixelOverrideNm;
        double ph = Double.isNaN(pixelOverrideNm) ? pixelHeightNm : pixelOverrideNm;
        if (Double.isNaN(ph) && pw > 0) {
            ph = pw; // a single row (line scan): its pixels are taken as square
        } else if (Double.isNaN(pw) && ph > 0) {
            pw = ph;
        }
        if (!(pw > 0) || !(ph > 0) || !Double.isFinite(pw) || !Double.isFinite(ph)) {
            throw new IOException(file + ": pixel size " + pw + " x " + ph + " nm cannot be used (the file does not "
                    + "give two or more positions per axis); give the pixel size (--pixel-nm)");
        }
        return new double[] {pw, ph};
    }

    /** One dwell for the stack when every plane has the same, else NaN (the stack then carries none). */
    static double uniformOrNaN(double[] dwellMs) {
        if (dwellMs == null || dwellMs.length == 0) {
            return Double.NaN;
        }
        double first = dwellMs[0];
        for (double d : dwellMs) {
            if (!(d > 0) || !Double.isFinite(d) || Math.abs(d - first) > 1e-9 * Math.abs(first)) {
                return Double.NaN;
            }
        }
        return first;
    }

    /** Step between the first and last of evenly spaced positions, in the positions' unit: range / (n − 1). */
    static double step(double[] positions) {
        if (positions.length < 2) {
            return Double.NaN;
        }
        return Math.abs(positions[positions.length - 1] - positions[0]) / (positions.length - 1);
    }

    /** Nanometres per unit of a length, for the units beamlines write; -1 when unknown. */
    static double lengthUnitToNm(String unit) {
        if (unit == null) {
            return -1;
        }
        return switch (unit.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "nm", "nanometer", "nanometers", "nanometre", "nanometres" -> 1.0;
            case "um", "\u00b5m", "\u03bcm", "micron", "microns", "micrometer", "micrometers", "micrometre",
                    "micrometres" -> 1e3;
            case "mm", "millimeter", "millimeters", "millimetre", "millimetres" -> 1e6;
            case "m", "meter", "meters", "metre", "metres" -> 1e9;
            case "a", "angstrom", "angstroms", "\u00e5" -> 0.1;
            default -> -1;
        };
    }

    /** The product of sizes a header declares, refusing overflow (a damaged header) with a clear error. */
    static long product(Path file, String what, long... factors) throws IOException {
        long p = 1;
        try {
            for (long f : factors) {
                p = Math.multiplyExact(p, f);
            }
        } catch (ArithmeticException e) {
            throw new IOException(file + ": " + what + " " + java.util.Arrays.toString(factors)
                    + " overflow; the header is damaged");
        }
        return p;
    }

    /** Guards an allocation of {@code count} elements that a file's header asked for. */
    static int checkedCount(Path file, long count, String what) throws IOException {
        if (count <= 0 || count > Integer.MAX_VALUE - 16) {
            throw new IOException(file + ": " + what + " is " + count + " values; expected between 1 and "
                    + (Integer.MAX_VALUE - 16));
        }
        return (int) count;
    }
}
