package org.oxymap.core.pipeline;

import java.util.Locale;

import org.oxymap.core.align.PixelRectangle;

/**
 * How much heap a run needs, estimated before it starts from the stack's size, so that a run that will not fit
 * stops at once with advice instead of failing with an OutOfMemoryError an hour in.
 *
 * <p>In memory, the stack is held three times at the peak: the stack as read, the aligned copy and the
 * optical-density copy (the readers' own buffers are of the same order while reading). The 2-D stages keep about
 * {@value #MAP_COPIES} + 3 per reference whole float maps (fit maps, mean image, labels, distances, their working
 * copies). A tiled run ({@link TiledPipeline}) keeps the maps, a few estimation windows and whole planes, plus per
 * row of a band two copies of the row at every energy (aligned and OD) and the band's own fit maps; each energy's
 * rows are read with a margin, one energy at a time.
 */
public final class MemoryEstimate {

    /** Copies of the stack held at once by the in-memory path. */
    public static final int STACK_COPIES = 3;

    /** Whole float maps held by the 2-D stages, besides three per reference. */
    static final int MAP_COPIES = 16;

    /** Copies of a band row at every energy held by a tiled run: the aligned band and its optical density. */
    static final int BAND_COPIES = 2;

    /** Float maps per pixel of a band's own fit (3 per reference and a few more), counted generously. */
    static final int BAND_MAPS = 24;

    private MemoryEstimate() {
    }

    /** Bytes of the whole 2-D maps and their working copies. */
    public static long mapBytes(int width, int height, int references) {
        return 4L * width * height * (MAP_COPIES + 3L * references);
    }

    /** Bytes an in-memory run of a {@code width × height × energies} stack needs at its peak. */
    public static long inMemoryBytes(int width, int height, int energies, int references) {
        return STACK_COPIES * 4L * width * height * energies + mapBytes(width, height, references);
    }

    /**
     * Bytes a tiled run holds besides its band: the maps, whole planes (one read at a time, plus the mean image) and
     * the estimation windows in flight (read again when needed; {@value #WINDOWS_IN_FLIGHT} at a time with their FFT
     * buffers: the mean, the reference and a few per thread).
     */
    public static long tiledFixedBytes(int width, int height, int energies, int references, PixelRectangle window) {
        return mapBytes(width, height, references) + 4L * 4 * window.width() * window.height() * WINDOWS_IN_FLIGHT
                + 3L * 4 * width * height;
    }

    /** Estimation windows (float, or double complex counted as four) held at once while estimating the drift. */
    static final int WINDOWS_IN_FLIGHT = 12;

    /** Bytes a tiled run needs per row of its band. */
    public static long tiledBytesPerRow(int width, int energies) {
        return BAND_COPIES * 4L * width * energies + 4L * width * BAND_MAPS;
    }

    /**
     * Bytes for the margin rows a band is read with, one energy at a time: the rows as read, their logarithm and the
     * resampled rows.
     */
    public static long tiledMarginBytes(int width, int marginRows) {
        return 3L * 4 * width * 2 * marginRows;
    }

