package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.stack.SpectralStack;

/**
 * Random, truncated and bit-flipped bytes fed to every reader through the dispatcher: each must finish quickly
 * and either read a stack or throw an IOException, never another exception, an error or a hang.
 */
class StackReadersFuzzTest {

    @TempDir
    Path tmp;

    private interface Reader {
        SpectralStack read(Path p) throws IOException;
    }

    /** Valid seed files of each format, written here (and the real ones when present). */
    private List<Path> seeds() throws IOException {
        List<Path> seeds = new ArrayList<>();
        seeds.add(BinaryStackReadersTest.writeStk(tmp.resolve("seed.stk"), new double[] {640, 641},
                new float[] {1, 1}));
        seeds.add(NxStxmReaderTest.write(tmp.resolve("seed.nxs"), false, "NXstxm", true, new double[] {1, 2}));
        Path hdr = tmp.resolve("seed.hdr");
        Files.writeString(hdr, "ScanDefinition = { Type = \"NEXAFS Image Scan\"; Dwell = 1;\r\n Regions = (1,\r\n"
                + "{ PAxis = { Points = (3, 1.0, 1.05, 1.10);};\r\n QAxis = { Points = (2, 5.0, 5.08);};\r\n});\r\n"
                + " StackAxis = { Points = (2, 700, 701);};\r\n Channels = (1,\r\n{ Name = \"c\";});\r\n};\r\n"
                + "Image000_0 = {Energy = 700.00;};\r\nImage001_0 = {Energy = 701.00;};\r\n");
        Files.writeString(tmp.resolve("seed_a000.xim"), "1\t2\t3\t\r\n4\t5\t6\t\r\n");
        Files.writeString(tmp.resolve("seed_a001.xim"), "1\t2\t3\t\r\n4\t5\t6\t\r\n");
        seeds.add(hdr);
        seeds.add(tmp.resolve("seed_a001.xim"));
        Files.writeString(tmp.resolve("seed.dat"), "\t3\t2\t-1\n\t0 0.06\n\t0 0.025\n\t1\n\t850\nimage1\t850\t2\n");
        Files.write(tmp.resolve("seed.ncb"), new byte[24]);
        seeds.add(tmp.resolve("seed.ncb"));
        seeds.add(tmp.resolve("seed.dat"));
        Path tif = tmp.resolve("seed.tif");
        TiffStackIO.write(SpectralStack.wrap(List.of(new float[] {1, 2, 3, 4}), 2, 2, new double[] {700}, 5), tif);
        seeds.add(tif);
        String root = System.getProperty("oxymap.realdata", "../shared/realdata");
        Path cxi = Path.of(root, "ni_L_stxm_ptycho_xanespy", "ptycho-scan-856eV.cxi");
        if (Files.isRegularFile(cxi)) {
            seeds.add(Files.copy(cxi, tmp.resolve("seed.cxi")));
        } else {
            System.out.println("StackReadersFuzzTest: real CXI file not found, fuzzing CXI with random bytes only");
        }
        return seeds;
    }

    @Test
    void damagedFilesGiveIOExceptionsOnly() throws IOException {
        List<Path> seeds = seeds();
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            int cases = 0;
            for (int s = 0; s < seeds.size(); s++) {
                Path seed = seeds.get(s);
                byte[] original = Files.readAllBytes(seed);
                Path victim = seed; // damaged in place; an .xim is read through its header, a .dat through its .ncb
                Random rnd = new Random(1000 + s);
                int n = seed.toString().endsWith(".cxi") ? 40 : 50;
                for (int c = 0; c < n; c++) {
                    byte[] bytes = mutate(original, rnd, c);
                    Files.write(victim, bytes);
                    Path open = victim.toString().endsWith(".xim") ? victim.resolveSibling("seed.hdr")
                            : victim.toString().endsWith(".dat") ? victim.resolveSibling("seed.ncb") : victim;
                    check(open, p -> StackReaders.read(p, null, Double.NaN), seed.getFileName() + " case " + c
                            + " (" + bytes.length + " bytes)");
                    cases++;
                }
                Files.write(seed, original);
            }
            // random bytes under every extension
            Random rnd = new Random(7);
            for (String ext : new String[] {"hdr", "nxs", "cxi", "ncb", "stk", "tif"}) {
                for (int c = 0; c < 10; c++) {
                    byte[] bytes = new byte[rnd.nextInt(4096)];
                    rnd.nextBytes(bytes);
                    if (c % 3 == 0 && bytes.length > 8) {
                        System.arraycopy(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, 0, bytes, 0,
                                8);
                    }
                    Path p = tmp.resolve("random" + c + "." + ext);
                    Files.write(p, bytes);
                    check(p, q -> StackReaders.read(q, null, Double.NaN), p.getFileName().toString());
                    cases++;
                }
            }
            System.out.println("StackReadersFuzzTest: " + cases + " damaged files, IOException or a stack each");
        });
    }

    /** Truncation, random byte changes, or a random block of bytes, by case number. */
    private static byte[] mutate(byte[] original, Random rnd, int c) {
        switch (c % 3) {
            case 0:
                return Arrays.copyOf(original, rnd.nextInt(Math.max(1, original.length)));
            case 1: {
                byte[] b = original.clone();
                int flips = 1 + rnd.nextInt(8);
                for (int i = 0; i < flips && b.length > 0; i++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                return b;
            }
            default: {
                byte[] b = original.clone();
                if (b.length > 0) {
                    int at = rnd.nextInt(b.length);
                    int len = Math.min(b.length - at, 1 + rnd.nextInt(64));
                    for (int i = 0; i < len; i++) {
                        b[at + i] = (byte) rnd.nextInt(256);
                    }
                }
                return b;
            }
        }
    }

    private static void check(Path p, Reader r, String what) {
        try {
            r.read(p);
        } catch (IOException expected) {
            // the readers' documented error
        } catch (Throwable t) {
            t.printStackTrace();
            fail(what + ": " + t.getClass().getName() + " instead of an IOException: " + t.getMessage(), t);
        }
    }
}
