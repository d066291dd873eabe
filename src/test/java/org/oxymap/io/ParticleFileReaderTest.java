package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.io.RoiEncoder;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.pipeline.ParticleProfiles;
import org.oxymap.core.pipeline.ParticleProfiling;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.ThresholdMethod;

/**
 * Particles made outside OxyMap, as a label image, a binary mask or a RoiManager ROI set, give exactly the
 * profiles of the same particles segmented inside OxyMap.
 */
class ParticleFileReaderTest {

    private static final int SIZE = 128;
    private static final double PX = 10;

    private static Phantom phantom;
    private static PipelineSettings settings;
    private static ParticleProfiles inside;

    @TempDir
    Path dir;

    @BeforeAll
    static void segmentInside() {
        phantom = new PhantomGenerator(PhantomSettings.defaults().withNoise(0).withDrift(0))
                .generate(ProgressListener.NONE);
        settings = PipelineSettings.defaults().withThreshold(ThresholdMethod.LI).withBinNm(PX);
        settings = settings.withParticles(settings.particles().withSectors(4).withNormaliseDistance(true));
        inside = profile(null);
        assertTrue(inside.segmentation().count() >= 10, "particles: " + inside.segmentation().count());
    }

    private static ParticleProfiles profile(int[] labels) {
        return new ParticleProfiling(settings).run(phantom.thicknessNm(), phantom.fractions().get(1), null, null, SIZE,
                SIZE, PX, PX, labels, ProgressListener.NONE);
    }

    private static void assertSameProfiles(ParticleProfiles outside) {
        assertArrayEquals(inside.segmentation().labels(), outside.segmentation().labels(), "labels");
        assertEquals(inside.bins(), outside.bins(), "profiles");
        assertEquals(inside.normalisedBins(), outside.normalisedBins(), "normalised profiles");
        assertEquals(inside.sectorBins(), outside.sectorBins(), "sector profiles");
        for (int l = 0; l < inside.particles().length; l++) {
            assertEquals(inside.particles()[l], outside.particles()[l], "particle " + (l + 1));
        }
    }

    @Test
    void labelImageGivesTheSameProfiles() throws IOException {
        Path tif = dir.resolve("labels.tif");
        // shuffle the ids as another program might number them
        int[] foreign = inside.segmentation().labels().clone();
        for (int i = 0; i < foreign.length; i++) {
            foreign[i] = foreign[i] == 0 ? 0 : 1000 - 7 * foreign[i];
        }
        TiffStackIO.writeLabels(foreign, SIZE, SIZE, PX, PX, tif);
        assertSameProfiles(profile(ParticleFileReader.read(tif, SIZE, SIZE)));
    }

    @Test
    void binaryMaskGivesTheSameProfiles() throws IOException {
        Path tif = dir.resolve("mask.tif");
        ByteProcessor mask = new ByteProcessor(SIZE, SIZE);
        int[] labels = inside.segmentation().labels();
        for (int i = 0; i < labels.length; i++) {
            mask.set(i, labels[i] > 0 ? 255 : 0);
        }
        assertTrue(new FileSaver(new ImagePlus("mask", mask)).saveAsTiff(tif.toString()));
        assertSameProfiles(profile(ParticleFileReader.read(tif, SIZE, SIZE)));
    }

    @Test
    void roiSetGivesTheSameProfiles() throws IOException {
        Path zip = dir.resolve("RoiSet.zip");
        int[] labels = inside.segmentation().labels();
        int count = inside.segmentation().count();
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (int l = count; l >= 1; l--) { // another order than OxyMap's
                z.putNextEntry(new ZipEntry(String.format("%04d-particle.roi", l)));
                z.write(RoiEncoder.saveAsByteArray(roiOf(labels, l)));
                z.closeEntry();
            }
        }
        assertSameProfiles(profile(ParticleFileReader.read(zip, SIZE, SIZE)));

        Path single = dir.resolve("one.roi");
        assertTrue(RoiEncoder.save(roiOf(labels, 3), single.toString()));
        int[] one = ParticleFileReader.read(single, SIZE, SIZE);
        for (int i = 0; i < one.length; i++) {
            assertEquals(labels[i] == 3 ? 1 : 0, one[i], "pixel " + i + " of the single ROI");
        }
    }

    /** The selection ImageJ makes from the pixels of one label (Edit › Selection › Create Selection). */
    private static Roi roiOf(int[] labels, int label) {
        ByteProcessor bp = new ByteProcessor(SIZE, SIZE);
        for (int i = 0; i < labels.length; i++) {
            bp.set(i, labels[i] == label ? 255 : 0);
        }
        bp.setThreshold(255, 255, ByteProcessor.NO_LUT_UPDATE);
        return ThresholdToSelection.run(new ImagePlus("p", bp));
    }

    @Test
    void badParticleFilesAreNamedWithWhatWasExpected() throws IOException {
        Path empty = dir.resolve("empty.tif");
        TiffStackIO.writeLabels(new int[SIZE * SIZE], SIZE, SIZE, PX, PX, empty);
        IOException e = assertThrows(IOException.class, () -> ParticleFileReader.read(empty, SIZE, SIZE));
        assertTrue(e.getMessage().contains("empty.tif") && e.getMessage().contains("no particle"), e.getMessage());

        Path small = dir.resolve("small.tif");
        TiffStackIO.writeLabels(new int[64 * 64], 64, 64, PX, PX, small);
        e = assertThrows(IOException.class, () -> ParticleFileReader.read(small, SIZE, SIZE));
        assertTrue(e.getMessage().contains("64 x 64") && e.getMessage().contains("128 x 128"), e.getMessage());

        Path fractional = dir.resolve("fractional.tif");
        float[] f = new float[SIZE * SIZE];
        f[5] = 1.5f;
        assertTrue(new FileSaver(new ImagePlus("f", new FloatProcessor(SIZE, SIZE, f))).saveAsTiff(fractional.toString()));
        e = assertThrows(IOException.class, () -> ParticleFileReader.read(fractional, SIZE, SIZE));
        assertTrue(e.getMessage().contains("1.5") && e.getMessage().contains("whole numbers"), e.getMessage());

        Path line = dir.resolve("line.roi");
        assertTrue(RoiEncoder.save(new Line(1, 1, 50, 50), line.toString()));
        e = assertThrows(IOException.class, () -> ParticleFileReader.read(line, SIZE, SIZE));
        assertTrue(e.getMessage().contains("not an area"), e.getMessage());

        Path csv = dir.resolve("particles.csv");
        Files.writeString(csv, "1,2\n");
        e = assertThrows(IOException.class, () -> ParticleFileReader.read(csv, SIZE, SIZE));
        assertTrue(e.getMessage().contains(".roi") && e.getMessage().contains(".zip"), e.getMessage());

        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> ParticleFileReader.read(dir.resolve("missing.zip"), SIZE, SIZE));
    }
}
