package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

class AlsStxmReaderTest {

    @TempDir
    Path tmp;

    /** Line y, column x of a real .xim, read independently of the reader. */
    private static float ximValue(Path xim, int x, int y) throws IOException {
        List<String> lines = Files.readAllLines(xim);
        return Float.parseFloat(lines.get(y).trim().split("\\s+")[x]);
    }

    @Test
    void realAlsStackHasHeaderEnergiesSizePixelAndValues() throws IOException {
        Path hdr = RealData.niL("stxm-scan.hdr");
        SpectralStack s = AlsStxmReader.read(hdr, 0, 0, Double.NaN);
        assertEquals(120, s.width());
        assertEquals(120, s.height());
        assertArrayEquals(new double[] {853.0, 857.75}, s.energiesEv(), 1e-9);
        // PAxis points -0.6180 ... 2.6163 um over 119 steps; QAxis 7.2496 ... 10.4840 um
        assertEquals((2.6163 + 0.6180) / 119 * 1000, s.pixelWidthNm(), 1e-9);
        assertEquals((10.4840 - 7.2496) / 119 * 1000, s.pixelHeightNm(), 1e-9);
        assertEquals(27.179, s.pixelWidthNm(), 1e-3);
        assertEquals(4.0, s.dwellMs().orElseThrow(), 0);
        // the first values of the files, as seen with a text editor
        assertEquals(19447f, s.plane(0)[0]);
        assertEquals(19068f, s.plane(0)[1]);
        Path a003 = hdr.resolveSibling("stxm-scan_a003.xim");
        Path a019 = hdr.resolveSibling("stxm-scan_a019.xim");
        for (int[] p : new int[][] {{0, 0}, {119, 0}, {57, 64}, {0, 119}, {119, 119}}) {
            assertEquals(ximValue(a003, p[0], p[1]), s.plane(0)[p[1] * 120 + p[0]], "853 eV at " + p[0] + "," + p[1]);
            assertEquals(ximValue(a019, p[0], p[1]), s.plane(1)[p[1] * 120 + p[0]], "857.75 eV at " + p[0] + "," + p[1]);
        }
        assertEquals(18907f, s.plane(0)[119 * 120 + 112]); // last line of a003 starts its last 8 values with 18907
    }

    /** A header with {@code regions} regions of 3 x 2 pixels, {@code channels} channels, energies, no Image entries. */
    private Path header(String base, int regions, int channels, double... energies) throws IOException {
        StringBuilder sb = new StringBuilder("ScanDefinition = { Label = \"" + base + ".hdr\"; Type = \"NEXAFS Image "
                + "Scan\"; Flags = \"Image Stack\"; Dwell = 1.5;\r\n\tRegions = (" + regions);
        for (int r = 0; r < regions; r++) {
            sb.append(",\r\n{ PAxis = { Name = \"Sample X\"; Unit = \"um\"; Points = (3, 1.0, 1.05, 1.10);};\r\n")
                    .append("QAxis = { Name = \"Sample Y\"; Unit = \"um\"; Points = (2, 5.0, 5.08);};\r\n}");
        }
        sb.append(");\r\n\tStackAxis = { Name = \"Energy\"; Unit = \"eV\"; Points = (").append(energies.length);
        for (double e : energies) {
            sb.append(", ").append(e);
        }
        sb.append(");};\r\n\tChannels = (").append(channels);
        for (int c = 0; c < channels; c++) {
            sb.append(",\r\n{ Name = \"ch").append(c).append("\"; Unit = \"counts\";}");
        }
        sb.append(");\r\n};\r\n Time = \"2018 November 10\"; ZP_dest= -5682.64;\r\n");
        Path hdr = tmp.resolve(base + ".hdr");
        Files.writeString(hdr, sb.toString());
        return hdr;
    }

    private void xim(String name, float... v) throws IOException {
        Files.writeString(tmp.resolve(name), v[0] + "\t" + v[1] + "\t" + v[2] + "\t\r\n" + v[3] + "\t" + v[4] + "\t"
                + v[5] + "\t\r\n");
    }

