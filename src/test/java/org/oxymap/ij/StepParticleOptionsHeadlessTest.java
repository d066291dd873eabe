package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Line;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.measure.ResultsTable;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.distance.EuclideanDistanceTransform;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.pipeline.ParticleProfiles;
import org.oxymap.core.pipeline.ParticleProfiling;
import org.oxymap.core.pipeline.ParticleSettings;
import org.oxymap.core.pipeline.PipelineResult;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.pipeline.PipelineSteps;
import org.oxymap.core.profile.ProfileBin;
import org.oxymap.core.profile.SectorProfileBin;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.ExclusionFlag;
import org.oxymap.core.segment.ParticleMeasurement;
import org.oxymap.core.segment.ThresholdMethod;
import org.oxymap.io.CsvTable;
import org.oxymap.io.PipelineRunner;
import org.oxymap.io.TiffStackIO;

/**
 * The particle options of the Fiji steps (Segment Particles, Edge-Distance Profiles, Fit Models) and particles from
 * ROIs, headless: from macro lines as the recorder writes them and from the steps' static entries, the labels,
 * flags, distances and fits equal the pipeline's with the same {@link ParticleSettings}, float for float. On the
 * bundled phantom for the limits, the sub-pixel edge and the probe; on a phantom of touching pairs for the watershed
 * and the touching options.
 */
public class StepParticleOptionsHeadlessTest {

    static final Path PRIMARY = Path.of("test-images", "primary").toAbsolutePath();
    static final String REFS = PRIMARY.resolve("references/Mn2.csv") + "," + PRIMARY.resolve("references/Mn3.csv")
            + "," + PRIMARY.resolve("references/Mn4.csv");
    static final int SIZE = 128;
    static final double PX = 10;
    /** The step maps' titles here (unique, so that images of other tests in the JVM are not taken). */
    static final String T = "po_thickness";
    static final String F = "po_fraction_Mn3";
    static final String M = "po_mask";
    static final String E = "po_i0_region";

    private static ImagePlus thickness;
    private static ImagePlus fraction;
    private static boolean[] fitted;
    private static boolean[] empty;

    @BeforeAll
    static void stepMaps() throws Exception {
        assertNull(MacroRunner.runWithOptions(new ImportStackPlugin(), "stack=[" + PRIMARY.resolve("stack.tif")
                + "] energies=[] pixel_nm=0 region=0 channel=0 quantity=intensity"));
        newest("stack.tif").setTitle("po_stack");
        assertNull(MacroRunner.runWithOptions(new AlignStackPlugin(), "stack=po_stack"));
        newest("aligned").setTitle("po_aligned");
        assertNull(MacroRunner.runWithOptions(new OpticalDensityPlugin(), "stack=po_aligned i0=auto i0_roi=[] "
                + "i0_file=[]"));
        newest("OD").setTitle("po_OD");
        newest("i0_region").setTitle(E);
        assertNull(MacroRunner.runWithOptions(new FitReferencesPlugin(), "stack=po_OD references=[" + REFS
                + "] background=constant"));
        thickness = newest("thickness");
        thickness.setTitle(T);
        fraction = newest("fraction_Mn3");
        fraction.setTitle(F);
        newest("mask").setTitle(M);
        fitted = StepImages.mask(WindowManager.getImage(M), "mask", SIZE, SIZE);
        empty = StepImages.mask(WindowManager.getImage(E), "empty", SIZE, SIZE);
    }

    /** The newest open image with this title (image ids fall with each new image). */
    static ImagePlus newest(String title) {
        ImagePlus found = null;
        for (int id : WindowManager.getIDList()) {
            ImagePlus imp = WindowManager.getImage(id);
            if (imp != null && imp.getTitle().equals(title) && (found == null || imp.getID() < found.getID())) {
                found = imp;
            }
        }
        assertNotNull(found, "no image " + title);
        return found;
    }

    /** Runs a plugin from a macro line and renames its new image {@code made} to {@code as}. */
    static ImagePlus run(ij.plugin.PlugIn plugin, String options, String made, String as) throws Exception {
        Throwable t = MacroRunner.runWithOptions(plugin, options);
        if (t != null) {
            throw new AssertionError(t.getMessage(), t);
        }
        ImagePlus imp = newest(made);
        imp.setTitle(as);
        return imp;
    }

    static float[] pixels(ImagePlus imp) {
        return (float[]) imp.getProcessor().convertToFloat().getPixels();
    }

    static int[] ints(ImagePlus imp) {
        return StepImages.labels(imp, "labels", 0, 0);
    }

    /** What the pipeline's particle half (ParticleProfiling, as OxidationStatePipeline calls it) makes of the maps. */
    static ParticleProfiles pipeline(ParticleSettings p, double probeFwhmNm, int[] labels) {
        PipelineSettings s = PipelineRunner.withProbe(PipelineSettings.defaults().withParticles(p), probeFwhmNm,
                false);
        return new ParticleProfiling(PipelineSteps.resolvedBin(s, PX)).run(pixels(thickness), pixels(fraction), fitted,
                empty, SIZE, SIZE, PX, PX, labels, ProgressListener.NONE);
    }

