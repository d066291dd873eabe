package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.ReferenceCsv;
import org.oxymap.io.TiffStackIO;

/**
 * Issue 10: a stack twice the heap completes with {@code --max-memory} in a JVM of {@value #HEAP_MB} MB, with the
 * same maps and particles as the in-memory run (same default Lanczos resampling and estimation window), read from an
 * uncompressed TIFF and from a chunked, deflated NXstxm file; without it the same
 * JVM stops at once with the one-line advice; and an OutOfMemoryError is one line of advice, not a stack trace.
 */
class LargerThanHeapRunTest {

    static final int HEAP_MB = 48;
    private static final int TILES = 3;
    private static final int ENERGIES = 175;

    @TempDir
    static Path dir;
    private static Path stack;
    private static String refs;
    private static double timeS;

    /** The default phantom (128 px) at 175 energies, tiled 3 × 3: 384 × 384 × 175 floats = 103 MB. */
    @BeforeAll
    static void writeStack() throws IOException {
        PhantomSettings ps = PhantomSettings.defaults();
        timeS = ps.timeS();
        Phantom p = new PhantomGenerator(ps, PhantomGenerator.energiesEv(ENERGIES)).generate(ProgressListener.NONE);
        int n = p.stack().width();
        int big = n * TILES;
        List<float[]> planes = new ArrayList<>();
        for (float[] plane : p.stack().planes()) {
            float[] b = new float[big * big];
            for (int y = 0; y < big; y++) {
                System.arraycopy(plane, (y % n) * n, b, y * big, n);
                for (int t = 1; t < TILES; t++) {
                    System.arraycopy(b, y * big, b, y * big + t * n, n);
                }
            }
            planes.add(b);
        }
        stack = dir.resolve("big.tif");
        SpectralStack s = p.stack();
        TiffStackIO.write(SpectralStack.wrap(planes, big, big, s.energiesEv(), s.pixelWidthNm()), stack);
        List<String> files = new ArrayList<>();
        for (ReferenceSpectrum r : p.references()) {
            Path f = dir.resolve(r.name() + ".csv");
            ReferenceCsv.write(r, f, "od_per_nm");
            files.add(f.toString());
        }
        refs = String.join(",", files);
        nxs = dir.resolve("big.nxs");
        writeNxStxm(planes, big, s.energiesEv(), s.pixelWidthNm(), nxs);
    }

    private static Path nxs;
    private static Path inMemoryRun;

    /** The same stack as an NXstxm file: (energy, sample_y, sample_x) floats, chunked by row bands, deflated. */
    private static void writeNxStxm(List<float[]> planes, int size, double[] energies, double pixelNm, Path file) {
        float[][][] data = new float[planes.size()][size][size];
        for (int k = 0; k < planes.size(); k++) {
            for (int y = 0; y < size; y++) {
                System.arraycopy(planes.get(k), y * size, data[k][y], 0, size);
            }
        }
        double[] xs = new double[size];
        for (int i = 0; i < size; i++) {
            xs[i] = i * pixelNm / 1000;
        }
        try (io.jhdf.WritableHdfFile f = io.jhdf.HdfFile.write(file)) {
            io.jhdf.api.WritableGroup entry = f.putGroup("entry0");
            entry.putAttribute("NX_class", "NXentry");
            entry.putDataset("definition", "NXstxm");
            io.jhdf.api.WritableGroup d = entry.putGroup("counter0");
            d.putAttribute("NX_class", "NXdata");
            d.putAttribute("signal", "data");
            d.putAttribute("axes", new String[] {"energy", "sample_y", "sample_x"});
            d.putDataset("data", data, io.jhdf.api.DatasetCreationOptions.builder().chunkDimensions(1, 32, size)
                    .deflate(1).build());
            d.putDataset("energy", energies).putAttribute("units", "eV");
            d.putDataset("sample_x", xs).putAttribute("units", "um");
            d.putDataset("sample_y", xs).putAttribute("units", "um");
        }
    }

    /** The in-memory run of the TIFF with the default settings, made once for the tests that compare with it. */
    private static synchronized Path inMemoryRun() {
        if (inMemoryRun == null) {
            Path memory = dir.resolve("memory");
            List<String> inMemory = runArgs(memory);
            OxyMapCliTest.Result r = OxyMapCliTest.cli(inMemory.toArray(new String[0]));
            assertEquals(0, r.code(), r.err());
            inMemoryRun = memory;
        }
        return inMemoryRun;
    }

