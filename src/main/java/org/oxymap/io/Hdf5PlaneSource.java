package org.oxymap.io;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

import org.oxymap.core.stack.PlaneSource;

/**
 * An NXstxm stack (HDF5) read in bands of rows, for runs larger than the heap: each band is one hyperslab of the
 * signal dataset (jhdf reads slices of contiguous and chunked datasets, decompressing only the chunks a slice
 * touches), so the stack is never held whole. The file's layout, energies (sorted increasing, as
 * {@link NxStxmReader} sorts them), pixel size and monitor I0 are found exactly as {@link NxStxmReader#read} finds
 * them, and the values are those of the whole-file reader, so a tiled run gives the same maps as one in memory.
 *
 * <p>A CXI series (one file per energy, complex ptychographic reconstructions that the reader turns into
 * transmission after registering their phase ramps) is not read in bands: convert it to a TIFF first.
 */
public final class Hdf5PlaneSource implements PlaneSource {

    private final Path file;
    private final HdfFile hdf;
    private final NxStxmReader.Layout layout;
    private final int[] fileIndex;
    private final double[] energiesEv;
    private final double[] i0;
    private final double pixelWidthNm;
    private final double pixelHeightNm;
    private float[] compactData;

    private Hdf5PlaneSource(Path file, HdfFile hdf, NxStxmReader.Layout layout, int[] fileIndex, double[] energiesEv,
            double[] i0, double[] pixel) {
        this.file = file;
        this.hdf = hdf;
        this.layout = layout;
        this.fileIndex = fileIndex;
        this.energiesEv = energiesEv;
        this.i0 = i0;
        this.pixelWidthNm = pixel[0];
        this.pixelHeightNm = pixel[1];
    }

    /**
     * Opens an NXstxm file for band-wise reading.
     *
     * @param channel index of the NXdata group in the entry (from 0)
     * @param pixelNm NaN = from sample_x / sample_y
     * @throws IOException naming the file and what is missing or wrong, as {@link NxStxmReader#read} does
     */
    public static Hdf5PlaneSource openNxStxm(Path file, int channel, double pixelNm) throws IOException {
        HdfFile f = Hdf5Access.open(file);
        try {
            NxStxmReader.Layout layout = NxStxmReader.layout(file, f, channel);
            Hdf5Access.guardSize(file, layout.signal(), layout.signalPath());
            int ne = layout.ne();
            Integer[] order = StackAssembly.energyOrder(file, layout.energiesEv());
            int[] index = new int[ne];
            double[] e = new double[ne];
            double[] fileI0 = NxStxmReader.monitor(file, layout.entry(), ne, layout.nx() * layout.ny());
            double[] i0 = fileI0 == null ? null : new double[ne];
            for (int k = 0; k < ne; k++) {
                index[k] = order[k];
                e[k] = layout.energiesEv()[order[k]];
                if (i0 != null) {
                    i0[k] = fileI0[order[k]];
                }
                if (k > 0 && e[k] == e[k - 1]) {
                    throw new IOException(file + ": two images at " + e[k] + " eV; expected one image per energy");
                }
            }
            double[] px = StackAssembly.pixelSize(file, layout.pixelWidthNm(), layout.pixelHeightNm(), pixelNm);
            return new Hdf5PlaneSource(file, f, layout, index, e, i0, px);
        } catch (IOException | RuntimeException e) {
            f.close();
            if (e instanceof RuntimeException re) {
                throw Hdf5Access.damaged(file, re);
            }
            throw e;
        }
    }

    @Override
    public int width() {
        return layout.nx();
    }

    @Override
    public int height() {
        return layout.ny();
    }

    @Override
    public double[] energiesEv() {
        return energiesEv.clone();
    }

    @Override
    public double pixelWidthNm() {
        return pixelWidthNm;
    }

    @Override
    public double pixelHeightNm() {
        return pixelHeightNm;
    }

    @Override
    public double[] i0OrNull() {
        return i0 == null ? null : i0.clone();
    }