    static String segmentLine(String options) {
        return "thickness=" + T + " mask=" + M + " empty=" + E + " threshold=noise min_area_nm2=2000 " + options;
    }

    static final String DEFAULT_SEGMENT = "fill_holes watershed watershed_h_nm=0 max_area_nm2=0 min_solidity=0.9 "
            + "min_circularity=0.7 exclude_touching";
    static final String DEFAULT_PROFILE = "section_nm=80 probe_fwhm_nm=0 min_area_nm2=2000 max_area_nm2=0 "
            + "min_solidity=0.9 min_circularity=0.7 exclude_touching touching_counts_as_edge subpixel_edge";

    @Test
    void oldMacroLinesGiveWhatTheDefaultsGive() throws Exception {
        ImagePlus oldLabels = run(new SegmentParticlesPlugin(), "thickness=" + T + " mask=" + M + " empty=" + E
                + " threshold=noise min_area_nm2=2000", "labels", "po_labels_old");
        ImagePlus newLabels = run(new SegmentParticlesPlugin(), segmentLine(DEFAULT_SEGMENT), "labels",
                "po_labels_new");
        assertArrayEquals(pixels(newLabels), pixels(oldLabels));
        assertEquals(14, newLabels.getOverlay().size(), "the phantom's 14 particles");

        ImagePlus oldDistance = run(new EdgeDistanceProfilesPlugin(), "labels=po_labels_old fraction=" + F
                + " thickness=" + T + " bin_nm=0", "distance", "po_distance_old");
        ImagePlus newDistance = run(new EdgeDistanceProfilesPlugin(), "labels=po_labels_new fraction=" + F
                + " thickness=" + T + " bin_nm=0 " + DEFAULT_PROFILE, "distance", "po_distance_new");
        assertArrayEquals(pixels(newDistance), pixels(oldDistance));
        assertArrayEquals(pipeline(ParticleSettings.defaults(), 0, null).distanceNm(), pixels(newDistance));

        // Fit Models shows only a table, which headless stays unshown: its logged summary tells the runs apart
        String fitOld = "labels=po_labels_old fraction=" + F + " thickness=" + T + " time_s=1000000 section_nm=80 "
                + "bin_nm=0";
        String oldSummary = logged(new FitModelsPlugin(), fitOld);
        String newSummary = logged(new FitModelsPlugin(), fitOld + " " + DEFAULT_PROFILE.replace("section_nm=80 ",
                ""));
        String noSubpixel = logged(new FitModelsPlugin(), fitOld + " " + DEFAULT_PROFILE.replace("section_nm=80 ",
                "").replace(" subpixel_edge", ""));
        System.out.println("Fit Models: old line " + oldSummary + "; without subpixel_edge " + noSubpixel);
        assertEquals(newSummary, oldSummary, "the earlier Fit Models line runs with the defaults");
        assertTrue(!noSubpixel.equals(oldSummary), "a new line without the subpixel_edge word: " + noSubpixel);
    }

    /** What a plugin logs (headless, ImageJ's log goes to standard output) when it runs from a macro line. */
    static String logged(ij.plugin.PlugIn plugin, String options) throws Exception {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        Throwable t;
        try {
            t = MacroRunner.runWithOptions(plugin, options);
        } finally {
            System.setOut(original);
        }
        if (t != null) {
            throw new AssertionError(t.getMessage(), t);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8).trim();
    }

