package org.oxymap.core.stack;

import java.io.IOException;
import java.util.Arrays;

/**
 * A transmission stack read in pieces: its size and metadata, and any band of full rows of any energy's plane on
 * request. A stack larger than the heap is processed band by band from one of these (an uncompressed TIFF or an
 * HDF5 dataset read in slices); {@link #of(SpectralStack)} serves a stack already in memory the same way.
 */
public interface PlaneSource extends AutoCloseable {

    int width();

    int height();

    /** The energies, eV, increasing; a copy. */
    double[] energiesEv();

    double pixelWidthNm();

    double pixelHeightNm();

    /** The I0 spectrum the file carries, or null. */
    double[] i0OrNull();

    default int energyCount() {
        return energiesEv().length;
    }

    /**
     * Rows {@code y0 .. y0 + rows − 1} of energy {@code k}'s plane, full width, as counts.
     *
     * @throws IOException naming the file and what could not be read
     */
    float[] readRows(int k, int y0, int rows) throws IOException;

    /** Releases the file behind the source, if any; a source in memory has nothing to release. */
    @Override
    default void close() throws IOException {
    }

    /** Bytes of the whole stack as 32-bit floats. */
    default long stackBytes() {
        return 4L * width() * height() * energyCount();
    }

    /** The same source with an I0 spectrum (e.g. from an I0 file) instead of the file's own. */
    default PlaneSource withI0(double[] i0) {
        PlaneSource base = this;
        double[] copy = i0 == null ? null : i0.clone();
        return new PlaneSource() {
            @Override
            public int width() {
                return base.width();
            }

            @Override
            public int height() {
                return base.height();
            }

            @Override
            public double[] energiesEv() {
                return base.energiesEv();
            }

            @Override
            public double pixelWidthNm() {
                return base.pixelWidthNm();
            }

            @Override
            public double pixelHeightNm() {
                return base.pixelHeightNm();
            }

            @Override
            public double[] i0OrNull() {
                return copy == null ? null : copy.clone();
            }

            @Override
            public float[] readRows(int k, int y0, int rows) throws IOException {
                return base.readRows(k, y0, rows);
            }
        };
    }

    /**
     * A stack with this source's size and metadata whose planes are all one shared array of zeros: for code that
     * describes a stack (sizes, energies, pixel size) without reading it. It costs one plane of memory.
     */
    default SpectralStack metadataStack() {
        float[] zeros = new float[width() * height()];
        return SpectralStack.wrap(java.util.Collections.nCopies(energyCount(), zeros), width(), height(),
                energiesEv(), pixelWidthNm(), pixelHeightNm(), i0OrNull(), Double.NaN);
    }

    /** A stack in memory served as bands (copies of its rows). */
    static PlaneSource of(SpectralStack stack) {
        return new PlaneSource() {
            @Override
            public int width() {
                return stack.width();
            }

            @Override
            public int height() {
                return stack.height();
            }

            @Override
            public double[] energiesEv() {
                return stack.energiesEv();
            }

            @Override
            public double pixelWidthNm() {
                return stack.pixelWidthNm();
            }

            @Override
            public double pixelHeightNm() {
                return stack.pixelHeightNm();
            }

            @Override
            public double[] i0OrNull() {
                return stack.i0OrNull();
            }

            @Override
            public float[] readRows(int k, int y0, int rows) {
                int w = stack.width();
                return Arrays.copyOfRange(stack.plane(k), y0 * w, (y0 + rows) * w);
            }
        };
    }
}
