package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.stack.SpectralStack;

/** aXis2000 .ncb/.dat and Stony Brook .stk files written here with known values. */
class BinaryStackReadersTest {

    @TempDir
    Path tmp;

    /** 3 x 2 pixels, 2 energies; value(k, y, x) = 100·k + 10·y + x. */
    private static float value(int k, int y, int x) {
        return 100 * k + 10 * y + x;
    }

    static Path writeStk(Path file, double[] energies, float[] dwell) throws IOException {
        int nx = 3;
        int ny = 2;
        int ne = energies.length;
        ByteBuffer b = ByteBuffer.allocate(12 + 4 * (nx + ny + 2 * ne) + 4 * nx * ny * ne).order(ByteOrder.BIG_ENDIAN);
        b.putInt(nx).putInt(ny).putInt(ne);
        for (int x = 0; x < nx; x++) {
            b.putFloat(10f + 0.04f * x);
        }
        for (int y = 0; y < ny; y++) {
            b.putFloat(-2f + 0.05f * y);
        }
        for (double e : energies) {
            b.putFloat((float) e);
        }
        for (float d : dwell) {
            b.putFloat(d);
        }
        for (int k = 0; k < ne; k++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    b.putFloat(value(k, y, x));
                }
            }
        }
        Files.write(file, b.array());
        return file;
    }

    @Test
    void stonyBrookStackHasValuesEnergiesPixelAndDwell() throws IOException {
        Path f = writeStk(tmp.resolve("s.stk"), new double[] {640.5, 642}, new float[] {1.5f, 1.5f});
        SpectralStack s = StonyBrookStkReader.read(f, Double.NaN);
        assertEquals(3, s.width());
        assertEquals(2, s.height());
        assertArrayEquals(new double[] {640.5, 642}, s.energiesEv());
        assertEquals(value(1, 1, 2), s.plane(1)[5]);
        assertEquals(value(0, 1, 0), s.plane(0)[3]);
        assertEquals(40.0, s.pixelWidthNm(), 1e-3); // float32 positions
        assertEquals(50.0, s.pixelHeightNm(), 1e-3);
        assertEquals(1.5, s.dwellMs().orElseThrow(), 0);
        assertEquals(StackReaders.Format.STONY_BROOK_STK, StackReaders.detect(f));
        // differing dwell times: no single dwell
        Path g = writeStk(tmp.resolve("g.stk"), new double[] {640.5, 642}, new float[] {1f, 2f});
        assertTrue(StonyBrookStkReader.read(g, Double.NaN).dwellMs().isEmpty());
    }

    @Test
    void truncatedStkIsRefusedWithSizes() throws IOException {
        Path f = writeStk(tmp.resolve("t.stk"), new double[] {640.5, 642}, new float[] {1, 1});
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 5));
        IOException e = assertThrows(IOException.class, () -> StonyBrookStkReader.read(f, Double.NaN));
        assertTrue(e.getMessage().contains("3 x 2 x 2 stack takes " + all.length) && e.getMessage().contains(
                "truncated"), e.getMessage());
    }

    private Path writeNcb(String base, double scale, boolean reversedX, boolean dwell) throws IOException {
        int nx = 3;
        int ny = 2;
        double[] energies = {850.25, 851.0};
        StringBuilder dat = new StringBuilder();
        dat.append('\t').append(nx).append('\t').append(ny).append('\t').append(scale).append('\n');
        dat.append(reversedX ? "\t0.060000\t0.000000\n" : "\t0.000000\t0.060000\n");
        dat.append("\t0.000000\t0.025000\n\t2\n");
        for (double e : energies) {
            dat.append('\t').append(e).append('\n');
        }
        if (dwell) {
            for (int k = 0; k < 2; k++) {
                dat.append("image").append(k + 1).append('\t').append(energies[k]).append("\t2.000000\n");
            }
        }
        Files.writeString(tmp.resolve(base + ".dat"), dat.toString());
        ByteBuffer b = ByteBuffer.allocate(nx * ny * 2 * (scale > 0 ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < 2; k++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    if (scale > 0) {
                        b.putShort((short) Math.round(value(k, y, x) * scale));
                    } else {
                        b.putFloat(value(k, y, x) + 0.25f);
                    }
                }
            }
        }
        Path ncb = tmp.resolve(base + ".ncb");
        Files.write(ncb, b.array());
        return ncb;
    }

    @Test
    void axisNcbScaledIntegersAndFloats() throws IOException {
        SpectralStack s = AxisNcbReader.read(writeNcb("i", 10.0, false, true), Double.NaN);
        assertArrayEquals(new double[] {850.25, 851.0}, s.energiesEv());
        assertEquals(value(1, 1, 2), s.plane(1)[5], 1e-6);
        assertEquals(value(0, 0, 1), s.plane(0)[1], 1e-6);
        assertEquals(30.0, s.pixelWidthNm(), 1e-9);
        assertEquals(25.0, s.pixelHeightNm(), 1e-9);
        assertEquals(2.0, s.dwellMs().orElseThrow(), 0);
        SpectralStack f = AxisNcbReader.read(writeNcb("f", -1.0, false, false), Double.NaN);
        assertEquals(value(1, 0, 2) + 0.25f, f.plane(1)[2]);
        assertTrue(f.dwellMs().isEmpty());
        assertEquals(StackReaders.Format.AXIS_NCB, StackReaders.detect(tmp.resolve("f.ncb")));
        assertEquals(StackReaders.Format.AXIS_NCB, StackReaders.detect(tmp.resolve("f.dat")));
    }

    @Test
    void axisNcbMirrorsAnAxisWhoseStartExceedsItsStop() throws IOException {
        SpectralStack s = AxisNcbReader.read(writeNcb("r", 10.0, true, false), Double.NaN);
        assertEquals(value(0, 0, 2), s.plane(0)[0], 1e-6);
        assertEquals(value(0, 0, 0), s.plane(0)[2], 1e-6);
    }

    @Test
    void axisNcbErrorsNameTheFileAndWhatWasExpected() throws IOException {
        Path ncb = writeNcb("e", 10.0, false, false);
        Files.write(ncb, Arrays.copyOf(Files.readAllBytes(ncb), 10));
        IOException e = assertThrows(IOException.class, () -> AxisNcbReader.read(ncb, Double.NaN));
        assertTrue(e.getMessage().contains("e.ncb: 10 bytes, expected 24") && e.getMessage().contains("truncated"),
                e.getMessage());
        Files.writeString(tmp.resolve("e.dat"), "\t3\t2\t10\n\t0 0.06\n\t0 0.025\n\t3\n\t850\n\t851\n");
        e = assertThrows(IOException.class, () -> AxisNcbReader.read(ncb, Double.NaN));
        assertTrue(e.getMessage().contains("2 energy lines after line 4, expected 3"), e.getMessage());
        Files.delete(tmp.resolve("e.dat"));
        e = assertThrows(IOException.class, () -> AxisNcbReader.read(ncb, Double.NaN));
        assertTrue(e.getMessage().contains("e.dat"), e.getMessage());
    }
}
