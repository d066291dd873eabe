package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.agglomerate.AgglomerateAnalysis;
import org.oxymap.core.agglomerate.AgglomerateClass;
import org.oxymap.core.agglomerate.AgglomerateClassification;
import org.oxymap.core.agglomerate.AgglomerateClassifier;
import org.oxymap.core.agglomerate.AgglomerateDetector;
import org.oxymap.core.agglomerate.AgglomerateResult;
import org.oxymap.core.agglomerate.AgglomerateSettings;
import org.oxymap.core.agglomerate.ClassifiedParticle;
import org.oxymap.core.progress.ProgressListener;

/**
 * Agglomerates from files (issue 7): a RoiManager-compatible {@code .zip} of the regions gives the same classes as
 * the same regions as a label image; an ROI outside the image and an empty ROI set give clear messages while the
 * rest is still classified and reported (class rows with n = 0 and empty cells, never NaN).
 */
class AgglomerateRegionsTest {

    static final int SIZE = 128;
    static final double PX = 20.0;

    @TempDir
    Path tmp;

    static int[] particles() {
        return AgglomerateRegionsTestScene.particles();
    }

    /** Each label of {@code labels} traced as a selection (pixel-exact outline), as the RoiManager would hold it. */
    static List<Roi> rois(int[] labels) {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        List<Roi> out = new ArrayList<>();
        for (int l = 1; l <= max; l++) {
            ByteProcessor bp = new ByteProcessor(SIZE, SIZE);
            for (int i = 0; i < labels.length; i++) {
                bp.set(i, labels[i] == l ? 255 : 0);
            }
            bp.setThreshold(255, 255, ByteProcessor.NO_LUT_UPDATE);
            Roi roi = ThresholdToSelection.run(new ImagePlus("region", bp));
            roi.setName("agglomerate-" + l);
            out.add(roi);
        }
        return out;
    }

