package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

class TiffStackIOTest {

    @TempDir
    Path tmp;

    private SpectralStack small() {
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {6, 5, 4, 3, 2, 1.5f};
        return SpectralStack.wrap(List.of(a, b), 3, 2, new double[] {640.25, 641.5}, 7.5);
    }

    @Test
    void roundTripKeepsValuesEnergiesAndPixelSize() throws IOException {
        Path f = tmp.resolve("s.tif");
        TiffStackIO.write(small(), f);
        SpectralStack back = TiffStackIO.read(f, null, Double.NaN);
        assertArrayEquals(new double[] {640.25, 641.5}, back.energiesEv());
        assertArrayEquals(small().plane(1), back.plane(1));
        assertEquals(7.5, back.pixelWidthNm(), 1e-9);
    }

    @Test
    void energiesFromSliceLabelsWhenThereIsNoSidecar() throws IOException {
        Path f = tmp.resolve("labelled.tif");
        TiffStackIO.write(small(), f);
        Files.delete(EnergyListFile.sidecarOf(f));
        assertArrayEquals(new double[] {640.25, 641.5}, TiffStackIO.read(f, null, Double.NaN).energiesEv());
    }

    @Test
    void badEnergyLineIsNamed() throws IOException {
        Path f = tmp.resolve("e.txt");
        Files.writeString(f, "640\nabc\n");
        IOException e = assertThrows(IOException.class, () -> EnergyListFile.read(f));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("abc"), e.getMessage());
    }

    @Test
    void referenceCsvKeepsNameValenceAndValues() throws IOException {
        ReferenceSpectrum r = new ReferenceSpectrum("MnX", 3, new double[] {640, 641, 642}, new double[] {0.1, 0.2, 0.15});
        Path f = tmp.resolve("MnX.csv");
        ReferenceCsv.write(r, f, "od_per_nm");
        ReferenceSpectrum back = ReferenceCsv.read(f);
        assertEquals(r, back);
        assertEquals(0.175, back.interpolate(new double[] {641.5})[0], 1e-12);
    }

    @Test
    void referenceCsvWithTextWhereANumberBelongsNamesTheLine() throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "# valence: 2\nenergy,od\n640,0.1\n641,oops\n");
        IOException e = assertThrows(IOException.class, () -> ReferenceCsv.read(f));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("oops"), e.getMessage());
    }
}