    /**
     * max_area_nm2 30000 flags particles 6, 8 and 10 too_large and min_circularity 0.95 particle 11 non_convex (the
     * bundled phantom's areas are 14300..50300 nm², circularities 0.912..1.039); subpixel_edge off gives the mask's
     * exact distance transform; probe_fwhm_nm 10 (the phantom's probe) is carried by the geometry and the models.
     * The steps give the whole pipeline's labels, flags, distance and global D with the same settings.
     */
    @Test
    void limitsSubpixelEdgeAndProbeAreThePipelines(@TempDir Path tmp) throws Exception {
        ImagePlus labels = run(new SegmentParticlesPlugin(), segmentLine("fill_holes watershed watershed_h_nm=0 "
                + "max_area_nm2=30000 min_solidity=0.9 min_circularity=0.95 exclude_touching"), "labels",
                "po_labels_limits");
        List<String> names = new ArrayList<>();
        for (Roi r : labels.getOverlay().toArray()) {
            names.add(r.getName());
        }
        List<String> expected = new ArrayList<>();
        for (int l = 1; l <= 14; l++) {
            expected.add("particle " + l + (l == 6 || l == 8 || l == 10 ? ": too_large" : l == 11 ? ": non_convex"
                    : ""));
        }
        assertEquals(expected, names);

        ParticleSettings p = ParticleSettings.defaults().withMaxAreaNm2(30000).withMinCircularity(0.95)
                .withSubpixelEdge(false);
        PipelineSettings settings = PipelineRunner.withProbe(PipelineRunner.settings(1e6, 80, 0, "constant", "noise",
                2000).withParticles(p), 10, false);
        Path out = tmp.resolve("run");
        PipelineResult whole = PipelineRunner.run(PipelineRunner.load(PRIMARY.resolve("stack.tif"), null,
                PipelineRunner.splitPaths(REFS), null, Double.NaN, Map.of()), settings, out, null,
                ProgressListener.NONE);
        assertArrayEquals(TiffStackIO.readMap(out.resolve("particles/labels.tif")), pixels(labels));
        List<String> flags = CsvTable.read(out.resolve("particles/particles.csv")).stream()
                .map(row -> row.get("flags")).toList();
        List<String> stepFlags = new ArrayList<>();
        for (String n : names) {
            stepFlags.add(n.contains(": ") ? n.substring(n.indexOf(": ") + 2) : "");
        }
        assertEquals(flags, stepFlags, "particles.csv's flags");

        String limits = "section_nm=80 probe_fwhm_nm=10 min_area_nm2=2000 max_area_nm2=30000 min_solidity=0.9 "
                + "min_circularity=0.95 exclude_touching touching_counts_as_edge";
        ImagePlus off = run(new EdgeDistanceProfilesPlugin(), "labels=po_labels_limits fraction=" + F + " thickness="
                + T + " bin_nm=0 " + limits, "distance", "po_distance_off");
        assertArrayEquals(TiffStackIO.readMap(out.resolve("particles/distance.tif")), pixels(off),
                "subpixel_edge off: the pipeline's distance");
        float[] transform = EuclideanDistanceTransform.distanceToOwnBoundary(ints(labels), SIZE, SIZE, PX, PX, true,
                ProgressListener.NONE);
        assertArrayEquals(transform, pixels(off), "subpixel_edge off: the exact distance transform of the mask");

        ImagePlus on = run(new EdgeDistanceProfilesPlugin(), "labels=po_labels_limits fraction=" + F + " thickness="
                + T + " bin_nm=0 " + limits + " subpixel_edge", "distance", "po_distance_on");
        float[] onPipeline = pipeline(p.withSubpixelEdge(true), 10, null).distanceNm();
        assertArrayEquals(onPipeline, pixels(on), "subpixel_edge on: the pipeline's distance");
        int moved = 0;
        int movedInFlagged = 0;
        int profiledPixels = 0;
        int[] l = ints(labels);
        float[] onPixels = pixels(on);
        float[] offPixels = pixels(off);
        for (int i = 0; i < l.length; i++) {
            boolean flagged = l[i] == 6 || l[i] == 8 || l[i] == 10 || l[i] == 11;
            profiledPixels += l[i] > 0 && !flagged ? 1 : 0;
            if (onPixels[i] != offPixels[i]) {
                moved++;
                movedInFlagged += flagged ? 1 : 0;
            }
        }
        System.out.println("subpixel_edge moved " + moved + " pixels' distance of " + profiledPixels
                + " in profiled particles");
        assertEquals(profiledPixels, moved, "the sub-pixel edge moves every pixel of the profiled particles");
        assertEquals(0, movedInFlagged, "flagged particles keep the mask's distance transform");

        StepResult fits = FitModelsPlugin.fit(labels, fraction, thickness, 1e6, 80, 0, 10, 2000,
                ParticleOptions.defaults().withLimits(30000, 0.9, 0.95, true).withEdge(true, false),
                ProgressListener.NONE);
        double d = globalD(fits.tables().get("OxyMap Fits"));
        double dPipeline = whole.globalFit().dtNm2() * 1e-14 / 1e6;
        System.out.println("Fit Models, probe 10 nm, limits, no sub-pixel edge: D = " + d + ", pipeline " + dPipeline);
        assertEquals(dPipeline, d, 1e-12 * dPipeline, "global D of Fit Models and of the pipeline");
        assertTrue(fits.summary().startsWith("10 particles fitted"), fits.summary());
    }

