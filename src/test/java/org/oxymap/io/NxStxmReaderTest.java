package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.stack.SpectralStack;

class NxStxmReaderTest {

    @TempDir
    Path tmp;

    /** Value at energy k, row y, column x of the written stacks: 1000·k + 10·y + x + 1. */
    private static float v(int k, int y, int x) {
        return 1000 * k + 10 * y + x + 1;
    }

    /**
     * An NXstxm file with 2 energies (written in decreasing order, 710 then 700 eV), 3 rows, 4 columns; with
     * {@code permuted} the signal is stored (sample_y, sample_x, energy) and says so in @axes.
     */
    static Path write(Path file, boolean permuted, String definition, boolean withData, double[] monitor)
            throws IOException {
        try (WritableHdfFile f = HdfFile.write(file)) {
            WritableGroup entry = f.putGroup("entry1");
            entry.putAttribute("NX_class", "NXentry");
            entry.putDataset("definition", definition);
            WritableGroup d = entry.putGroup("counter0");
            d.putAttribute("NX_class", "NXdata");
            d.putAttribute("signal", "counts");
            if (permuted) {
                int[][][] data = new int[3][4][2];
                for (int k = 0; k < 2; k++) {
                    for (int y = 0; y < 3; y++) {
                        for (int x = 0; x < 4; x++) {
                            data[y][x][k] = (int) v(k, y, x);
                        }
                    }
                }
                d.putAttribute("axes", new String[] {"sample_y", "sample_x", "energy"});
                if (withData) {
                    d.putDataset("counts", data);
                }
            } else {
                float[][][] data = new float[2][3][4];
                for (int k = 0; k < 2; k++) {
                    for (int y = 0; y < 3; y++) {
                        for (int x = 0; x < 4; x++) {
                            data[k][y][x] = v(k, y, x);
                        }
                    }
                }
                d.putAttribute("axes", new String[] {"energy", "sample_y", "sample_x"});
                if (withData) {
                    d.putDataset("counts", data);
                }
            }
            d.putDataset("energy", new double[] {710, 700}).putAttribute("units", "eV");
            WritableDataset sx = d.putDataset("sample_x", permuted ? new double[] {100, 130, 160, 190}
                    : new double[] {-1.0, -0.975, -0.95, -0.925});
            sx.putAttribute("units", permuted ? "nm" : "um");
            d.putDataset("sample_y", new double[] {5.0, 5.04, 5.08}).putAttribute("units", "um");
            d.putDataset("count_time", new double[] {0.002, 0.002}).putAttribute("units", "s");
            if (monitor != null) {
                WritableGroup m = entry.putGroup("control");
                m.putAttribute("NX_class", "NXmonitor");
                m.putDataset("data", monitor);
            }
        }
        return file;
    }

    @Test
    void readsSignalAxesPositionsDwellAndMonitor() throws IOException {
        Path f = write(tmp.resolve("a.nxs"), false, "NXstxm", true, new double[] {2000, 1000});
        SpectralStack s = NxStxmReader.read(f, 0, Double.NaN);
        assertEquals(4, s.width());
        assertEquals(3, s.height());
        assertArrayEquals(new double[] {700, 710}, s.energiesEv());
        // 700 eV was written second (k = 1)
        assertEquals(v(1, 2, 3), s.plane(0)[2 * 4 + 3]);
        assertEquals(v(0, 1, 0), s.plane(1)[4]);
        assertEquals(25.0, s.pixelWidthNm(), 1e-9);
        assertEquals(40.0, s.pixelHeightNm(), 1e-9);
        assertEquals(2.0, s.dwellMs().orElseThrow(), 1e-12);
        assertArrayEquals(new double[] {1000, 2000}, s.i0OrNull());
        assertEquals(StackReaders.Format.NXSTXM, StackReaders.detect(f));
        assertEquals(v(1, 0, 0), StackReaders.read(f, null, Double.NaN).plane(0)[0]);
    }

    @Test
    void axesAttributeGivesTheStorageOrder() throws IOException {
        Path f = write(tmp.resolve("p.h5"), true, "NXstxm", true, null);
        SpectralStack s = NxStxmReader.read(f, 0, Double.NaN);
        assertEquals(4, s.width());
        assertEquals(3, s.height());
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(v(1, y, x), s.plane(0)[y * 4 + x]);
                assertEquals(v(0, y, x), s.plane(1)[y * 4 + x]);
            }
        }
        assertEquals(30.0, s.pixelWidthNm(), 1e-9); // sample_x in nm
        assertEquals(null, s.i0OrNull());
    }

    @Test
    void missingDatasetsAndOtherDefinitionsAreNamed() throws IOException {
        Path noData = write(tmp.resolve("n.nxs"), false, "NXstxm", false, null);
        IOException e = assertThrows(IOException.class, () -> NxStxmReader.read(noData, 0, Double.NaN));
        assertTrue(e.getMessage().contains("n.nxs: no dataset /entry1/counter0/counts"), e.getMessage());
        Path other = write(tmp.resolve("o.nxs"), false, "NXtomo", true, null);
        e = assertThrows(IOException.class, () -> NxStxmReader.read(other, 0, Double.NaN));
        assertTrue(e.getMessage().contains("no NXentry with definition = NXstxm") && e.getMessage().contains("NXtomo"),
                e.getMessage());
        Path f = write(tmp.resolve("c.nxs"), false, "NXstxm", true, null);
        e = assertThrows(IOException.class, () -> NxStxmReader.read(f, 1, Double.NaN));
        assertTrue(e.getMessage().contains("channel 1") && e.getMessage().contains("[counter0]"), e.getMessage());
    }

    @Test
    void zeroMonitorIsRefused() throws IOException {
        Path f = write(tmp.resolve("z.nxs"), false, "NXstxm", true, new double[] {1000, 0});
        IOException e = assertThrows(IOException.class, () -> NxStxmReader.read(f, 0, Double.NaN));
        assertTrue(e.getMessage().contains("monitor /entry1/control/data is 0.0") && e.getMessage().contains(
                "positive I0"), e.getMessage());
    }
}