    /**
     * One hyperslab: energy {@code k}'s plane (in increasing energy), rows {@code y0 ..}, every column. Reads are
     * serialised (the HDF5 library's caches are not meant for concurrent readers); the band-wise pipeline reads one
     * band at a time anyway.
     */
    @Override
    public synchronized float[] readRows(int k, int y0, int rows) throws IOException {
        int nx = layout.nx();
        int ny = layout.ny();
        if (k < 0 || k >= fileIndex.length || y0 < 0 || rows < 0 || y0 + rows > ny) {
            throw new IllegalArgumentException("rows " + y0 + ".." + (y0 + rows - 1) + " of energy " + k
                    + " are outside the " + nx + " x " + ny + " x " + fileIndex.length + " stack");
        }
        if (rows == 0) {
            return new float[0];
        }
        int[] dims = layout.dims();
        long[] offset = new long[dims.length];
        int[] shape = new int[dims.length];
        if (layout.ie() >= 0) {
            offset[layout.ie()] = fileIndex[k];
            shape[layout.ie()] = 1;
        }
        offset[layout.iy()] = y0;
        shape[layout.iy()] = rows;
        shape[layout.ix()] = nx;
        float[] slab;
        try {
            slab = compactData != null ? null : flatten(layout.signal().getData(offset, shape), rows * nx);
        } catch (UnsupportedOperationException e) {
            slab = null; // a compact dataset (at most 64 kB) cannot be sliced: read it whole, once
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + layout.signalPath() + " could not be read at energy " + (k + 1)
                    + ", rows " + y0 + ".." + (y0 + rows - 1) + ": " + e.getMessage(), e);
        }
        if (slab == null) {
            return fromWhole(fileIndex[k], y0, rows);
        }
        if (layout.ix() < layout.iy()) {
            // stored x before y: the slab's C order runs down the columns
            float[] t = new float[slab.length];
            for (int x = 0; x < nx; x++) {
                for (int y = 0; y < rows; y++) {
                    t[y * nx + x] = slab[x * rows + y];
                }
            }
            slab = t;
        }
        return slab;
    }

    /** Rows of one file plane from the whole (compact) dataset, read once. */
    private float[] fromWhole(int fileK, int y0, int rows) throws IOException {
        if (compactData == null) {
            compactData = Hdf5Access.toFloats(layout.signal().getDataFlat());
            if (compactData == null) {
                throw new IOException(file + ": " + layout.signalPath() + " holds "
                        + layout.signal().getJavaType().getSimpleName() + " values; expected numbers");
            }
        }
        int[] dims = layout.dims();
        int[] stride = new int[dims.length];
        stride[dims.length - 1] = 1;
        for (int d = dims.length - 2; d >= 0; d--) {
            stride[d] = stride[d + 1] * dims[d + 1];
        }
        int nx = layout.nx();
        float[] out = new float[rows * nx];
        int base = layout.ie() < 0 ? 0 : fileK * stride[layout.ie()];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < nx; x++) {
                out[y * nx + x] = compactData[base + (y0 + y) * stride[layout.iy()] + x * stride[layout.ix()]];
            }
        }
        return out;
    }

    /** A nested Java array of any numeric type (as jhdf returns a slice) as floats in C order. */
    static float[] flatten(Object data, int count) throws IOException {
        float[] out = new float[count];
        int n = fill(data, out, 0);
        if (n != count) {
            throw new IOException("a slice gave " + n + " values, expected " + count);
        }
        return out;
    }

    private static int fill(Object data, float[] out, int at) throws IOException {
        if (data != null && data.getClass().isArray() && data.getClass().getComponentType().isArray()) {
            int len = Array.getLength(data);
            for (int i = 0; i < len; i++) {
                at = fill(Array.get(data, i), out, at);
            }
            return at;
        }
        float[] row = Hdf5Access.toFloats(data);
        if (row == null) {
            throw new IOException("a slice holds " + (data == null ? "nothing" : data.getClass().getSimpleName())
                    + "; expected numbers");
        }
        if (at + row.length > out.length) {
            throw new IOException("a slice gave more values than its shape");
        }
        System.arraycopy(row, 0, out, at, row.length);
        return at + row.length;
    }

    @Override
    public void close() {
        hdf.close();
    }
}
