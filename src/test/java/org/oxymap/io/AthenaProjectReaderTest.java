package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.spectra.ReferenceSpectrum;

class AthenaProjectReaderTest {

    @TempDir
    Path tmp;

    static final List<String> MN_LABELS = List.of("Mn foil", "MnO", "MnOx", "Mn2O3x", "Li2MnO3", "MnCl2",
            "Mn Oxalate", "Rhodochrosite", "g-MnOOH", "Psilomelane", "Pyrolusite", "Ramsdellite", "Todorokite",
            "Mn3O4");
    static final int[] MN_POINTS = {2207, 1239, 700, 1800, 802, 2674, 2671, 2672, 2671, 2673, 2671, 2669, 2628, 373};

    @Test
    void mnProjectLabelsPointCountsAndValues() throws IOException {
        List<AthenaGroup> g = AthenaProjectReader.read(RealData.file("mn_K_refs_larch_athena", "Mn.prj"));
        assertEquals(MN_LABELS, g.stream().map(AthenaGroup::label).toList());
        assertArrayEquals(MN_POINTS, g.stream().mapToInt(x -> x.energiesEv().length).toArray());
        AthenaGroup mno = g.get(1);
        assertEquals(2, mno.index());
        assertEquals(6360.7299, mno.energiesEv()[0], 1e-9);
        assertEquals(7599.0143, mno.energiesEv()[1238], 1e-9);
        assertEquals(0.002238, mno.mu()[0], 1e-12);
        assertEquals(1.356434, mno.mu()[1238], 1e-12);
        assertEquals(6544.685, mno.number("bkg_e0", 0), 1e-9);
        assertEquals(1.29820000000018, mno.eshiftEv(), 1e-12);
        assertEquals("/home/bruce/Data/Standards/Mn/mno.001", mno.args().get("file"));
        ReferenceSpectrum s = mno.spectrum();
        assertEquals("MnO", s.name());
        assertEquals(6362.0281, s.energiesEv()[0], 1e-4, "Athena's energy scale: stored + bkg_eshift");
        assertEquals("Mn_foil", g.get(0).spectrum().name());
    }

    @Test
    void plainTextProjectReadsTheSame() throws IOException {
        Path gz = RealData.file("mn_K_refs_larch_athena", "Mn.prj");
        Path plain = tmp.resolve("Mn-plain.prj");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, plain);
        }
        List<AthenaGroup> g = AthenaProjectReader.read(plain);
        assertEquals(MN_LABELS, g.stream().map(AthenaGroup::label).toList());
        assertEquals(373, g.get(13).mu().length);
    }

    @Test
    void niProjectWithRepeatedLabelsSelectsByNumber() throws IOException {
        Path f = RealData.file("ni_K_refs_larch_athena", "NiO.prj");
        List<AthenaGroup> g = AthenaProjectReader.read(f);
        assertEquals(24, g.size());
        assertEquals("NiO.000", g.get(0).label());
        assertEquals("  Ref NiO.000", g.get(1).label());
        assertEquals(8133.00072, g.get(0).energiesEv()[0], 1e-9);
        assertEquals(0.549994299729427, g.get(0).mu()[0], 1e-15);
        IOException twice = assertThrows(IOException.class, () -> AthenaProjectReader.select(g, "NiO.000", f));
        assertTrue(twice.getMessage().contains("[1, 3]"), twice.getMessage());
        assertEquals("NiO.001", AthenaProjectReader.select(g, "5", f).label());
        assertEquals(23, AthenaProjectReader.select(g, "NiO", f).index());
        IOException none = assertThrows(IOException.class, () -> AthenaProjectReader.select(g, "NiO2", f));
        assertTrue(none.getMessage().contains("no group 'NiO2'"), none.getMessage());
    }

    @Test
    void truncatedProjectsNameFileAndLine() throws IOException {
        Path gz = RealData.file("mn_K_refs_larch_athena", "Mn.prj");
        byte[] all = Files.readAllBytes(gz);
        Path half = tmp.resolve("half.prj");
        Files.write(half, Arrays.copyOf(all, all.length / 2));
        IOException e1 = assertThrows(IOException.class, () -> AthenaProjectReader.read(half));
        assertTrue(e1.getMessage().startsWith(half + ", line ") && e1.getMessage().contains("ends early"),
                e1.getMessage());

        Path plain = tmp.resolve("cut.prj");
        List<String> lines;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            lines = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        // Line 7 is the first group's @y; cut it in the middle.
        assertTrue(lines.get(6).startsWith("@y = ("));
        Files.writeString(plain, String.join("\n", lines.subList(0, 6)) + "\n" + lines.get(6).substring(0, 500));
        IOException e2 = assertThrows(IOException.class, () -> AthenaProjectReader.read(plain));
        assertTrue(e2.getMessage().startsWith(plain + ", line 7"), e2.getMessage());

        Path noRecord = tmp.resolve("norecord.prj");
        Files.writeString(noRecord, String.join("\n", lines.subList(0, 7)) + "\n");
        IOException e3 = assertThrows(IOException.class, () -> AthenaProjectReader.read(noRecord));
        assertTrue(e3.getMessage().contains("line 4") && e3.getMessage().contains("truncated"), e3.getMessage());
    }

    @Test
    void perlCodeIsDataNeverExecuted() throws IOException {
        Path marker = tmp.resolve("pwned");
        Path evil = tmp.resolve("evil.prj");
        String cmd = "touch " + marker;
        Files.writeString(evil, "# Athena project file -- crafted\n"
                + "system('" + cmd + "');\n"
                + "$old_group = 'a';\n"
                + "@args = ('label','x\\'); system(\"" + cmd + "\"); #','bkg_e0',`" + cmd + "`);\n"
                + "@x = ('1','2','3');\n"
                + "@y = ('0.1','0.2','0.3');\n"
                + "[record]\n");
        IOException e = assertThrows(IOException.class, () -> AthenaProjectReader.read(evil));
        assertTrue(e.getMessage().contains("evil.prj, line 4"), e.getMessage());
        Files.writeString(evil, "# Athena project file -- crafted\n"
                + "$old_group = 'a';\n"
                + "@args = ('label','x\\'); system(\"" + cmd + "\"); #');\n"
                + "@x = (system('" + cmd + "'));\n"
                + "@y = ('0.1');\n"
                + "[record]\n");
        IOException e2 = assertThrows(IOException.class, () -> AthenaProjectReader.read(evil));
        assertTrue(e2.getMessage().contains("line 4") && e2.getMessage().contains("@x"), e2.getMessage());
        Files.writeString(evil, "# Athena project file -- crafted\n"
                + "$old_group = 'a';\n"
                + "@args = ('label','x\\'); system(\"" + cmd + "\"); #');\n"
                + "@x = ('1','2');\n"
                + "@y = ('0.1','0.2');\n"
                + "[record]\n");
        AthenaGroup g = AthenaProjectReader.read(evil).get(0);
        assertEquals("x'); system(\"" + cmd + "\"); #", g.label(), "the label is a plain string");
        assertFalse(Files.exists(marker));
    }

    @Test
    void notAProjectIsAClearError() throws IOException {
        Path f = tmp.resolve("x.prj");
        Files.writeString(f, "energy,mu\n");
        IOException e = assertThrows(IOException.class, () -> AthenaProjectReader.read(f));
        assertTrue(e.getMessage().contains("x.prj, line 1") && e.getMessage().contains("not an Athena project"),
                e.getMessage());
    }
}
