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
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.stack.SpectralStack;

class CxiReaderTest {

    /** Pixel (row 0, column 0) and (142, 142) of the real file's r and i members, as h5dump/jHDF show them. */
    private static final float R00 = 22.220898f;
    private static final float I00 = 2.6847017f;
    private static final float R_MID = 8.333986f;
    private static final float I_MID = -8.564521f;
    private static final double ENERGY_J = 1.371312e-16;

    @TempDir
    Path tmp;

    @Test
    void realCxiHasSizeEnergyPixelAndValues() throws IOException {
        Path cxi = RealData.niL("ptycho-scan-856eV.cxi");
        SpectralStack s = CxiReader.read(cxi, CxiQuantity.INTENSITY, Double.NaN);
        assertEquals(285, s.width());
        assertEquals(285, s.height());
        assertEquals(1, s.energyCount());
        assertEquals(ENERGY_J / 1.602176634e-19, s.energyEv(0), 1e-9);
        assertEquals(855.91, s.energyEv(0), 0.01);
        // corner_position (0.01461, 0.01461, 0.121) m: lambda z / (2 x) with lambda = hc / E
        double lambdaNm = 1239.84198 / s.energyEv(0);
        assertEquals(lambdaNm * 0.121 / (2 * 0.01461), s.pixelWidthNm(), 1e-9);
        assertEquals(6.00, s.pixelWidthNm(), 0.01);
        assertEquals((double) R00 * R00 + (double) I00 * I00, s.plane(0)[0], 1e-3);
        assertEquals((double) R_MID * R_MID + (double) I_MID * I_MID, s.plane(0)[142 * 285 + 142], 1e-3);
        SpectralStack od = CxiReader.read(cxi, CxiQuantity.OPTICAL_DENSITY, Double.NaN);
        assertEquals(-Math.log((double) R00 * R00 + (double) I00 * I00), od.plane(0)[0], 1e-5);
        SpectralStack phase = CxiReader.read(cxi, CxiQuantity.PHASE, 5.0);
        assertEquals(Math.atan2(I_MID, R_MID), phase.plane(0)[142 * 285 + 142], 1e-6);
        assertEquals(5.0, phase.pixelWidthNm());
        assertEquals(StackReaders.Format.CXI, StackReaders.detect(cxi));
    }

    /** A copy of the real file with every pixel set to O = t·e^{iφ} (by pixel index) and another energy. */
    private Path patchedCopy(String name, double energyEv, float amplitude, float phaseStep) throws IOException {
        byte[] bytes = Files.readAllBytes(RealData.niL("ptycho-scan-856eV.cxi"));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int data = find(bytes, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(R00).putFloat(I00)
                .array());
        int energy = find(bytes, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(ENERGY_J).array());
        for (int i = 0; i < 285 * 285; i++) {
            double phi = phaseStep * (i % 7) - 1.5;
            b.putFloat(data + 8 * i, (float) (amplitude * Math.cos(phi)));
            b.putFloat(data + 8 * i + 4, (float) (amplitude * Math.sin(phi)));
        }
        b.putDouble(energy, energyEv * 1.602176634e-19);
        Path out = tmp.resolve(name);
        Files.write(out, bytes);
        return out;
    }

    private static int find(byte[] hay, byte[] needle) {
        int found = -1;
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            assertEquals(-1, found, "pattern found twice");
            found = i;
        }
        assertTrue(found >= 0, "pattern not found");
        return found;
    }

    @Test
    void seriesOfFilesBecomesOneStackSortedByEnergyWithOdAndPhase() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("series"));
        Files.move(patchedCopy("a.cxi", 860, 0.5f, 0.25f), dir.resolve("a.cxi"));
        Files.move(patchedCopy("b.cxi", 850, 0.8f, 0.25f), dir.resolve("b.cxi"));
        SpectralStack od = StackReaders.read(dir, null, Double.NaN,
                new StackReadOptions(0, 0, CxiQuantity.OPTICAL_DENSITY));
        assertArrayEquals(new double[] {850, 860}, od.energiesEv(), 1e-9);
        assertEquals(-Math.log(0.64), od.plane(0)[123], 1e-6);
        assertEquals(-Math.log(0.25), od.plane(1)[4567], 1e-6);
        SpectralStack phase = CxiReader.read(dir, CxiQuantity.PHASE, Double.NaN);
        assertEquals(0.25 * (123 % 7) - 1.5, phase.plane(0)[123], 1e-6);
        // geometry pixel size follows the lowest energy's wavelength
        assertEquals(1239.84198 / 850 * 0.121 / (2 * 0.01461), phase.pixelWidthNm(), 1e-9);
    }

    @Test
    void zeroTransmissionHasNoOpticalDensity() throws IOException {
        Path zero = patchedCopy("z.cxi", 850, 0f, 0f);
        IOException e = assertThrows(IOException.class, () -> CxiReader.read(zero, CxiQuantity.OPTICAL_DENSITY,
                Double.NaN));
        assertTrue(e.getMessage().contains("81225 pixel(s)") && e.getMessage().contains("|O| = 0"), e.getMessage());
        assertEquals(0f, CxiReader.read(zero, CxiQuantity.INTENSITY, Double.NaN).plane(0)[99]);
    }

    @Test
    void hdf5WithoutTheCxiDatasetsIsNamed() throws IOException {
        Path f = tmp.resolve("empty.cxi");
        try (WritableHdfFile w = HdfFile.write(f)) {
            WritableGroup g = w.putGroup("entry_1").putGroup("image_1");
            g.putDataset("other", new float[] {1, 2});
        }
        IOException e = assertThrows(IOException.class, () -> CxiReader.read(f, CxiQuantity.INTENSITY, Double.NaN));
        assertTrue(e.getMessage().contains("empty.cxi: no dataset /entry_1/image_1/data"), e.getMessage());
        Path real = tmp.resolve("real.cxi");
        try (WritableHdfFile w = HdfFile.write(real)) {
            w.putGroup("entry_1").putGroup("image_1").putDataset("data", new float[][] {{1, 2}, {3, 4}});
        }
        e = assertThrows(IOException.class, () -> CxiReader.read(real, CxiQuantity.INTENSITY, Double.NaN));
        assertTrue(e.getMessage().contains("expected complex numbers"), e.getMessage());
        assertThrows(IOException.class, () -> CxiReader.read(List.of(f, real), CxiQuantity.PHASE, Double.NaN));
    }

    @Test
    void energyInJoulesOrElectronvolts() throws IOException {
        Path f = tmp.resolve("x.cxi");
        assertEquals(856.0, CxiReader.energyEv(f, 856.0 * 1.602176634e-19), 1e-9);
        assertEquals(640.5, CxiReader.energyEv(f, 640.5), 0);
        assertThrows(IOException.class, () -> CxiReader.energyEv(f, 0.5));
    }
}
