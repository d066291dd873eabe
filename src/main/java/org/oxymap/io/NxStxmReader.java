package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.oxymap.core.stack.SpectralStack;

/**
 * Reads a NeXus NXstxm file (HDF5), the application definition written by the STXMs at the CLS, SLS, Diamond,
 * BESSY and the ALS (pySTXM, PolLux, I08).
 *
 * <p>The first {@code NXentry} whose {@code definition} is {@code NXstxm} is read. In it, the chosen
 * {@code NXdata} group (one per detector channel, e.g. {@code counter0}) holds the signal named by its
 * {@code @signal} attribute (default {@code data}), whose dimensions follow its {@code @axes} attribute (default
 * {@code energy, sample_y, sample_x}, the order NXstxm specifies: nE × nY × nX); the axes' datasets {@code energy}
 * (eV unless {@code @units} says keV), {@code sample_x} and {@code sample_y} (µm unless {@code @units} says
 * otherwise; pixel size = range / (n − 1)); and {@code count_time} (s unless {@code @units} says ms) for the dwell.
 * An {@code NXmonitor} group's {@code data} becomes the stack's I0 spectrum: one value per energy, or, for a
 * monitor recorded at every pixel, its mean per energy image.
 */
public final class NxStxmReader {

    private NxStxmReader() {
    }

    /**
     * @param channel index of the NXdata group in the entry (from 0)
     * @param pixelNm NaN = from sample_x / sample_y
     */
    public static SpectralStack read(Path file, int channel, double pixelNm) throws IOException {
        try (HdfFile f = Hdf5Access.open(file)) {
            return read(file, f, channel, pixelNm);
        } catch (RuntimeException e) {
            throw Hdf5Access.damaged(file, e);
        }
    }

    /**
     * Where an NXstxm file keeps its stack and how it is laid out: the signal dataset, its dimensions, which of them
     * is energy, sample_y and sample_x (ie = -1 for a single image), and the metadata in file order (energies eV,
     * pixel size nm from the sample positions, dwell ms per energy or null, I0 per energy or null).
     */
    record Layout(Dataset signal, String signalPath, int[] dims, int ie, int iy, int ix, int nx, int ny, int ne,
            double[] energiesEv, double pixelWidthNm, double pixelHeightNm, double[] dwellMs, Group entry) {
    }

    /** The layout of the chosen channel, every metadata problem an IOException naming the file. */
    static Layout layout(Path file, HdfFile f, int channel) throws IOException {
        Group entry = stxmEntry(file, f);
        List<Node> datas = Hdf5Access.childrenOfClass(entry, "NXdata");
        if (datas.isEmpty()) {
            throw new IOException(file + ": entry " + entry.getPath() + " has no NXdata group; expected one with "
                    + "the image stack");
        }
        if (channel < 0 || channel >= datas.size()) {
            throw new IOException(file + ": channel " + channel + " requested, but entry " + entry.getPath() + " has "
                    + datas.size() + " NXdata group(s) " + datas.stream().map(Node::getName).toList()
                    + ": give a channel from 0 to " + (datas.size() - 1));
        }
        if (!(datas.get(channel) instanceof Group data)) {
            throw new IOException(file + ": NXdata " + datas.get(channel).getPath() + " is not a group");
        }
        String dp = data.getPath().endsWith("/") ? data.getPath() : data.getPath() + "/";
        String signalName = Hdf5Access.attributeString(data, "signal");
        if (signalName == null) {
            signalName = "data";
        }
        Dataset signal = Hdf5Access.dataset(file, f, dp + signalName, "the @signal image stack of NXdata "
                + data.getName() + " (nE x nY x nX)");
        int[] dims = signal.getDimensions();
        String[] axes = Hdf5Access.attributeStrings(data, "axes");
        if (axes == null) {
            axes = Hdf5Access.attributeStrings(signal, "axes");
        }
        if (axes == null) {
            axes = dims.length == 3 ? new String[] {"energy", "sample_y", "sample_x"}
                    : new String[] {"sample_y", "sample_x"};
        }
        axes = Arrays.stream(axes).map(String::trim).toArray(String[]::new);
        if (dims.length != 2 && dims.length != 3 || axes.length != dims.length) {
            throw new IOException(file + ": " + dp + signalName + " has dimensions " + Arrays.toString(dims)
                    + " and @axes " + Arrays.toString(axes) + "; expected a 3-D stack (energy, sample_y, sample_x) or "
                    + "a 2-D image");
        }
        int ie = indexOf(axes, "energy");
        int iy = indexOf(axes, "sample_y");
        int ix = indexOf(axes, "sample_x");
        if (ix < 0 || iy < 0 || (dims.length == 3 && ie < 0)) {
            throw new IOException(file + ": @axes of " + data.getPath() + " are " + Arrays.toString(axes)
                    + "; expected energy, sample_y and sample_x");
        }
        int nx = dims[ix];
        int ny = dims[iy];
        int ne = ie < 0 ? 1 : dims[ie];

        double[] energies = Hdf5Access.doubles(file, Hdf5Access.dataset(file, f, dp + "energy",
                "the photon energies of NXdata " + data.getName()), dp + "energy");
        if (energies.length != ne) {
            throw new IOException(file + ": " + dp + "energy has " + energies.length + " values but the stack has "
                    + ne + " energies");
        }
        double eScale = energyScale(file, Hdf5Access.attributeString(
                Hdf5Access.dataset(file, f, dp + "energy", ""), "units"), dp + "energy");
        for (int k = 0; k < ne; k++) {
            energies[k] *= eScale;
        }
        double pw = axisStepNm(file, f, dp + "sample_x", nx);
        double ph = axisStepNm(file, f, dp + "sample_y", ny);

        double[] dwell = dwellMs(file, f, dp + "count_time", ne);
        return new Layout(signal, dp + signalName, dims, ie, iy, ix, nx, ny, ne, energies, pw, ph, dwell, entry);
    }

