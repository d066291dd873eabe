package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.spectra.ReferenceSpectrum;

class XdiReaderTest {

    @TempDir
    Path tmp;

    @Test
    void realMnOFromTheXasDataLibrary() throws IOException {
        Path f = RealData.file("mn_K_refs_xaslib", "MnO_rt_01.xdi");
        XdiFile x = XdiReader.parse(f);
        assertEquals(List.of("energy", "i0", "itrans", "irefer"), x.columns());
        assertEquals("Mn", x.field("Element.symbol"));
        assertEquals("K", x.field("Element.edge"));
        assertEquals("MnO", x.field("Sample.formula"));
        assertEquals("ln(i0/itrans)", XdiReader.muSource(x));
        ReferenceSpectrum s = XdiReader.read(f);
        assertEquals("MnO_rt_01", s.name());
        double[] e = s.energiesEv();
        double[] mu = s.values();
        assertEquals(217, e.length);
        assertEquals(6520.0030, e[0], 1e-9);
        assertEquals(6629.9790, e[216], 1e-9);
        // first row: i0 31260.5, itrans 39559.300308; last: 29945.5, 34319.299475
        assertEquals(Math.log(31260.5 / 39559.300308), mu[0], 1e-12);
        assertEquals(-0.235445, mu[0], 1e-6);
        assertEquals(Math.log(29945.5 / 34319.299475), mu[216], 1e-12);
        assertTrue(Double.isNaN(s.valence()));
    }

    @Test
    void realNiAndFeFilesWithWiderScans() throws IOException {
        ReferenceSpectrum ni = XdiReader.read(RealData.file("ni_fe_K_refs_xaslib", "Ni2O3_rt_01.xdi"));
        assertEquals(8110.0, ni.energiesEv()[0], 1e-9);
        assertEquals(Math.log(289575.59 / 186930.589403), ni.values()[0], 1e-9);
        ReferenceSpectrum fe = XdiReader.read(RealData.file("ni_fe_K_refs_xaslib", "FeO_rt_01.xdi"));
        assertTrue(fe.energiesEv().length > 100);
    }

    @Test
    void muColumnValenceFieldAndKev() throws IOException {
        Path f = tmp.resolve("std.xdi");
        Files.writeString(f, "# XDI/1.0\n# Column.1: energy keV\n# Column.2: mutrans\n# Sample.valence: 8/3\n"
                + "# ///\n# a comment\n#----\n# energy mutrans\n6.5 0.1\n6.51 0.2\n6.52 0.9\n", StandardCharsets.UTF_8);
        ReferenceSpectrum s = XdiReader.read(f);
        assertEquals(6510.0, s.energiesEv()[1], 1e-9);
        assertEquals(0.9, s.values()[2], 0);
        assertEquals(8.0 / 3, s.valence(), 1e-12);
        Files.writeString(f, "# XDI/1.0\n# Column.1: energy eV\n# Column.2: mu\n# Sample.valence: 2\n# ///\n"
                + "# valence: 3\n#----\n1 0\n2 1\n", StandardCharsets.UTF_8);
        assertEquals(3.0, XdiReader.read(f).valence(), 0, "the # valence: comment wins over the field");
    }

    @Test
    void corruptAndTruncatedFilesNameFileAndLine() throws IOException {
        Path real = RealData.file("mn_K_refs_xaslib", "MnO_rt_01.xdi");
        List<String> lines = Files.readAllLines(real, StandardCharsets.ISO_8859_1);
        // Cut the file in the middle of data line 100: the last row has fewer numbers.
        Path cut = tmp.resolve("cut.xdi");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 99; i++) {
            b.append(lines.get(i)).append('\n');
        }
        b.append(lines.get(99), 0, 20);
        Files.writeString(cut, b, StandardCharsets.ISO_8859_1);
        IOException e1 = assertThrows(IOException.class, () -> XdiReader.read(cut));
        assertTrue(e1.getMessage().contains("cut.xdi, line 100"), e1.getMessage());
        Path bad = tmp.resolve("bad.xdi");
        lines.set(60, lines.get(60).replace("6541", "6x41"));
        Files.write(bad, lines, StandardCharsets.ISO_8859_1);
        IOException e2 = assertThrows(IOException.class, () -> XdiReader.read(bad));
        assertTrue(e2.getMessage().contains("bad.xdi, line 61") && e2.getMessage().contains("not a number"),
                e2.getMessage());
        Path notXdi = tmp.resolve("plain.xdi");
        Files.writeString(notXdi, "energy,mu\n1,2\n");
        IOException e3 = assertThrows(IOException.class, () -> XdiReader.read(notXdi));
        assertTrue(e3.getMessage().contains("line 1"), e3.getMessage());
        Path noEnergy = tmp.resolve("noenergy.xdi");
        Files.writeString(noEnergy, "# XDI/1.0\n# Column.1: angle deg\n# Column.2: mu\n1 2\n2 3\n");
        IOException e4 = assertThrows(IOException.class, () -> XdiReader.read(noEnergy));
        assertTrue(e4.getMessage().contains("no 'energy' column"), e4.getMessage());
    }
}
