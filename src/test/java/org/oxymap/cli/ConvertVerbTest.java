package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.EnergyListFile;
import org.oxymap.io.ReferenceCsv;
import org.oxymap.io.TiffStackIO;

class ConvertVerbTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OxyMapCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void realAlsStackBecomesTiffWithEnergiesAndPixelSize() throws IOException {
        Path hdr = Path.of(System.getProperty("oxymap.realdata", "../shared/realdata"), "ni_L_stxm_ptycho_xanespy",
                "stxm-scan.hdr");
        Assumptions.assumeTrue(Files.isRegularFile(hdr), "real data " + hdr + " not found: test skipped");
        Path out = tmp.resolve("ni.tif");
        Run r = run("convert", "--stack", hdr.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ALS_STXM") && r.out().contains("ni.energies.txt"), r.out());
        assertArrayEquals(new double[] {853.0, 857.75}, EnergyListFile.read(tmp.resolve("ni.energies.txt")));
        SpectralStack s = TiffStackIO.read(out, null, Double.NaN);
        assertEquals(120, s.width());
        assertEquals((2.6163 + 0.6180) / 119 * 1000, s.pixelWidthNm(), 1e-9);
        assertEquals(19447f, s.plane(0)[0]);
    }

    @Test
    void monitorBecomesAnI0FileThatReadsBack() throws IOException {
        Path f = tmp.resolve("m.nxs");
        try (WritableHdfFile w = HdfFile.write(f)) {
            WritableGroup e = w.putGroup("entry0");
            e.putAttribute("NX_class", "NXentry");
            e.putDataset("definition", "NXstxm");
            WritableGroup d = e.putGroup("counter0");
            d.putAttribute("NX_class", "NXdata");
            d.putAttribute("signal", "data");
            d.putDataset("data", new float[][][] {{{1, 2}}, {{3, 4}}});
            d.putDataset("energy", new double[] {700, 701});
            d.putDataset("sample_x", new double[] {0, 0.01});
            d.putDataset("sample_y", new double[] {0});
            WritableGroup m = e.putGroup("control");
            m.putAttribute("NX_class", "NXmonitor");
            m.putDataset("data", new double[] {500, 600});
        }
        Path out = tmp.resolve("m.tif");
        Run r = run("convert", "--stack", f.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        ReferenceSpectrum i0 = ReferenceCsv.read(tmp.resolve("m.i0.csv"));
        assertArrayEquals(new double[] {500, 600}, i0.values());
        SpectralStack s = TiffStackIO.read(out, null, Double.NaN);
        assertEquals(10.0, s.pixelWidthNm(), 1e-9);
        assertArrayEquals(new float[] {3, 4}, s.plane(1));
    }

    @Test
    void badInputGivesOneLineAndNoOutput() throws IOException {
        Path hdr = tmp.resolve("bad.hdr");
        Files.writeString(hdr, "ScanDefinition = { Dwell = 1; };\n");
        Path out = tmp.resolve("bad.tif");
        Run r = run("convert", "--stack", hdr.toString(), "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("oxymap: error: ") && r.err().contains("bad.hdr") && r.err().contains(
                "Regions"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count(), "only the header remains");
        }
        r = run("convert", "--stack", hdr.toString(), "--out", tmp.resolve("x.png").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("ending in .tif"), r.err());
        r = run("convert", "--stack", tmp.resolve("missing.stk").toString(), "--out", out.toString(), "--quantity",
                "od");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("missing.stk"), r.err());
        assertFalse(Files.exists(out));
    }
}