    private static SpectralStack read(Path file, HdfFile f, int channel, double pixelNm) throws IOException {
        Layout layout = layout(file, f, channel);
        Dataset signal = layout.signal();
        int[] dims = layout.dims();
        int ie = layout.ie();
        int iy = layout.iy();
        int ix = layout.ix();
        int nx = layout.nx();
        int ny = layout.ny();
        int ne = layout.ne();
        String dp = layout.signalPath().substring(0, layout.signalPath().lastIndexOf('/') + 1);
        String signalName = layout.signalPath().substring(dp.length());
        Hdf5Access.guardSize(file, signal, dp + signalName);
        float[] flat = Hdf5Access.toFloats(signal.getDataFlat());
        if (flat == null || flat.length != (long) nx * ny * ne) {
            throw new IOException(file + ": " + dp + signalName + " holds " + signal.getJavaType().getSimpleName()
                    + " values; expected " + (long) nx * ny * ne + " numbers");
        }
        int[] stride = new int[dims.length];
        stride[dims.length - 1] = 1;
        for (int d = dims.length - 2; d >= 0; d--) {
            stride[d] = stride[d + 1] * dims[d + 1];
        }
        List<float[]> planes = new ArrayList<>(ne);
        for (int k = 0; k < ne; k++) {
            float[] p = new float[nx * ny];
            int base = ie < 0 ? 0 : k * stride[ie];
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    p[y * nx + x] = flat[base + y * stride[iy] + x * stride[ix]];
                }
            }
            planes.add(p);
        }

        double[] i0 = monitor(file, layout.entry(), ne, nx * ny);
        return StackAssembly.build(file, planes, nx, ny, layout.energiesEv(), layout.pixelWidthNm(),
                layout.pixelHeightNm(), pixelNm, i0, layout.dwellMs());
    }

    private static Group stxmEntry(Path file, HdfFile f) throws IOException {
        List<String> seen = new ArrayList<>();
        for (Node n : f.getChildren().values()) {
            if (!(n instanceof Group g)) {
                continue;
            }
            String def = Hdf5Access.stringOrNull(Hdf5Access.nodeOrNull(g, "definition"));
            if (def != null && def.trim().equalsIgnoreCase("NXstxm")) {
                return g;
            }
            if (def != null || "NXentry".equals(Hdf5Access.attributeString(g, "NX_class"))) {
                seen.add(g.getName() + (def == null ? "" : " (definition " + def.trim() + ")"));
            }
        }
        throw new IOException(file + ": no NXentry with definition = NXstxm" + (seen.isEmpty() ? ""
                : "; found " + seen) + "; expected a NeXus NXstxm file");
    }

    private static int indexOf(String[] a, String name) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static double energyScale(Path file, String units, String path) throws IOException {
        if (units == null || units.isBlank()) {
            return 1;
        }
        return switch (units.trim().toLowerCase(Locale.ROOT)) {
            case "ev" -> 1;
            case "kev" -> 1e3;
            default -> throw new IOException(file + ": " + path + " has units '" + units + "'; expected eV or keV");
        };
    }

    private static double axisStepNm(Path file, HdfFile f, String path, int n) throws IOException {
        Dataset ds = Hdf5Access.dataset(file, f, path, "the sample positions along that axis");
        double[] v = Hdf5Access.doubles(file, ds, path);
        if (v.length != n) {
            throw new IOException(file + ": " + path + " has " + v.length + " values but the stack has " + n
                    + " pixels along that axis");
        }
        String units = Hdf5Access.attributeString(ds, "units");
        double scale = units == null || units.isBlank() ? 1e3 : StackAssembly.lengthUnitToNm(units);
        if (scale <= 0) {
            throw new IOException(file + ": " + path + " has units '" + units + "'; expected a length (um, nm, mm, m)");
        }
        return StackAssembly.step(v) * scale;
    }

    private static double[] dwellMs(Path file, HdfFile f, String path, int ne) throws IOException {
        Node n = Hdf5Access.nodeOrNull(f, path);
        if (!(n instanceof Dataset ds)) {
            return null;
        }
        double[] t = Hdf5Access.doubles(file, ds, path);
        String units = Hdf5Access.attributeString(ds, "units");
        double toMs = units != null && units.trim().equalsIgnoreCase("ms") ? 1 : 1e3;
        if (t.length == ne) {
            double[] out = new double[ne];
            for (int k = 0; k < ne; k++) {
                out[k] = t[k] * toMs;
            }
            return out;
        }
        double first = t.length == 0 ? Double.NaN : t[0];
        for (double v : t) {
            if (v != first) {
                return null; // varies within an image: no single dwell
            }
        }
        double[] out = new double[ne];
        Arrays.fill(out, first * toMs);
        return out;
    }

    /**
     * The I0 spectrum of the entry's NXmonitor (one value per energy, or the mean of a per-pixel monitor's image at
     * each energy), in file order, or null without a monitor.
     */
    static double[] monitor(Path file, Group entry, int ne, int pixels) throws IOException {
        for (Node m : Hdf5Access.childrenOfClass(entry, "NXmonitor")) {
            if (!(m instanceof Group g)) {
                continue;
            }
            String path = (g.getPath().endsWith("/") ? g.getPath() : g.getPath() + "/") + "data";
            Node n = Hdf5Access.nodeOrNull(g, "data");
            if (!(n instanceof Dataset ds)) {
                throw new IOException(file + ": NXmonitor " + g.getPath() + " has no data; expected its counts");
            }
            double[] v = Hdf5Access.doubles(file, ds, path);
            double[] i0 = new double[ne];
            if (v.length == ne) {
                i0 = v;
            } else if (v.length == (long) ne * pixels) {
                for (int k = 0; k < ne; k++) {
                    double s = 0;
                    for (int i = 0; i < pixels; i++) {
                        s += v[k * pixels + i];
                    }
                    i0[k] = s / pixels;
                }
            } else {
                throw new IOException(file + ": " + path + " has " + v.length + " values; expected one per energy ("
                        + ne + ") or one per pixel and energy (" + (long) ne * pixels + ")");
            }
            for (int k = 0; k < ne; k++) {
                if (!(i0[k] > 0) || !Double.isFinite(i0[k])) {
                    throw new IOException(file + ": monitor " + path + " is " + i0[k] + " at energy " + (k + 1)
                            + "; expected positive I0 counts");
                }
            }
            return i0;
        }
        return null;
    }
}