    @Test
    void imagesCountFromZeroWithoutImageEntriesAndChannelAndRegionPickTheFile() throws IOException {
        Path hdr = header("s", 2, 2, 700, 701.5);
        xim("s_a0000.xim", 1, 2, 3, 4, 5, 6);
        xim("s_a0010.xim", 11, 12, 13, 14, 15, 16);
        xim("s_b0001.xim", 21, 22, 23, 24, 25, 26);
        xim("s_b0011.xim", 31, 32, 33, 34, 35, 36);
        SpectralStack r0 = AlsStxmReader.read(hdr, 0, 0, Double.NaN);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, r0.plane(0));
        assertArrayEquals(new float[] {11, 12, 13, 14, 15, 16}, r0.plane(1));
        assertEquals(50.0, r0.pixelWidthNm(), 1e-9);
        assertEquals(80.0, r0.pixelHeightNm(), 1e-9);
        assertEquals(1.5, r0.dwellMs().orElseThrow(), 0);
        SpectralStack r1 = AlsStxmReader.read(hdr, 1, 1, 12.5);
        assertArrayEquals(new float[] {31, 32, 33, 34, 35, 36}, r1.plane(1));
        assertEquals(12.5, r1.pixelWidthNm());
        IOException e = assertThrows(IOException.class, () -> AlsStxmReader.read(hdr, 2, 0, Double.NaN));
        assertTrue(e.getMessage().contains("region 2") && e.getMessage().contains("0 to 1"), e.getMessage());
        e = assertThrows(IOException.class, () -> AlsStxmReader.read(hdr, 0, 5, Double.NaN));
        assertTrue(e.getMessage().contains("channel 5") && e.getMessage().contains("2 channel"), e.getMessage());
    }

    @Test
    void imageEntriesMapImageNumbersToEnergiesAndDecreasingScansAreSorted() throws IOException {
        Path hdr = header("d", 1, 1, 702, 700);
        Files.writeString(hdr, Files.readString(hdr) + "Image007_0 = {StorageRingCurrent = 0.00; Energy = 702.00;};\r\n"
                + "Image002_0 = {Energy = 700.00; Time = \"x\";};\r\n");
        xim("d_a007.xim", 7, 7, 7, 7, 7, 7);
        xim("d_a002.xim", 2, 2, 2, 2, 2, 2);
        SpectralStack s = AlsStxmReader.read(hdr, 0, 0, Double.NaN);
        assertArrayEquals(new double[] {700, 702}, s.energiesEv());
        assertEquals(2f, s.plane(0)[0]);
        assertEquals(7f, s.plane(1)[5]);
    }

    @Test
    void truncatedXimNamesFileAndLine() throws IOException {
        Path hdr = header("t", 1, 1, 700, 701);
        xim("t_a000.xim", 1, 2, 3, 4, 5, 6);
        Files.writeString(tmp.resolve("t_a001.xim"), "1\t2\t3\t\r\n4\t5");
        IOException e = assertThrows(IOException.class, () -> AlsStxmReader.read(hdr, 0, 0, Double.NaN));
        assertTrue(e.getMessage().contains("t_a001.xim, line 2: 2 values, expected 3"), e.getMessage());
        Files.writeString(tmp.resolve("t_a001.xim"), "1\t2\t3\t\r\n");
        e = assertThrows(IOException.class, () -> AlsStxmReader.read(hdr, 0, 0, Double.NaN));
        assertTrue(e.getMessage().contains("t_a001.xim: 1 rows, expected 2"), e.getMessage());
    }

    @Test
    void missingImageFileIsNamed() throws IOException {
        Path hdr = header("m", 1, 1, 700, 701);
        xim("m_a000.xim", 1, 2, 3, 4, 5, 6);
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> AlsStxmReader.read(hdr, 0, 0, Double.NaN));
        assertTrue(e.getFile().endsWith("m_a001.xim") && e.getReason().contains("701.0 eV"), e.getReason());
    }

    @Test
    void energyCountThatDisagreesWithTheImagesIsRefused() throws IOException {
        Path hdr = header("c", 1, 1, 700, 701);
        xim("c_a000.xim", 1, 2, 3, 4, 5, 6);
        xim("c_a001.xim", 1, 2, 3, 4, 5, 6);
        xim("c_a002.xim", 1, 2, 3, 4, 5, 6);
        IOException e = assertThrows(IOException.class, () -> AlsStxmReader.read(hdr, 0, 0, Double.NaN));
        assertTrue(e.getMessage().contains("lists 2 energies") && e.getMessage().contains("c_a002.xim"),
                e.getMessage());
        // the count in front of an array disagrees with its elements
        Files.writeString(hdr, Files.readString(hdr).replace("Points = (2, 700.0", "Points = (3, 700.0"));
        e = assertThrows(IOException.class, () -> AlsStxmReader.read(hdr, 0, 0, Double.NaN));
        assertTrue(e.getMessage().contains("StackAxis.Points says 3 elements but lists 2"), e.getMessage());
        // Image entries for fewer energies than StackAxis lists
        Path hdr2 = header("c2", 1, 1, 700, 701);
        Files.writeString(hdr2, Files.readString(hdr2) + "Image000_0 = {Energy = 700.00;};\r\n");
        e = assertThrows(IOException.class, () -> AlsStxmReader.read(hdr2, 0, 0, Double.NaN));
        assertTrue(e.getMessage().contains("2 energies but the header has 1 ImageNNN"), e.getMessage());
    }

    @Test
    void brokenHeaderSyntaxNamesTheLine() throws IOException {
        Path hdr = tmp.resolve("b.hdr");
        Files.writeString(hdr, "ScanDefinition = { Label = \"x\";\nDwell 4; };\n");
        IOException e = assertThrows(IOException.class, () -> AlsStxmReader.read(hdr, 0, 0, Double.NaN));
        assertTrue(e.getMessage().contains("b.hdr, line 2: expected '=' after 'Dwell'"), e.getMessage());
    }

    @Test
    void pointSpectrumReadsEnergyAndCounts() throws IOException {
        Path xsp = tmp.resolve("i0_0.xsp");
        Files.writeString(xsp, "850.0\t1000\t3\r\n851.0\t1010\t3\r\n852.5\t1020\t3\r\n");
        ReferenceSpectrum r = AlsXspSpectrum.read(xsp);
        assertArrayEquals(new double[] {850, 851, 852.5}, r.energiesEv());
        assertArrayEquals(new double[] {1000, 1010, 1020}, r.values());
        Files.writeString(xsp, "850.0\t1000\r\nabc\r\n");
        IOException e = assertThrows(IOException.class, () -> AlsXspSpectrum.read(xsp));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
