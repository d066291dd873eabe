package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.spectra.ReferenceSpectrum;

class ReferenceReaderTest {

    @TempDir
    Path tmp;

    @Test
    void dispatchesByExtensionAndSelectsProjectGroups() throws IOException {
        Path prj = RealData.file("mn_K_refs_larch_athena", "Mn.prj");
        ReferenceSpectrum mno = ReferenceReader.read(Path.of(prj + "#MnO"));
        assertEquals("MnO", mno.name());
        assertEquals(1239, mno.energiesEv().length);
        assertEquals("Mn3O4", ReferenceReader.read(Path.of(prj + "#14")).name());
        assertEquals(prj, ReferenceReader.fileOf(Path.of(prj + "#MnO")));
        assertEquals("MnO", ReferenceReader.groupOf(Path.of(prj + "#MnO")));
        IOException which = assertThrows(IOException.class, () -> ReferenceReader.read(prj));
        assertTrue(which.getMessage().contains("14 groups") && which.getMessage().contains("2: MnO"),
                which.getMessage());
        ReferenceSpectrum xdi = ReferenceReader.read(RealData.file("mn_K_refs_xaslib", "MnO2_rt_02.xdi"));
        assertEquals(217, xdi.energiesEv().length);
        Path csv = RealData.file("mn_K_refs_larch_athena", "csv_derived/Mn_K_MnO.csv");
        assertEquals(6360.7299, ReferenceReader.read(csv).energiesEv()[0], 1e-9);
        Path dat = tmp.resolve("x.dat");
        Files.writeString(dat, "1 2\n");
        IOException ext = assertThrows(IOException.class, () -> ReferenceReader.read(dat));
        assertTrue(ext.getMessage().contains(".csv, .xdi, .prj"), ext.getMessage());
        assertThrows(IOException.class, () -> ReferenceReader.read(Path.of(csv + "#MnO")));
    }

    @Test
    void valencesGuessedFromFormulaSayWhereFrom() throws IOException {
        String[] c = {"MnO", "Mn3O4", "Mn2O3", "MnO2"};
        double[] v = {2, 8.0 / 3, 3, 4};
        for (int k = 0; k < 4; k++) {
            ReferenceReader.ValenceGuess g = ReferenceReader.guessValence(
                    RealData.file("mn_K_refs_xaslib", c[k] + "_rt_01.xdi"), null);
            assertEquals(v[k], g.valence(), 1e-12, c[k]);
            assertTrue(g.source().startsWith("Sample.formula"), g.source());
        }
        Path mixed = tmp.resolve("NiMnO3.xdi");
        Files.writeString(mixed, "# XDI/1.0\n# Column.1: energy eV\n# Column.2: mu\n# Element.symbol: Mn\n"
                + "# Sample.formula: Ni Mn O3\n# ///\n#----\n6500 0.1\n6600 1.0\n");
        // With Element.symbol the other cation still needs a state: refused, not guessed.
        IOException ni = assertThrows(IOException.class, () -> ReferenceReader.guessValence(mixed, null));
        assertTrue(ni.getMessage().contains("Ni has no fixed oxidation state"), ni.getMessage());
        Path prj = RealData.file("mn_K_refs_larch_athena", "Mn.prj");
        ReferenceReader.ValenceGuess li = ReferenceReader.guessValence(Path.of(prj + "#Li2MnO3"), "Mn");
        assertEquals(4.0, li.valence(), 1e-12);
        assertTrue(li.source().startsWith("name"), li.source());
        assertThrows(IOException.class, () -> ReferenceReader.guessValence(Path.of(prj + "#Rhodochrosite"), null));
    }

    @Test
    void pipelineInputsAcceptXdiAndProjectGroups() throws IOException {
        Path stack = Path.of("test-images/primary/stack.tif");
        Path prj = RealData.file("mn_K_refs_larch_athena", "Mn.prj");
        Path xdi = RealData.file("mn_K_refs_xaslib", "MnO_rt_01.xdi");
        PipelineRunner.Inputs in = PipelineRunner.load(stack, null, List.of(Path.of(prj + "#Mn3O4"), xdi), null,
                Double.NaN, Map.of("Mn3O4", 8.0 / 3));
        assertEquals(List.of("Mn3O4", "MnO_rt_01"), in.references().stream().map(ReferenceSpectrum::name).toList());
        assertEquals(8.0 / 3, in.references().get(0).valence(), 1e-12);
        assertTrue(java.util.Arrays.asList(in.files()).contains(prj), "the project file itself is guarded as an input");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> refs = (List<Map<String, Object>>) in.describe().get("references");
        assertEquals("Mn3O4", refs.get(0).get("group"));
        assertEquals(ParamsJson.sha256(prj), refs.get(0).get("sha256"));
        assertTrue(!in.describe().containsKey("reference_preparation"));
    }

    @Test
    void batchConfigReadsProjectGroupsBack() throws IOException {
        Path prj = RealData.file("mn_K_refs_larch_athena", "Mn.prj");
        Path params = tmp.resolve("params.json");
        Files.writeString(params, "{\"oxymap_version\": \"x\", \"parameters\": {}, \"inputs\": {\"references\": "
                + "[{\"path\": \"" + prj.toAbsolutePath() + "\", \"group\": \"Mn3O4\", \"name\": \"Mn3O4\", "
                + "\"valence\": 2.6667}]}}");
        BatchRunner.Config c = BatchRunner.Config.fromParams(params);
        assertEquals("Mn3O4", ReferenceReader.read(c.references().get(0)).name());
        assertEquals(2.6667, c.valences().get("Mn3O4"), 1e-12);
    }
}
