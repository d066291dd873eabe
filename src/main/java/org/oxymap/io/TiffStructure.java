package org.oxymap.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks that a classic TIFF's directory entries lie inside the file before ImageJ's decoder sees it. ImageJ
 * sizes its arrays from the counts in the directory, so a damaged count (a bit flip, a cut-off download) would
 * otherwise exhaust the heap instead of giving an error. Every entry's values, and each uncompressed image's
 * pixels, must fit in the file; directories may not loop. BigTIFF and anything else is left to ImageJ.
 */
final class TiffStructure {

    private static final int[] TYPE_BYTES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8};

    private TiffStructure() {
    }

    static void check(Path tiff) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(tiff)) {
            long size = ch.size();
            ByteBuffer head = read(ch, 0, 8, size, tiff);
            if (head == null) {
                throw new IOException(tiff + ": " + size + " bytes, too short for a TIFF header");
            }
            ByteOrder order = head.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            head.order(order);
            if (head.getShort(2) != 42) {
                return; // BigTIFF or not a TIFF: ImageJ decides
            }
            long ifd = Integer.toUnsignedLong(head.getInt(4));
            Set<Long> seen = new HashSet<>();
            int index = 0;
            while (ifd != 0) {
                index++;
                if (!seen.add(ifd) || ifd < 8 || ifd + 2 > size) {
                    throw damaged(tiff, "image directory " + index + " at byte " + ifd + " is outside the file or "
                            + "repeats");
                }
                int entries = Short.toUnsignedInt(read(ch, ifd, 2, size, tiff).order(order).getShort(0));
                ByteBuffer dir = read(ch, ifd + 2, 12L * entries + 4, size, tiff);
                if (dir == null) {
                    throw damaged(tiff, "image directory " + index + " (" + entries + " entries) runs past the end");
                }
                dir.order(order);
                long width = 0;
                long height = 0;
                long bits = 8;
                long samples = 1;
                long compression = 1;
                for (int e = 0; e < entries; e++) {
                    int at = 12 * e;
                    int tag = Short.toUnsignedInt(dir.getShort(at));
                    int type = Short.toUnsignedInt(dir.getShort(at + 2));
                    long count = Integer.toUnsignedLong(dir.getInt(at + 4));
                    long typeBytes = type < TYPE_BYTES.length && TYPE_BYTES[type] > 0 ? TYPE_BYTES[type] : 1;
                    long bytes = count * typeBytes;
                    long value = type == 3 && count >= 1 ? Short.toUnsignedInt(dir.getShort(at + 8))
                            : Integer.toUnsignedLong(dir.getInt(at + 8));
                    if (count > size || bytes > 4 && value + bytes > size) {
                        throw damaged(tiff, "tag " + tag + " of image " + index + " declares " + count
                                + " values that do not fit in the file");
                    }
                    switch (tag) {
                        case 256 -> width = value;
                        case 257 -> height = value;
                        case 258 -> bits = count == 1 ? value : 8;
                        case 259 -> compression = value;
                        case 277 -> samples = value;
                        default -> {
                            // other tags only need to fit
                        }
                    }
                }
                long pixels = width * height * Math.max(1, samples) * Math.max(1, bits / 8);
                if (width > 1 << 20 || height > 1 << 20 || compression == 1 && pixels > size
                        || pixels > 1000L * size) {
                    throw damaged(tiff, "image " + index + " is " + width + " x " + height + " px, more than the file "
                            + "holds");
                }
                ifd = Integer.toUnsignedLong(dir.getInt(12 * entries));
            }
        }
    }

    private static IOException damaged(Path tiff, String what) {
        return new IOException(tiff + ": damaged TIFF: " + what);
    }

    private static ByteBuffer read(SeekableByteChannel ch, long at, long n, long size, Path tiff) throws IOException {
        if (at < 0 || n < 0 || at + n > size || n > Integer.MAX_VALUE) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate((int) n);
        ch.position(at);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                return null;
            }
        }
        return b;
    }
}