    private static List<String> runArgs(Path out) {
        return new ArrayList<>(List.of("run", "--stack", stack.toString(), "--references", refs, "--out",
                out.toString(), "--time-s", String.valueOf(timeS), "--bootstrap", "0", "--align-window", "128"));
    }

    @Test
    void stackTwiceTheHeapRunsInBandsWithTheInMemoryResults() throws Exception {
        assertTrue(Files.size(stack) > 2 * HEAP_MB * (1 << 20), "stack " + Files.size(stack) + " bytes");
        Path tiled = dir.resolve("tiled");
        List<String> args = runArgs(tiled);
        args.addAll(List.of("--max-memory", "30m"));
        Process p = subprocess(args);
        assertEquals(0, p.exitValue(), output(p));

        assertSameMaps(inMemoryRun(), tiled);
    }

    @Test
    void nxStxmStackTwiceTheHeapRunsInHyperslabsWithTheInMemoryResults() throws Exception {
        long values = 4L * Files.size(stack) / 4; // the same floats as the TIFF; deflated, the file is smaller
        assertTrue(values > 2 * HEAP_MB * (1 << 20), "stack " + values + " bytes");
        Path tiled = dir.resolve("tiled-nxs");
        List<String> args = runArgs(tiled);
        args.set(args.indexOf(stack.toString()), nxs.toString());
        args.addAll(List.of("--max-memory", "30m"));
        Process p = subprocess(args);
        assertEquals(0, p.exitValue(), output(p));
        assertSameMaps(inMemoryRun(), tiled);
    }

    private static void assertSameMaps(Path memory, Path tiled) throws IOException {
        List<Path> maps;
        try (var files = Files.list(memory.resolve("maps"))) {
            maps = files.filter(f -> f.toString().endsWith(".tif")).sorted().toList();
        }
        assertTrue(maps.size() >= 5, "maps " + maps);
        for (Path m : maps) {
            assertArrayEquals(TiffStackIO.readMap(m), TiffStackIO.readMap(tiled.resolve("maps").resolve(m
                    .getFileName())), "map " + m.getFileName());
        }
        assertEquals(Files.readString(memory.resolve("alignment.csv")), Files.readString(tiled.resolve(
                "alignment.csv")), "shifts and I0");
    }

    @Test
    void withoutMaxMemoryTheRunStopsAtOnceWithAdvice() throws Exception {
        Path out = dir.resolve("refused");
        Process p = subprocess(runArgs(out));
        String text = output(p);
        assertEquals(1, p.exitValue(), text);
        assertTrue(text.contains("--max-memory") && text.contains("OXYMAP_JAVA_OPTS=-Xmx"), text);
        assertEquals(1, text.strip().lines().filter(l -> l.startsWith("oxymap: error")).count(), text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
        assertFalse(Files.exists(out), "no results folder");
    }

    @Test
    void outOfMemoryIsOneLineOfAdvice() throws Exception {
        // the benchmark has no estimate: its 1024 x 1024 x 20 phantom cannot fit in the small heap
        Process p = subprocess(List.of("bench", "--size", "1024", "--energies", "20", "--reps", "1"));
        String text = output(p);
        assertEquals(1, p.exitValue(), text);
        assertTrue(text.contains("out of memory") && text.contains("--max-memory")
                && text.contains("OXYMAP_JAVA_OPTS=-Xmx"), text);
        assertFalse(text.contains("\tat ") || text.contains("Exception in thread"), "no stack trace: " + text);
    }

    private static Process subprocess(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + HEAP_MB + "m", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), OxyMapCli.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("subprocess-" + System.nanoTime() + ".log").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("subprocess did not finish: " + command);
        }
        return p;
    }

    private static String output(Process p) throws IOException {
        try (var logs = Files.list(dir)) {
            StringBuilder b = new StringBuilder();
            for (Path f : logs.filter(f -> f.getFileName().toString().startsWith("subprocess-")).sorted().toList()) {
                b.append(Files.readString(f, StandardCharsets.UTF_8));
                Files.delete(f);
            }
            return b.toString();
        }
    }
}
