package org.oxymap.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.TiffDecoder;
import ij.plugin.FileInfoVirtualStack;

import org.oxymap.core.stack.PlaneSource;

/**
 * An uncompressed TIFF stack read in bands of rows straight from the file, for runs larger than the heap: ImageJ's
 * TIFF decoder gives each page's offset (one offset plus the gap between images for ImageJ's contiguous stacks,
 * otherwise one directory per page whose strips must follow each other), and rows are read from there. Energies
 * and pixel size are found exactly as {@link TiffStackIO#read} finds them (an energies file, the sidecar, the slice
 * labels; exact sizes or the calibration), from a virtual stack that reads no pixels. 8- and 16-bit unsigned and
 * 32-bit float pages are supported, giving the same values as the whole-stack reader.
 */
public final class TiffPlaneSource implements PlaneSource, AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final int width;
    private final int height;
    private final double[] energiesEv;
    private final double pixelWidthNm;
    private final double pixelHeightNm;
    private final long[] planeOffsets;
    private final int fileType;
    private final int bytesPerPixel;
    private final ByteOrder order;

    private TiffPlaneSource(Path file, FileChannel channel, int width, int height, double[] energiesEv, double pw,
            double ph, long[] planeOffsets, int fileType, int bytesPerPixel, ByteOrder order) {
        this.file = file;
        this.channel = channel;
        this.width = width;
        this.height = height;
        this.energiesEv = energiesEv;
        this.pixelWidthNm = pw;
        this.pixelHeightNm = ph;
        this.planeOffsets = planeOffsets;
        this.fileType = fileType;
        this.bytesPerPixel = bytesPerPixel;
        this.order = order;
    }

    /**
     * Opens a TIFF for band-wise reading.
     *
     * @param energiesFile null = sidecar or slice labels
     * @param pixelNm      NaN = from the file
     * @throws IOException naming the file when it is compressed, of an unsupported pixel type, or damaged
     */
    public static TiffPlaneSource open(Path tiff, Path energiesFile, double pixelNm) throws IOException {
        if (!Files.isRegularFile(tiff)) {
            throw new NoSuchFileException(tiff.toString(), null, "stack file not found");
        }
        TiffStructure.check(tiff);
        String dir = tiff.toAbsolutePath().getParent() == null ? "" : tiff.toAbsolutePath().getParent() + "/";
        FileInfo[] info = new TiffDecoder(dir, tiff.getFileName().toString()).getTiffInfo();
        if (info == null || info.length == 0) {
            throw new IOException(tiff + ": not a TIFF that ImageJ can read");
        }
        FileInfo first = info[0];
        int bytes = switch (first.fileType) {
            case FileInfo.GRAY8 -> 1;
            case FileInfo.GRAY16_UNSIGNED -> 2;
            case FileInfo.GRAY32_FLOAT -> 4;
            default -> throw new IOException(tiff + ": pixel type " + first.fileType + " is not read band by band; "
                    + "--max-memory reads 8- or 16-bit unsigned or 32-bit float pages (convert with oxymap convert)");
        };
        int w = first.width;
        int h = first.height;
        long planeBytes = (long) w * h * bytes;
        long[] offsets;
        if (info.length == 1 && first.nImages > 1) {
            checkUncompressed(first, tiff);
            offsets = new long[first.nImages];
            for (int k = 0; k < offsets.length; k++) {
                offsets[k] = first.getOffset() + k * (planeBytes + first.getGap());
            }
        } else {
            offsets = new long[info.length];
            for (int k = 0; k < info.length; k++) {
                FileInfo fi = info[k];
                checkUncompressed(fi, tiff);
                if (fi.width != w || fi.height != h || fi.fileType != first.fileType) {
                    throw new IOException(tiff + ": page " + (k + 1) + " is " + fi.width + " x " + fi.height
                            + " of type " + fi.fileType + ", expected " + w + " x " + h + " like page 1");
                }
                if (fi.stripOffsets != null) {
                    for (int s = 1; s < fi.stripOffsets.length; s++) {
                        if (Integer.toUnsignedLong(fi.stripOffsets[s]) != Integer.toUnsignedLong(fi.stripOffsets[s - 1])
                                + Integer.toUnsignedLong(fi.stripLengths[s - 1])) {
                            throw new IOException(tiff + ": page " + (k + 1) + " has strips that do not follow each "
                                    + "other; --max-memory reads contiguous pages (convert with oxymap convert)");
                        }
                    }
                }
                offsets[k] = fi.getOffset();
            }
        }
        long size = Files.size(tiff);
        for (int k = 0; k < offsets.length; k++) {
            if (offsets[k] < 0 || offsets[k] + planeBytes > size) {
                throw new IOException(tiff + ": page " + (k + 1) + " runs past the end of the file (" + size
                        + " bytes)");
            }
        }
        ImagePlus virtual = FileInfoVirtualStack.openVirtual(tiff.toString());
        if (virtual == null) {
            throw new IOException(tiff + ": not a TIFF that ImageJ can read");
        }
        double[] energies = TiffStackIO.energies(virtual, tiff, energiesFile);
        if (energies.length != offsets.length) {
            throw new IOException(tiff + ": " + energies.length + " energies for " + offsets.length + " pages");
        }
        double[] px = TiffStackIO.pixelNm(virtual, pixelNm);
        FileChannel ch = FileChannel.open(tiff, StandardOpenOption.READ);
        return new TiffPlaneSource(tiff, ch, w, h, energies, px[0], px[1], offsets, first.fileType, bytes,
                first.intelByteOrder ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    private static void checkUncompressed(FileInfo fi, Path tiff) throws IOException {
        if (fi.compression != FileInfo.COMPRESSION_NONE) {
            throw new IOException(tiff + ": compressed pages cannot be read band by band; --max-memory needs an "
                    + "uncompressed TIFF (write one with oxymap convert)");
        }
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
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
        return null;
    }

    @Override
    public float[] readRows(int k, int y0, int rows) throws IOException {
        if (k < 0 || k >= planeOffsets.length || y0 < 0 || rows < 0 || y0 + rows > height) {
            throw new IllegalArgumentException("rows " + y0 + ".." + (y0 + rows - 1) + " of page " + k
                    + " are outside the " + width + " x " + height + " x " + planeOffsets.length + " stack");
        }
        int n = width * rows;
        ByteBuffer buf = ByteBuffer.allocate(n * bytesPerPixel).order(order);
        long position = planeOffsets[k] + (long) y0 * width * bytesPerPixel;
        while (buf.hasRemaining()) {
            int read = channel.read(buf, position + buf.position());
            if (read < 0) {
                throw new IOException(file + ": page " + (k + 1) + " ends early, at byte " + (position
                        + buf.position()));
            }
        }
        buf.flip();
        float[] out = new float[n];
        switch (fileType) {
            case FileInfo.GRAY8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = buf.get(i) & 0xff;
                }
            }
            case FileInfo.GRAY16_UNSIGNED -> {
                for (int i = 0; i < n; i++) {
                    out[i] = buf.getShort(2 * i) & 0xffff;
                }
            }
            default -> buf.asFloatBuffer().get(out);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