    static void zip(List<Roi> rois, Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (int k = 0; k < rois.size(); k++) {
                zip.putNextEntry(new ZipEntry(String.format("%04d-%s.roi", k + 1, rois.get(k).getName())));
                zip.write(RoiEncoder.saveAsByteArray(rois.get(k)));
                zip.closeEntry();
            }
        }
    }

    @Test
    void roiZipGivesTheSameClassesAsTheLabelImage() throws IOException {
        int[] particles = particles();
        int[] agglomerates = AgglomerateDetector.detect(particles, SIZE, SIZE, PX, PX, 100);
        Path tif = tmp.resolve("agglomerates.tif");
        TiffStackIO.writeLabels(agglomerates, SIZE, SIZE, PX, PX, tif);
        Path zip = tmp.resolve("RoiSet.zip");
        zip(rois(agglomerates), zip);

        List<String> warnings = new ArrayList<>();
        int[] fromTif = ParticleFileReader.readRegions(tif, SIZE, SIZE, warnings);
        int[] fromZip = ParticleFileReader.readRegions(zip, SIZE, SIZE, warnings);
        assertTrue(warnings.isEmpty(), warnings.toString());
        assertArrayEquals(agglomerates, fromTif);

        AgglomerateClassifier classifier = new AgglomerateClassifier(1.0, 200);
        AgglomerateClassification a = classifier.classify(particles, fromTif, SIZE, SIZE, PX, PX);
        AgglomerateClassification b = classifier.classify(particles, fromZip, SIZE, SIZE, PX, PX);
        assertEquals(a.particles().stream().map(ClassifiedParticle::agglomerateClass).toList(),
                b.particles().stream().map(ClassifiedParticle::agglomerateClass).toList());
        assertEquals(a.particles().stream().map(ClassifiedParticle::distanceToBoundaryNm).toList(),
                b.particles().stream().map(ClassifiedParticle::distanceToBoundaryNm).toList());
        // and the classes are the known ones
        List<AgglomerateClass> classes = a.particles().stream().map(ClassifiedParticle::agglomerateClass).toList();
        int n = classes.size();
        assertEquals(AgglomerateClass.ISOLATED, classes.get(n - 1));
        assertEquals(List.of(AgglomerateClass.SMALL, AgglomerateClass.SMALL, AgglomerateClass.SMALL),
                classes.subList(n - 4, n - 1));
        assertTrue(a.count(AgglomerateClass.INTERIOR) >= 7 && a.count(AgglomerateClass.EXTERIOR) >= 12,
                "interior " + a.count(AgglomerateClass.INTERIOR) + ", exterior " + a.count(AgglomerateClass.EXTERIOR));
    }

    @Test
    void roiOutsideTheImageIsSkippedWithAMessage() throws IOException {
        int[] particles = particles();
        int[] agglomerates = AgglomerateDetector.detect(particles, SIZE, SIZE, PX, PX, 100);
        List<Roi> rois = new ArrayList<>(rois(agglomerates));
        Roi outside = new Roi(500, 500, 20, 20);
        outside.setName("far-away");
        rois.add(1, outside);
        Path zip = tmp.resolve("with-outside.zip");
        zip(rois, zip);
        List<String> warnings = new ArrayList<>();
        int[] regions = ParticleFileReader.readRegions(zip, SIZE, SIZE, warnings);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("ROI 2 ('far-away') lies outside the 128 x 128 px image"),
                warnings.get(0));
        AgglomerateClassification c = new AgglomerateClassifier(1.0, 200).classify(particles, regions, SIZE, SIZE,
                PX, PX);
        assertTrue(c.count(AgglomerateClass.INTERIOR) > 0 && c.count(AgglomerateClass.SMALL) == 3);
    }

    @Test
    void emptyRoiSetClassesEveryParticleIsolatedAndStillReports() throws IOException {
        Path zip = tmp.resolve("empty.zip");
        zip(List.of(), zip);
        List<String> warnings = new ArrayList<>();
        int[] particles = particles();
        int[] regions = ParticleFileReader.readRegions(zip, SIZE, SIZE, warnings);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("the ROI set is empty"), warnings.get(0));

        float[] fraction = new float[SIZE * SIZE];
        float[] thickness = new float[SIZE * SIZE];
        for (int i = 0; i < fraction.length; i++) {
            fraction[i] = particles[i] > 0 ? 0.3f + 0.001f * particles[i] : 0f;
            thickness[i] = particles[i] > 0 ? 100f : 0f;
        }
        AgglomerateResult r = new AgglomerateAnalysis(AgglomerateSettings.defaults().withBootstrap(100, 1)).run(
                particles, regions, zip.toString(), "Mn3", fraction, thickness, null, SIZE, SIZE, PX, PX, warnings,
                ProgressListener.NONE);
        assertEquals(particles().length > 0 ? r.classification().particles().size() : 0,
                r.classification().count(AgglomerateClass.ISOLATED));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("class interior has no particle")), r.warnings()
                .toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no agglomerate region given")));
        try (ResultsFolder folder = ResultsFolder.open(tmp.resolve("out"))) {
            AgglomerateResultWriter.write(r, PX, PX, folder);
            folder.commit();
        }
        Path dir = tmp.resolve("out/agglomerates");
        List<Map<String, String>> classes = CsvTable.read(dir.resolve("classes.csv"));
        assertEquals(4, classes.size());
        assertEquals("0", classes.get(0).get("n_particles"));
        assertEquals("", classes.get(0).get("mean"));
        assertEquals("", classes.get(0).get("se"));
        assertFalse(classes.get(3).get("mean").isEmpty());
        for (String f : List.of("classes.csv", "comparisons.csv", "by_thickness.csv", "particles.csv")) {
            assertFalse(Files.readString(dir.resolve(f)).contains("NaN"), f);
        }
        assertTrue(Files.readString(dir.resolve("warnings.txt")).contains("the ROI set is empty"));
    }

    @Test
    void settingsComeBackFromParamsJson() throws IOException {
        Path params = tmp.resolve("params.json");
        Files.writeString(params, "{\"oxymap_version\": \"x\", \"agglomerates\": {\"source\": \"auto\", "
                + "\"closing_nm\": 80.0, \"large_diameter_um\": 1.5, \"band_nm\": 150.0, \"thickness_bins\": 3, "
                + "\"agglomerate_bootstrap\": 100, \"agglomerate_seed\": 9}}");
        AgglomerateSettings s = AgglomerateResultWriter.readSettings(params, AgglomerateSettings.defaults());
        assertEquals(new AgglomerateSettings(80.0, 1.5, 150.0, 3, 50.0, 10.0, 100, 9L), s);
    }
}
