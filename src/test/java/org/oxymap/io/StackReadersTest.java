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

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.stack.SpectralStack;

class StackReadersTest {

    @TempDir
    Path tmp;

    @Test
    void tiffGoesThroughTiffStackIOWhateverItsName() throws IOException {
        SpectralStack s = SpectralStack.wrap(List.of(new float[] {1, 2, 3, 4}, new float[] {5, 6, 7, 8}), 2, 2,
                new double[] {640.25, 641.5}, 7.5);
        Path tif = tmp.resolve("s.tif");
        TiffStackIO.write(s, tif);
        assertEquals(StackReaders.Format.TIFF, StackReaders.detect(tif));
        Path renamed = tmp.resolve("s.data");
        Files.copy(tif, renamed);
        Files.copy(EnergyListFile.sidecarOf(tif), EnergyListFile.sidecarOf(renamed));
        assertEquals(StackReaders.Format.TIFF, StackReaders.detect(renamed));
        SpectralStack back = StackReaders.read(renamed, null, Double.NaN);
        assertArrayEquals(new double[] {640.25, 641.5}, back.energiesEv());
        assertArrayEquals(new float[] {5, 6, 7, 8}, back.plane(1));
        assertEquals(7.5, back.pixelWidthNm(), 1e-9);
    }

    @Test
    void otherImageJFormatsTakeEnergiesFromSliceLabels() throws IOException {
        ImageStack is = new ImageStack(2, 1);
        is.addSlice("700.5 eV", new FloatProcessor(2, 1, new float[] {1, 2}));
        is.addSlice("701.5 eV", new FloatProcessor(2, 1, new float[] {3, 4}));
        Path zip = tmp.resolve("labelled.zip");
        new FileSaver(new ImagePlus("labelled", is)).saveAsZip(zip.toString());
        assertEquals(StackReaders.Format.IMAGEJ, StackReaders.detect(zip));
        SpectralStack s = StackReaders.read(zip, null, 20);
        assertArrayEquals(new double[] {700.5, 701.5}, s.energiesEv());
        assertArrayEquals(new float[] {3, 4}, s.plane(1));
        assertEquals(20, s.pixelWidthNm());
    }

    @Test
    void energyFileReplacesTheFilesEnergies() throws IOException {
        Path stk = BinaryStackReadersTest.writeStk(tmp.resolve("e.stk"), new double[] {640.5, 642},
                new float[] {1, 1});
        Path energies = tmp.resolve("cal.txt");
        Files.writeString(energies, "641.0\n642.5\n");
        assertArrayEquals(new double[] {641, 642.5}, StackReaders.read(stk, energies, Double.NaN).energiesEv());
        Files.writeString(energies, "641.0\n");
        IOException e = assertThrows(IOException.class, () -> StackReaders.read(stk, energies, Double.NaN));
        assertTrue(e.getMessage().contains("lists 1 energies") && e.getMessage().contains("2 images"), e.getMessage());
    }

    @Test
    void unreadableInputsSayWhatWasExpected() throws IOException {
        assertThrows(NoSuchFileException.class, () -> StackReaders.read(tmp.resolve("none.hdr"), null, Double.NaN));
        Path xim = tmp.resolve("a_a000.xim");
        Files.writeString(xim, "1 2\n");
        IOException e = assertThrows(IOException.class, () -> StackReaders.read(xim, null, Double.NaN));
        assertTrue(e.getMessage().contains(".hdr"), e.getMessage());
        Path fakeH5 = tmp.resolve("x.h5");
        Files.writeString(fakeH5, "not hdf5");
        e = assertThrows(IOException.class, () -> StackReaders.read(fakeH5, null, Double.NaN));
        assertTrue(e.getMessage().contains("no HDF5 signature"), e.getMessage());
        Path txt = tmp.resolve("notes.txt");
        Files.writeString(txt, "hello");
        e = assertThrows(IOException.class, () -> StackReaders.read(txt, null, Double.NaN));
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        e = assertThrows(IOException.class, () -> StackReaders.read(empty, null, Double.NaN));
        assertTrue(e.getMessage().contains("no .cxi files"), e.getMessage());
    }

    @Test
    void realAlsHeaderIsRecognised() throws IOException {
        Path hdr = RealData.niL("stxm-scan.hdr");
        assertEquals(StackReaders.Format.ALS_STXM, StackReaders.detect(hdr));
        assertEquals(2, StackReaders.read(hdr, null, Double.NaN).energyCount());
    }

    @Test
    void pipelineInputsComeThroughTheReadersWithAnXspI0() throws IOException {
        Path stk = BinaryStackReadersTest.writeStk(tmp.resolve("p.stk"), new double[] {640.5, 642},
                new float[] {1, 1});
        Path ref = tmp.resolve("R.csv");
        Files.writeString(ref, "energy_eV,od\n640,0.1\n643,0.2\n");
        Path xsp = tmp.resolve("i0.xsp");
        Files.writeString(xsp, "640.0\t1000\r\n643.0\t1300\r\n");
        PipelineRunner.Inputs in = PipelineRunner.load(stk, null, List.of(ref), xsp, Double.NaN, java.util.Map.of());
        assertEquals(3, in.stack().width());
        assertArrayEquals(new double[] {1050, 1200}, in.stack().i0OrNull(), 1e-9);
    }
}