    /**
     * Parses a size as the command line gives it: a number of bytes with an optional suffix k, m, g or t (powers of
     * 1024, case-insensitive, optional trailing b), e.g. {@code 512m}, {@code 2g}, {@code 1.5G}.
     *
     * @throws IllegalArgumentException naming the parameter and the accepted forms
     */
    public static long parseSize(String text, String parameter) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                case 't' -> unit = 1L << 40;
                default -> unit = 1;
            }
            if (unit > 1) {
                t = t.substring(0, t.length() - 1);
            }
        }
        try {
            double v = Double.parseDouble(t);
            if (v > 0 && Double.isFinite(v)) {
                return (long) (v * unit);
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException("parameter " + parameter + " is '" + text
                + "', expected a size such as 512m, 2g or 1.5g");
    }

    /** A byte count for messages: e.g. {@code 1.4 GB}, {@code 300 MB}. */
    public static String format(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MB", (bytes + (1L << 20) - 1) >> 20);
    }

    /**
     * The one-line advice when a run of {@code needed} bytes does not fit in a heap of {@code heap} bytes: tiles, or
     * a larger heap.
     */
    public static String advice(long needed, long heap) {
        return String.format(Locale.ROOT, "this run needs about %s of memory but the Java heap is %s: process it in "
                + "tiles with --max-memory %s (e.g.), or raise the heap with OXYMAP_JAVA_OPTS=-Xmx%dg",
                format(needed), format(heap), suggestion(heap), Math.max(1, (needed * 5 / 4 + (1L << 30) - 1) >> 30));
    }

    /**
     * The system property that stands in for the Java heap in the memory checks (a size such as {@code 64m}): the
     * checks and their advice can then be tried, and tested, without starting a JVM with a small heap.
     */
    public static final String HEAP_PROPERTY = "oxymap.heap";

    /** The heap the memory checks compare with: {@value #HEAP_PROPERTY} when set, else the JVM's maximum heap. */
    public static long heapBytes() {
        String p = System.getProperty(HEAP_PROPERTY);
        return p == null || p.isBlank() ? Runtime.getRuntime().maxMemory() : parseSize(p, HEAP_PROPERTY);
    }

    /** Where a run was started, which decides what the advice can offer (tiles exist only in {@code oxymap run}). */
    public enum Front {
        /** {@code oxymap run}: tiles with --max-memory, or a larger heap. */
        RUN,
        /** One stack of {@code oxymap batch}: that stack alone in tiles with oxymap run, or a larger heap. */
        BATCH,
        /** {@code oxymap demo}: a larger heap. */
        DEMO,
        /** The Fiji / ImageJ Run Pipeline entry: Fiji's memory setting, or the command line in tiles. */
        FIJI
    }

    /**
     * The one-line advice for a run started from {@code front} that needs {@code needed} bytes in a heap of
     * {@code heap} bytes.
     */
    public static String advice(long needed, long heap, Front front) {
        long gb = Math.max(1, (needed * 5 / 4 + (1L << 30) - 1) >> 30);
        return switch (front) {
            case RUN -> advice(needed, heap);
            case BATCH -> String.format(Locale.ROOT, "this stack needs about %s of memory but the Java heap is %s: "
                    + "run it on its own in tiles with oxymap run --max-memory %s (e.g.), or raise the heap with "
                    + "OXYMAP_JAVA_OPTS=-Xmx%dg", format(needed), format(heap), suggestion(heap), gb);
            case DEMO -> String.format(Locale.ROOT, "the demo needs about %s of memory but the Java heap is %s: raise "
                    + "the heap with OXYMAP_JAVA_OPTS=-Xmx%dg", format(needed), format(heap), gb);
            case FIJI -> String.format(Locale.ROOT, "this run needs about %s of memory but ImageJ's heap is %s: raise "
                    + "it to at least %d GB in Edit > Options > Memory & Threads and restart, or run the stack in "
                    + "tiles from the command line with oxymap run --max-memory %s", format(needed), format(heap), gb,
                    suggestion(heap));
        };
    }

    /** Advice after an OutOfMemoryError in a run started from {@code front}, when no estimate was at hand. */
    public static String outOfMemoryAdvice(long heap, Front front) {
        long gb = Math.max(2, 2 * ((heap + (1L << 30) - 1) >> 30));
        return switch (front) {
            case RUN, DEMO -> outOfMemoryAdvice(heap);
            case BATCH -> "out of memory (Java heap " + format(heap) + "): run this stack on its own in tiles with "
                    + "oxymap run --max-memory " + suggestion(heap) + ", use fewer --jobs, or raise the heap with "
                    + "OXYMAP_JAVA_OPTS=-Xmx" + gb + "g (e.g.)";
            case FIJI -> "out of memory (ImageJ's heap is " + format(heap) + "): raise it in Edit > Options > Memory & "
                    + "Threads (e.g. to " + gb + " GB) and restart, or run the stack in tiles from the command line "
                    + "with oxymap run --max-memory " + suggestion(heap);
        };
    }

    /** Advice after an OutOfMemoryError, when no estimate was at hand. */
    public static String outOfMemoryAdvice(long heap) {
        return "out of memory (Java heap " + format(heap) + "): process the stack in tiles with --max-memory "
                + suggestion(heap) + " (oxymap run), or raise the heap with OXYMAP_JAVA_OPTS=-Xmx<size>, e.g. -Xmx"
                + Math.max(2, 2 * ((heap + (1L << 30) - 1) >> 30)) + "g";
    }

    private static String suggestion(long heap) {
        long m = (long) (heap * 0.75) >> 20;
        return m >= 2048 ? (m >> 10) + "g" : m + "m";
    }
}
