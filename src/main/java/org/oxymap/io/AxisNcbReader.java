package org.oxymap.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.oxymap.core.stack.SpectralStack;

/**
 * Reads an aXis2000 stack: raw binary {@code <name>.ncb} with a text header {@code <name>.dat} (the layout aXis2000
 * and MANTiS write).
 *
 * <p>The {@code .dat} lines: (1) {@code nx ny scale}; (2) {@code x_start x_stop} and (3) {@code y_start y_stop} in
 * µm, giving the pixel size (stop − start) / (n − 1); (4) the number of energies nE; then nE lines with one energy
 * (eV) each; then, optionally, nE lines {@code label energy dwell_ms}. The {@code .ncb} holds nx·ny·nE values, x
 * fastest, then y, then energy, little-endian: 16-bit signed integers divided by {@code scale} when scale &gt; 0,
 * or 32-bit floats when scale &lt; 0. As in aXis2000, an axis whose start exceeds its stop is mirrored so that
 * positions increase.
 */
public final class AxisNcbReader {

    private AxisNcbReader() {
    }

    /** Reads {@code <name>.ncb} (or its {@code .dat}) with the header next to it. */
    public static SpectralStack read(Path ncbOrDat, double pixelNm) throws IOException {
        String name = ncbOrDat.getFileName().toString();
        String base = name.replaceFirst("\\.[^.]*$", "");
        Path ncb = ncbOrDat.resolveSibling(base + ".ncb");
        Path dat = ncbOrDat.resolveSibling(base + ".dat");
        if (!Files.isRegularFile(ncb)) {
            throw new NoSuchFileException(ncb.toString(), null, "aXis2000 binary stack (.ncb) not found");
        }
        if (!Files.isRegularFile(dat)) {
            throw new NoSuchFileException(dat.toString(), null, "aXis2000 header (.dat) for " + ncb.getFileName()
                    + " not found");
        }
        List<String> lines = new ArrayList<>();
        for (String l : AlsStxmReader.readText(dat, "aXis2000 header").split("\\R")) {
            if (!l.isBlank()) {
                lines.add(l.trim());
            }
        }
        double[] l1 = numbers(dat, lines, 0, 3, "nx ny scale");
        double[] xr = numbers(dat, lines, 1, 2, "x_start x_stop (um)");
        double[] yr = numbers(dat, lines, 2, 2, "y_start y_stop (um)");
        double[] ln = numbers(dat, lines, 3, 1, "the number of energies");
        long nx = integer(dat, l1[0], "nx (line 1)");
        long ny = integer(dat, l1[1], "ny (line 1)");
        long ne = integer(dat, ln[0], "the number of energies (line 4)");
        double scale = l1[2];
        if (scale == 0) {
            throw new IOException(dat + ", line 1: scale is 0; expected > 0 (16-bit integers / scale) or < 0 "
                    + "(32-bit floats)");
        }
        if (lines.size() < 4 + ne) {
            throw new IOException(dat + ": " + (lines.size() - 4) + " energy lines after line 4, expected " + ne);
        }
        double[] energies = new double[(int) ne];
        for (int k = 0; k < ne; k++) {
            energies[k] = numbers(dat, lines, 4 + k, 1, "an energy in eV")[0];
        }
        double[] dwell = null;
        if (lines.size() >= 4 + 2 * ne) {
            dwell = new double[(int) ne];
            for (int k = 0; k < ne && dwell != null; k++) {
                String[] p = lines.get((int) (4 + ne + k)).split("\\s+");
                try {
                    dwell[k] = p.length >= 3 ? Double.parseDouble(p[2]) : Double.NaN;
                } catch (NumberFormatException e) {
                    dwell = null; // labels without dwell: aXis2000 then has none either
                }
            }
        }
        int bytesPer = scale > 0 ? 2 : 4;
        long expected = StackAssembly.product(dat, "the sizes nx, ny, nE", nx, ny, ne, bytesPer);
        int planeSize = StackAssembly.checkedCount(dat, nx * ny, "nx * ny");
        long size = Files.size(ncb);
        if (size != expected) {
            throw new IOException(ncb + ": " + size + " bytes, expected " + expected + " (" + nx + " x " + ny + " x "
                    + ne + " values of " + bytesPer + " bytes, as " + dat.getFileName() + " says)"
                    + (size < expected ? "; the file is truncated" : ""));
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(ncb)).order(ByteOrder.LITTLE_ENDIAN);
        boolean flipX = xr[0] > xr[1];
        boolean flipY = yr[0] > yr[1];
        int w = (int) nx;
        int h = (int) ny;
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < ne; k++) {
            float[] p = new float[planeSize];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = scale > 0 ? (float) (b.getShort() / scale) : b.getFloat();
                    p[(flipY ? h - 1 - y : y) * w + (flipX ? w - 1 - x : x)] = v;
                }
            }
            planes.add(p);
        }
        double pw = w > 1 ? Math.abs(xr[1] - xr[0]) / (w - 1) * 1e3 : Double.NaN;
        double ph = h > 1 ? Math.abs(yr[1] - yr[0]) / (h - 1) * 1e3 : Double.NaN;
        return StackAssembly.build(ncb, planes, w, h, energies, pw, ph, pixelNm, null, dwell);
    }

    private static double[] numbers(Path dat, List<String> lines, int index, int count, String expected)
            throws IOException {
        if (index >= lines.size()) {
            throw new IOException(dat + ": ends before line " + (index + 1) + "; expected " + expected);
        }
        String[] p = lines.get(index).split("\\s+");
        if (p.length < count) {
            throw new IOException(dat + ", line " + (index + 1) + ": '" + lines.get(index) + "', expected "
                    + expected);
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Double.parseDouble(p[i]);
            } catch (NumberFormatException e) {
                throw new IOException(dat + ", line " + (index + 1) + ": '" + p[i] + "' is not a number; expected "
                        + expected);
            }
            if (!Double.isFinite(out[i])) {
                throw new IOException(dat + ", line " + (index + 1) + ": '" + p[i] + "' is not finite; expected "
                        + expected);
            }
        }
        return out;
    }

    private static long integer(Path dat, double v, String what) throws IOException {
        if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) {
            throw new IOException(dat + ": " + what + " is " + v + ", expected a positive whole number");
        }
        return (long) v;
    }
}