    /**
     * Touching pairs (a noise-free phantom whose every second particle overlaps the one before by a pixel), threshold
     * li on the true thickness: the watershed splits each pair, without it each pair is one particle; exclude_touching
     * flags exactly the split pairs' particles; touching_counts_as_edge moves the distance of the pixels along the
     * shared boundaries. Labels, flags and distances equal ParticleProfiling's with the same settings.
     */
    @Test
    void watershedAndTouchingOptionsOnTouchingPairs() throws Exception {
        PhantomSettings ps = PhantomSettings.defaults().withContactPairs(3, -1).withNoise(0).withDrift(0)
                .withProbeFwhmNm(0);
        Phantom phantom = new PhantomGenerator(ps).generate(ProgressListener.NONE);
        int n = ps.sizePx();
        double px = ps.pixelNm();
        ImagePlus t = StepImages.map("pairs_thickness", phantom.thicknessNm().clone(), n, n, px, px,
                StepImages.Look.GREY);
        ImagePlus f = StepImages.map("pairs_fraction", phantom.fractions().get(1).clone(), n, n, px, px,
                StepImages.Look.FRACTION);
        PipelineSettings li = PipelineSettings.defaults().withThreshold(ThresholdMethod.LI).withBinNm(px);

        StepResult split = SegmentParticlesPlugin.segment(t, null, null, "li", 2000, ParticleOptions.defaults(),
                ProgressListener.NONE);
        StepResult merged = SegmentParticlesPlugin.segment(t, null, null, "li", 2000, ParticleOptions.defaults()
                .withSegmentation(true, false, 0), ProgressListener.NONE);
        StepResult kept = SegmentParticlesPlugin.segment(t, null, null, "li", 2000, ParticleOptions.defaults()
                .withLimits(0, 0.9, 0.7, false), ProgressListener.NONE);
        // (the pipeline with exclude_touching stops here: every particle of this phantom touches another)
        PipelineSettings kept0 = li.withParticles(li.particles().withExcludeTouching(false));
        ParticleProfiles splitPipeline = new ParticleProfiling(kept0).run(phantom.thicknessNm(),
                phantom.fractions().get(1), null, null, n, n, px, px, null, ProgressListener.NONE);
        // (the merged pairs are all non_convex, which would leave the pipeline nothing to profile: no shape limits)
        ParticleProfiles mergedPipeline = new ParticleProfiling(li.withParticles(li.particles().withWatershed(false)
                .withMinSolidity(0).withMinCircularity(0))).run(phantom.thicknessNm(), phantom.fractions().get(1),
                null, null, n, n, px, px, null, ProgressListener.NONE);
        assertArrayEquals(mergedPipeline.segmentation().labels(), ints(merged.image("labels")),
                "watershed off: the pipeline's labels");
        assertArrayEquals(splitPipeline.segmentation().labels(), ints(split.image("labels")),
                "watershed on: the pipeline's labels");

        int particles = phantom.particles().size();
        int touching = touching(ParticleMeasurement.measureAll(splitPipeline.segmentation(), n, px, px,
                phantom.fractions().get(1), phantom.thicknessNm(), li.particles().limits(li.minAreaNm2())));
        System.out.println("pairs phantom: " + particles + " particles, split " + splitPipeline.segmentation().count()
                + ", merged " + mergedPipeline.segmentation().count() + ", touching " + touching);
        assertEquals(particles, splitPipeline.segmentation().count(), "the watershed splits every pair");
        assertEquals(particles - touching / 2, mergedPipeline.segmentation().count(),
                "without the watershed each touching pair is one particle");
        assertEquals(touching, flagged(split, "touches_particle"), "exclude_touching flags the split pairs");
        assertEquals(0, flagged(kept, "touches_particle"), "exclude_touching off flags none");
        assertEquals(particles / 2, flagged(merged, "non_convex"), "each merged pair is non_convex");
        assertEquals(particles, touching, "every particle of this phantom is one of a touching pair");

        // Edge-Distance Profiles with the touching particles profiled, shared boundaries as edge or not
        ImagePlus labels = split.image("labels");
        ParticleOptions profiled = ParticleOptions.defaults().withLimits(0, 0.9, 0.7, false);
        float[] asEdge = pixels(EdgeDistanceProfilesPlugin.profiles(labels, f, t, 0, 80, 0, 2000,
                profiled.withEdge(true, true), ProgressListener.NONE).image("distance"));
        float[] notEdge = pixels(EdgeDistanceProfilesPlugin.profiles(labels, f, t, 0, 80, 0, 2000,
                profiled.withEdge(false, true), ProgressListener.NONE).image("distance"));
        assertArrayEquals(new ParticleProfiling(kept0).run(phantom.thicknessNm(),
                phantom.fractions().get(1), null, null, n, n, px, px, ints(labels), ProgressListener.NONE)
                .distanceNm(), asEdge, "touching_counts_as_edge on: the pipeline's distance");
        assertArrayEquals(new ParticleProfiling(kept0.withParticles(kept0.particles().withTouchingCountsAsEdge(false)))
                .run(
                phantom.thicknessNm(), phantom.fractions().get(1), null, null, n, n, px, px, ints(labels),
                ProgressListener.NONE).distanceNm(), notEdge, "touching_counts_as_edge off: the pipeline's distance");
        // with the mask's own edge (subpixel_edge off) the effect is exact: a pixel 4-adjacent to another particle
        // is a rim pixel (the smallest distance, as next to the background) only when the shared boundary is edge
        float[] rimAsEdge = pixels(EdgeDistanceProfilesPlugin.profiles(labels, f, t, 0, 80, 0, 2000,
                profiled.withEdge(true, false), ProgressListener.NONE).image("distance"));
        float[] rimNotEdge = pixels(EdgeDistanceProfilesPlugin.profiles(labels, f, t, 0, 80, 0, 2000,
                profiled.withEdge(false, false), ProgressListener.NONE).image("distance"));
        int[] l = ints(labels);
        float rim = Float.MAX_VALUE;
        for (int i = 0; i < l.length; i++) {
            if (l[i] > 0) {
                rim = Math.min(rim, rimNotEdge[i]);
            }
        }
        int shared = 0;
        int sharedOnly = 0;
        int rimWhenEdge = 0;
        int innerWhenNot = 0;
        for (int i = 0; i < l.length; i++) {
            if (l[i] > 0 && nextTo(l, i, n, true)) {
                shared++;
                rimWhenEdge += rimAsEdge[i] == rim ? 1 : 0;
                if (!nextTo(l, i, n, false)) {
                    sharedOnly++;
                    innerWhenNot += rimNotEdge[i] > rim ? 1 : 0;
                }
            }
        }
        System.out.println("rim distance " + rim + " nm; pixels 4-adjacent to another particle: " + shared
                + ", of them not next to the background: " + sharedOnly);
        assertEquals(shared, rimWhenEdge, "touching_counts_as_edge: every shared-boundary pixel is on the rim");
        assertEquals(sharedOnly, innerWhenNot, "without it, a shared-boundary pixel away from the background is not");
        assertTrue(sharedOnly > 0, "shared-boundary pixels away from the background: " + sharedOnly);
    }

