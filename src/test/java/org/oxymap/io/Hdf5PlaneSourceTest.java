package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.cli.OxyMapCli;
import org.oxymap.core.model.ModelFitSettings;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.pipeline.MemoryEstimate;
import org.oxymap.core.pipeline.OxidationStatePipeline;
import org.oxymap.core.pipeline.PipelineResult;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.pipeline.TiledPipeline;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/**
 * NXstxm stacks read in bands of rows: every band equals the whole-file reader's rows (both storage orders,
 * contiguous and chunked-deflated datasets, energies written in decreasing order), and a tiled run of a phantom
 * written as NXstxm gives the in-memory run's maps and particles bit for bit.
 */
class Hdf5PlaneSourceTest {

    @TempDir
    Path tmp;

    private static final PhantomSettings PHANTOM = PhantomSettings.defaults().withSize(96);

    /**
     * The phantom's transmission stack as an NXstxm file, energies in decreasing order; stored (energy, y, x) or,
     * with {@code permuted}, (sample_x, sample_y, energy); chunked and deflated when asked.
     */
    static Path writeNxStxm(Path file, SpectralStack s, boolean permuted, boolean chunked) throws IOException {
        int w = s.width();
        int h = s.height();
        int ne = s.energyCount();
        try (WritableHdfFile f = HdfFile.write(file)) {
            WritableGroup entry = f.putGroup("entry0");
            entry.putAttribute("NX_class", "NXentry");
            entry.putDataset("definition", "NXstxm");
            WritableGroup d = entry.putGroup("counter0");
            d.putAttribute("NX_class", "NXdata");
            d.putAttribute("signal", "data");
            Object data;
            int[] chunks;
            if (permuted) {
                float[][][] a = new float[w][h][ne];
                for (int k = 0; k < ne; k++) {
                    float[] p = s.plane(ne - 1 - k);
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            a[x][y][k] = p[y * w + x];
                        }
                    }
                }
                d.putAttribute("axes", new String[] {"sample_x", "sample_y", "energy"});
                data = a;
                chunks = new int[] {16, 16, ne};
            } else {
                float[][][] a = new float[ne][h][w];
                for (int k = 0; k < ne; k++) {
                    float[] p = s.plane(ne - 1 - k);
                    for (int y = 0; y < h; y++) {
                        System.arraycopy(p, y * w, a[k][y], 0, w);
                    }
                }
                d.putAttribute("axes", new String[] {"energy", "sample_y", "sample_x"});
                data = a;
                chunks = new int[] {1, 16, 32};
            }
            if (chunked) {
                d.putDataset("data", data, DatasetCreationOptions.builder().chunkDimensions(chunks).deflate().build());
            } else {
                d.putDataset("data", data);
            }
            double[] e = new double[ne];
            for (int k = 0; k < ne; k++) {
                e[k] = s.energiesEv()[ne - 1 - k];
            }
            d.putDataset("energy", e).putAttribute("units", "eV");
            double[] xs = new double[w];
            for (int x = 0; x < w; x++) {
                xs[x] = x * s.pixelWidthNm() / 1000.0;
            }
            double[] ys = new double[h];
            for (int y = 0; y < h; y++) {
                ys[y] = 2.0 + y * s.pixelHeightNm() / 1000.0;
            }
            d.putDataset("sample_x", xs).putAttribute("units", "um");
            d.putDataset("sample_y", ys).putAttribute("units", "um");
        }
        return file;
    }

    @Test
    void bandsAreTheWholeReadersRowsInEveryLayout() throws IOException {
        Phantom p = new PhantomGenerator(PhantomSettings.defaults().withSize(48)).generate(ProgressListener.NONE);
        for (boolean permuted : new boolean[] {false, true}) {
            for (boolean chunked : new boolean[] {false, true}) {
                Path f = writeNxStxm(tmp.resolve("s" + permuted + chunked + ".nxs"), p.stack(), permuted, chunked);
                SpectralStack whole = NxStxmReader.read(f, 0, Double.NaN);
                try (Hdf5PlaneSource bands = Hdf5PlaneSource.openNxStxm(f, 0, Double.NaN)) {
                    assertEquals(whole.width(), bands.width());
                    assertEquals(whole.height(), bands.height());
                    assertArrayEquals(whole.energiesEv(), bands.energiesEv());
                    assertArrayEquals(p.stack().energiesEv(), bands.energiesEv(), 1e-9);
                    assertEquals(whole.pixelWidthNm(), bands.pixelWidthNm(), 0.0);
                    assertEquals(whole.pixelHeightNm(), bands.pixelHeightNm(), 0.0);
                    int w = whole.width();
                    for (int k = 0; k < whole.energyCount(); k += 3) {
                        for (int y0 : new int[] {0, 5, 47}) {
                            int rows = Math.min(13, whole.height() - y0);
                            float[] expected = java.util.Arrays.copyOfRange(whole.plane(k), y0 * w, (y0 + rows) * w);
                            assertArrayEquals(expected, bands.readRows(k, y0, rows),
                                    "energy " + k + " rows " + y0 + " permuted " + permuted + " chunked " + chunked);
                        }
                        // and the phantom's own values, which the file was written from
                        assertArrayEquals(p.stack().plane(k), bands.readRows(k, 0, whole.height()));
                    }
                }
            }
        }
    }

    private static PipelineSettings settings() {
        return PipelineSettings.defaults().withTimeS(PHANTOM.timeS())
                .withModelFits(ModelFitSettings.defaults().withBootstrap(0, 1L));
    }

    @Test
    void tiledNxStxmRunGivesTheInMemoryMapsBitForBit() throws IOException {
        Phantom p = new PhantomGenerator(PHANTOM).generate(ProgressListener.NONE);
        Path f = writeNxStxm(tmp.resolve("phantom.nxs"), p.stack(), false, true);
        SpectralStack read = NxStxmReader.read(f, 0, Double.NaN);
        PipelineResult memory = new OxidationStatePipeline(settings(), p.references()).run(read,
                ProgressListener.NONE);
        int w = read.width();
        int h = read.height();
        int nE = read.energyCount();
        long rows = 11;
        long budget = MemoryEstimate.tiledFixedBytes(w, h, nE, p.references().size(),
                settings().alignment().estimationArea(w, h)) + MemoryEstimate.tiledMarginBytes(w, 10 + 3)
                + MemoryEstimate.tiledBytesPerRow(w, nE) * rows;
        TiledPipeline tiled = new TiledPipeline(settings(), p.references(), budget);
        assertEquals(rows, tiled.bandRows(w, h, nE, 10));
        PipelineResult t;
        try (Hdf5PlaneSource source = Hdf5PlaneSource.openNxStxm(f, 0, Double.NaN)) {
            t = tiled.run(source, null, ProgressListener.NONE);
        }
        for (int k = 0; k < nE; k++) {
            assertEquals(memory.shifts()[k], t.shifts()[k], "shift " + k);
        }
        assertArrayEquals(memory.i0(), t.i0(), "I0");
        assertArrayEquals(memory.maps().thickness(), t.maps().thickness(), "thickness");
        for (int k = 0; k < memory.maps().names().size(); k++) {
            assertArrayEquals(memory.maps().fractions().get(k), t.maps().fractions().get(k), "fraction " + k);
        }
        assertArrayEquals(memory.segmentation().labels(), t.segmentation().labels(), "particles");
        assertTrue(memory.segmentation().count() > 3, "particles " + memory.segmentation().count());
        assertEquals(memory.globalFit().dtNm2(), t.globalFit().dtNm2(), 0.0);
    }

    @Test
    void runWithMaxMemoryAcceptsNxStxm() throws Exception {
        Phantom p = new PhantomGenerator(PHANTOM).generate(ProgressListener.NONE);
        Path f = writeNxStxm(tmp.resolve("phantom.nxs"), p.stack(), false, false);
        Path refs = tmp.resolve("refs");
        java.nio.file.Files.createDirectories(refs);
        StringBuilder list = new StringBuilder();
        for (var r : p.references()) {
            Path csv = refs.resolve(r.name() + ".csv");
            ReferenceCsv.write(r, csv, "od_per_nm");
            list.append(list.length() == 0 ? "" : ",").append(csv);
        }
        String[] common = {"run", "--stack", f.toString(), "--references", list.toString(), "--bootstrap", "0",
            "--time-s", Double.toString(PHANTOM.timeS())};
        Path tiled = tmp.resolve("tiled");
        assertEquals(0, cli(common, "--out", tiled.toString(), "--max-memory", "40m"));
        // the in-memory pipeline on the whole-file reader's stack, with the references as the run read them
        java.util.List<org.oxymap.core.spectra.ReferenceSpectrum> read = new java.util.ArrayList<>();
        for (var r : p.references()) {
            read.add(ReferenceReader.read(refs.resolve(r.name() + ".csv")));
        }
        PipelineResult memory = new OxidationStatePipeline(settings(), read).run(NxStxmReader.read(f, 0, Double.NaN),
                ProgressListener.NONE);
        assertArrayEquals(memory.maps().thickness(), TiffStackIO.readMap(tiled.resolve("maps/thickness.tif")));
        assertArrayEquals(memory.maps().valence(), TiffStackIO.readMap(tiled.resolve("maps/valence.tif")));
        float[] labels = TiffStackIO.readMap(tiled.resolve("particles/labels.tif"));
        for (int i = 0; i < labels.length; i++) {
            assertEquals(memory.segmentation().labels()[i], (int) labels[i], "label at pixel " + i);
        }
    }

    private static int cli(String[] common, String... more) {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(common), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OxyMapCli.execute(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new AssertionError(err.toString(StandardCharsets.UTF_8));
        }
        return code;
    }
}