    /**
     * The step's particles as ROIs (each traced as ImageJ's Create Selection does, in reverse order) give the label
     * image back and the same distance, profiles and fits, through {@link StepParticles} (the ROI Manager's path), a
     * RoiManager .zip in the labels key, and Run Pipeline's particles key.
     */
    @Test
    void roisGiveTheLabelImagesProfilesAndFits(@TempDir Path tmp) throws Exception {
        ImagePlus labels = SegmentParticlesPlugin.segment(thickness, WindowManager.getImage(M),
                WindowManager.getImage(E), "noise", 2000, ParticleOptions.defaults(), ProgressListener.NONE)
                .image("labels");
        int[] l = ints(labels);
        Roi[] rois = new Roi[14];
        for (int k = 0; k < 14; k++) {
            rois[k] = roiOf(l, 14 - k);
        }
        ImagePlus fromRois = StepParticles.labelImage(StepParticles.fromRois(rois, "labels", SIZE, SIZE), thickness);
        assertArrayEquals(pixels(labels), pixels(fromRois), "the ROIs renumbered in raster order are the labels");

        ParticleOptions d = ParticleOptions.defaults();
        StepResult a = EdgeDistanceProfilesPlugin.profiles(labels, fraction, thickness, 0, 80, 0, 2000, d,
                ProgressListener.NONE);
        StepResult b = EdgeDistanceProfilesPlugin.profiles(fromRois, fraction, thickness, 0, 80, 0, 2000, d,
                ProgressListener.NONE);
        assertArrayEquals(pixels(a.image("distance")), pixels(b.image("distance")));
        assertSameTable(a.tables().get("OxyMap Profiles"), b.tables().get("OxyMap Profiles"));
        assertSameTable(a.tables().get("OxyMap Particles"), b.tables().get("OxyMap Particles"));

        Path zip = tmp.resolve("RoiSet.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (int k = 0; k < rois.length; k++) {
                z.putNextEntry(new ZipEntry(String.format("%04d.roi", k)));
                z.write(RoiEncoder.saveAsByteArray(rois[k]));
                z.closeEntry();
            }
        }
        ImagePlus zipDistance = run(new EdgeDistanceProfilesPlugin(), "labels=[" + zip + "] fraction=" + F
                + " thickness=" + T + " bin_nm=0 " + DEFAULT_PROFILE, "distance", "po_distance_zip");
        assertArrayEquals(pixels(a.image("distance")), pixels(zipDistance), "labels= a RoiManager .zip");
        double dLabels = globalD(FitModelsPlugin.fit(labels, fraction, thickness, 1e6, 80, 0, 0, 2000, d,
                ProgressListener.NONE).tables().get("OxyMap Fits"));
        double dZip = globalD(FitModelsPlugin.fit(StepParticles.labels(zip.toString(), "labels", thickness), fraction, thickness, 1e6, 80, 0, 0, 2000, d,
                ProgressListener.NONE).tables().get("OxyMap Fits"));
        assertEquals(dLabels, dZip, "Fit Models' global D from the ROIs");

        Path out = tmp.resolve("run");
        assertNull(MacroRunner.runWithOptions(new RunPipelinePlugin(), "stack=[" + PRIMARY.resolve("stack.tif")
                + "] energies=[] references=[" + REFS + "] out=[" + out + "] time_s=1000000 section_nm=80 bin_nm=0 "
                + "background=constant threshold=noise min_area_nm2=2000 probe_fwhm_nm=0 deconvolve_probe particles=["
                + zip + "]"));
        assertArrayEquals(pixels(labels), TiffStackIO.readMap(out.resolve("particles/labels.tif")));
        assertArrayEquals(pixels(a.image("distance")), TiffStackIO.readMap(out.resolve("particles/distance.tif")));
        String params = Files.readString(out.resolve("params.json"));
        assertTrue(params.contains("RoiSet.zip") && params.contains("\"particles_source\": \"given\""), params);
    }

    /**
     * Overlapping ROIs: the overlap goes to the first ROI, then the labels are renumbered in raster order.
     */
    @Test
    void overlappingRoisGoToTheFirst() {
        Roi upperLeft = new Roi(2, 2, 5, 5);
        Roi lowerRight = new Roi(4, 4, 5, 5);
        int[] first = StepParticles.fromRois(new Roi[] {upperLeft, lowerRight}, "labels", 12, 12);
        int[] second = StepParticles.fromRois(new Roi[] {lowerRight, upperLeft}, "labels", 12, 12);
        assertEquals(1, first[5 * 12 + 5], "overlap to the first ROI");
        assertEquals(1, second[5 * 12 + 5], "overlap to the first ROI (now the lower right one)");
        ImagePlus like = StepImages.map("like", new float[144], 12, 12, 10, 10, StepImages.Look.GREY);
        int[] renumbered = ints(StepParticles.labelImage(second, like));
        assertEquals(1, renumbered[2 * 12 + 2], "the upper left ROI comes first in raster order");
        assertEquals(2, renumbered[5 * 12 + 5], "the overlap stays with the lower right ROI");
        assertEquals(25 - 9, count(renumbered, 1));
        assertEquals(25, count(renumbered, 2));
    }

    @Test
    void emptyOrLineRoisAndBadOptionsAreNamedByTheirKey(@TempDir Path tmp) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StepParticles.fromRois(new Roi[0], "labels", SIZE, SIZE));
        assertTrue(e.getMessage().startsWith("parameter labels is ROI Manager, but the ROI Manager is empty"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StepParticles.fromRois(
                new Roi[] {new Roi(1, 1, 5, 5), new Line(1, 1, 50, 50)}, "labels", SIZE, SIZE));
        assertTrue(e.getMessage().startsWith("parameter labels (ROI Manager): ROI 2")
                && e.getMessage().contains("not an area"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StepParticles.fromRois(
                new Roi[] {new Roi(500, 500, 5, 5)}, "labels", SIZE, SIZE));
        assertTrue(e.getMessage().startsWith("parameter labels (ROI Manager): ROI 1")
                && e.getMessage().contains("covers no pixel"), e.getMessage());

        Throwable t = MacroRunner.runWithOptions(new EdgeDistanceProfilesPlugin(), "labels=[ROI Manager] fraction="
                + F + " thickness=" + T + " bin_nm=0");
        assertTrue(t != null && t.getMessage().startsWith("parameter labels is ROI Manager, but headless"),
                String.valueOf(t));
        t = MacroRunner.runWithOptions(new FitModelsPlugin(), "labels=roimanager fraction=" + F + " thickness=" + T);
        assertTrue(t != null && t.getMessage().startsWith("parameter labels is ROI Manager"), String.valueOf(t));
        Path never = tmp.resolve("never");
        t = MacroRunner.runWithOptions(new RunPipelinePlugin(), "stack=[" + PRIMARY.resolve("stack.tif")
                + "] references=[" + REFS + "] out=[" + never + "] particles=[ROI Manager]");
        assertTrue(t != null && t.getMessage().startsWith("parameter particles is ROI Manager"), String.valueOf(t));
        t = MacroRunner.runWithOptions(new RunPipelinePlugin(), "stack=[" + PRIMARY.resolve("stack.tif")
                + "] references=[" + REFS + "] out=[" + never + "] particles=[no such file.zip]");
        assertTrue(t != null && t.getMessage().startsWith("parameter particles is 'no such file.zip'"),
                String.valueOf(t));
        assertTrue(!Files.exists(never), "no results folder");

        String[][] bad = {{"min_solidity=1.5", "parameter min_solidity is 1.5, expected 0..1"},
            {"min_circularity=-0.1", "parameter min_circularity is -0.1, expected 0..1"},
            {"max_area_nm2=1000", "parameter max_area_nm2 is 1000.0, expected more than min_area_nm2 (2000.0)"},
            {"watershed_h_nm=-5", "parameter watershed_h_nm is -5.0"},
            {"min_area_nm2=-1", "parameter min_area_nm2 is -1.0"}};
        for (String[] b : bad) {
            String line = b[0].startsWith("min_area_nm2") ? segmentLine("").replace("min_area_nm2=2000", b[0])
                    : segmentLine(b[0]);
            t = MacroRunner.runWithOptions(new SegmentParticlesPlugin(), line);
            assertTrue(t != null && t.getMessage().startsWith(b[1]), b[0] + ": " + t);
        }
        StepResult segmented = SegmentParticlesPlugin.segment(thickness, WindowManager.getImage(M),
                WindowManager.getImage(E), "noise", 2000, ParticleOptions.defaults(), ProgressListener.NONE);
        StepImages.present(segmented, null); // as the plugin does: a batch-mode image found by title
        newest("labels").setTitle("po_labels_err");
        t = MacroRunner.runWithOptions(new EdgeDistanceProfilesPlugin(), "labels=po_labels_err fraction=" + F
                + " thickness=" + T + " probe_fwhm_nm=-1");
        assertTrue(t != null && t.getMessage().startsWith("parameter probe_fwhm_nm is -1.0"), String.valueOf(t));
        // core's errors name the option the command-line way; the steps name it by the macro key
        t = MacroRunner.runWithOptions(new EdgeDistanceProfilesPlugin(), "labels=po_labels_err fraction=" + F
                + " thickness=" + T + " bin_nm=0 section_nm=0");
        assertEquals("parameter section_nm is 0.0, expected a positive number of nm", String.valueOf(
                t == null ? null : t.getMessage()));
        t = MacroRunner.runWithOptions(new FitModelsPlugin(), "labels=po_labels_err fraction=" + F + " thickness="
                + T + " bin_nm=Infinity");
        assertEquals("parameter bin_nm is Infinity, expected a positive number of nm", String.valueOf(
                t == null ? null : t.getMessage()));
        // 0 means one-pixel bins and an unknown time; a negative value is an error, not taken as 0
        t = MacroRunner.runWithOptions(new EdgeDistanceProfilesPlugin(), "labels=po_labels_err fraction=" + F
                + " thickness=" + T + " bin_nm=-5");
        assertEquals("parameter bin_nm is -5.0, expected a positive number of nm, or 0 for one-pixel bins",
                String.valueOf(t == null ? null : t.getMessage()));
        t = MacroRunner.runWithOptions(new FitModelsPlugin(), "labels=po_labels_err fraction=" + F + " thickness="
                + T + " time_s=-1");
        assertEquals("parameter time_s is -1.0, expected a positive number of s, or 0 when the time is unknown",
                String.valueOf(t == null ? null : t.getMessage()));
        t = MacroRunner.runWithOptions(new EdgeDistanceProfilesPlugin(), "labels=po_labels_err fraction=" + F
                + " thickness=" + T + " bin_nm=0 " + DEFAULT_PROFILE.replace("min_area_nm2=2000",
                "min_area_nm2=60000"));
        assertEquals("no particle left to profile: 14 particles found, all excluded (14 too_small); relax the limits "
                + "(min_area_nm2, min_solidity, min_circularity, exclude_touching) or check the particles",
                String.valueOf(t == null ? null : t.getMessage()));
    }

    /**
     * normalise_distance, normalised_bin and sectors in Edge-Distance Profiles: the tables "OxyMap Normalised
     * Profiles" and "OxyMap Sector Profiles" hold the pipeline's normalised and sector profiles of the same
     * particles, value for value; without them there are no such tables; bad values are named by their key.
     */
    @Test
    void normalisedAndSectorProfilesAreThePipelines() throws Exception {
        ImagePlus labels = run(new SegmentParticlesPlugin(), segmentLine(DEFAULT_SEGMENT), "labels",
                "po_labels_extra");
        ImagePlus distance = run(new EdgeDistanceProfilesPlugin(), "labels=po_labels_extra fraction=" + F
                + " thickness=" + T + " bin_nm=0 " + DEFAULT_PROFILE + " normalise_distance normalised_bin=0.1 "
                + "sectors=8", "distance", "po_distance_extra");
        ParticleProfiles pipeline = pipeline(ParticleSettings.defaults().withNormaliseDistance(true)
                .withNormalisedBin(0.1).withSectors(8), 0, ints(labels));
        assertArrayEquals(pipeline.distanceNm(), pixels(distance), "the macro line's distance");

        StepResult r = EdgeDistanceProfilesPlugin.profiles(labels, fraction, thickness, 0, 80, 0, 2000,
                ParticleOptions.defaults(), new ExtraProfileOptions(true, 0.1, 8), ProgressListener.NONE);
        ResultsTable normalised = r.tables().get("OxyMap Normalised Profiles");
        assertEquals(pipeline.normalisedBins().size(), normalised.size());
        assertTrue(normalised.size() > 14 * 5, "normalised bins " + normalised.size());
        for (int i = 0; i < normalised.size(); i++) {
            ProfileBin b = pipeline.normalisedBins().get(i);
            assertEquals(b.particle(), (int) normalised.getValue("particle", i));
            assertEquals(b.distanceNm(), normalised.getValue("distance_rel", i));
            assertEquals(b.mean(), normalised.getValue("mean", i));
            assertEquals(b.se(), normalised.getValue("se", i));
            assertEquals(b.weight(), normalised.getValue("weight", i));
            assertEquals(b.n(), (int) normalised.getValue("n", i));
        }
        ResultsTable sectors = r.tables().get("OxyMap Sector Profiles");
        assertEquals(pipeline.sectorBins().size(), sectors.size());
        java.util.Set<Integer> sectorNumbers = new java.util.TreeSet<>();
        for (int i = 0; i < sectors.size(); i++) {
            SectorProfileBin s = pipeline.sectorBins().get(i);
            assertEquals(s.bin().particle(), (int) sectors.getValue("particle", i));
            assertEquals(s.sector(), (int) sectors.getValue("sector", i));
            assertEquals(s.fromDeg(), sectors.getValue("from_deg", i));
            assertEquals(s.toDeg(), sectors.getValue("to_deg", i));
            assertEquals(s.bin().distanceNm(), sectors.getValue("distance_nm", i));
            assertEquals(s.bin().mean(), sectors.getValue("mean", i));
            assertEquals(s.bin().se(), sectors.getValue("se", i));
            sectorNumbers.add(s.sector());
        }
        assertEquals(8, sectorNumbers.size(), "eight sectors " + sectorNumbers);
        assertTrue(r.summary().endsWith(", " + normalised.size() + " normalised bins, " + sectors.size()
                + " sector bins"), r.summary());

        StepResult none = EdgeDistanceProfilesPlugin.profiles(labels, fraction, thickness, 0, 80, 0, 2000,
                ParticleOptions.defaults(), ProgressListener.NONE);
        assertEquals(java.util.Set.of("OxyMap Profiles", "OxyMap Particles"), none.tables().keySet());

        String[][] bad = {{"sectors=1", "parameter sectors is 1, expected 0 (none) or 2..360"},
            {"sectors=2.5", "parameter sectors is 2.5, expected a whole number: 0 (none) or 2..360"},
            {"normalise_distance normalised_bin=0", "parameter normalised_bin is 0.0, expected a fraction of the "
                + "radius in (0, 1]"}};
        for (String[] b : bad) {
            Throwable t = MacroRunner.runWithOptions(new EdgeDistanceProfilesPlugin(), "labels=po_labels_extra "
                    + "fraction=" + F + " thickness=" + T + " bin_nm=0 " + DEFAULT_PROFILE + " " + b[0]);
            assertEquals(b[1], String.valueOf(t == null ? null : t.getMessage()), b[0]);
        }
    }

    private static int count(int[] labels, int label) {
        int k = 0;
        for (int v : labels) {
            k += v == label ? 1 : 0;
        }
        return k;
    }

    /** The selection ImageJ makes from the pixels of one label (Edit › Selection › Create Selection). */
    static Roi roiOf(int[] labels, int label) {
        ByteProcessor bp = new ByteProcessor(SIZE, SIZE);
        for (int i = 0; i < labels.length; i++) {
            bp.set(i, labels[i] == label ? 255 : 0);
        }
        bp.setThreshold(255, 255, ByteProcessor.NO_LUT_UPDATE);
        return ThresholdToSelection.run(new ImagePlus("p", bp));
    }

    static void assertSameTable(ResultsTable a, ResultsTable b) {
        assertEquals(a.size(), b.size());
        assertArrayEquals(a.getHeadings(), b.getHeadings());
        for (String h : a.getHeadings()) {
            for (int r = 0; r < a.size(); r++) {
                assertEquals(a.getStringValue(h, r), b.getStringValue(h, r), h + " row " + r);
            }
        }
    }

    private static int touching(ParticleMeasurement[] particles) {
        int k = 0;
        for (ParticleMeasurement m : particles) {
            k += m.flags().contains(ExclusionFlag.TOUCHES_PARTICLE) ? 1 : 0;
        }
        return k;
    }

    private static int flagged(StepResult segmented, String flag) {
        ResultsTable t = segmented.tables().get(SegmentParticlesPlugin.SEGMENTS_TABLE);
        int k = 0;
        for (int r = 0; r < t.size(); r++) {
            k += List.of(t.getStringValue("flags", r).split("\\+")).contains(flag) ? 1 : 0;
        }
        return k;
    }

    /** Whether pixel i is 4-adjacent to another particle ({@code other}) or to the background (not other). */
    private static boolean nextTo(int[] l, int i, int width, boolean other) {
        int x = i % width;
        int y = i / width;
        int[][] d = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        for (int[] o : d) {
            int nx = x + o[0];
            int ny = y + o[1];
            if (nx >= 0 && ny >= 0 && nx < width && ny < l.length / width) {
                int b = l[ny * width + nx];
                if (other ? b > 0 && b != l[i] : b == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static double globalD(ResultsTable fits) {
        for (int r = 0; r < fits.size(); r++) {
            if ("all".equals(fits.getStringValue("particle", r))
                    && "sphere-diffusion".equals(fits.getStringValue("model", r))) {
                return fits.getValue("D_cm2_s", r);
            }
        }
        throw new AssertionError("no global diffusion row");
    }
}
