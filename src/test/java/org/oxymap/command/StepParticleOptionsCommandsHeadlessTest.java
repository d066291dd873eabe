package org.oxymap.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.ImagePlus;
import ij.io.RoiEncoder;
import ij.measure.ResultsTable;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.ij.EdgeDistanceProfilesPlugin;
import org.oxymap.ij.ExtraProfileOptions;
import org.oxymap.ij.ParticleOptions;
import org.oxymap.ij.RunPipelineParticleOptionsHeadlessTest;
import org.oxymap.ij.StepImages;
import org.oxymap.ij.StepResult;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * The particle options and particle inputs of the SciJava step commands, headless through the CommandService, on a
 * noise-free phantom of touching pairs (every particle overlaps one other by a pixel): the parameters carry the
 * macro keys, the watershed and exclude_touching change the particles and flags in the known way, and particles
 * from a RoiManager .zip give the label image's profiles. Run Pipeline's particle options on the bundled phantom
 * give the command line's run.
 */
public class StepParticleOptionsCommandsHeadlessTest {

    private static Context context;
    private static CommandService commands;
    private static ImagePlus thickness;
    private static ImagePlus fraction;
    private static int size;

    @BeforeAll
    static void start() {
        context = new Context(CommandService.class);
        commands = context.service(CommandService.class);
        PhantomSettings ps = PhantomSettings.defaults().withContactPairs(3, -1).withNoise(0).withDrift(0)
                .withProbeFwhmNm(0);
        Phantom p = new PhantomGenerator(ps).generate(ProgressListener.NONE);
        size = ps.sizePx();
        thickness = StepImages.map("pairs_thickness", p.thicknessNm().clone(), size, size, ps.pixelNm(),
                ps.pixelNm(), StepImages.Look.GREY);
        fraction = StepImages.map("pairs_fraction", p.fractions().get(1).clone(), size, size, ps.pixelNm(),
                ps.pixelNm(), StepImages.Look.FRACTION);
    }

    @AfterAll
    static void stop() {
        context.dispose();
    }

    private static CommandModule run(Class<? extends Command> c, Object... kv) throws Exception {
        return commands.run(c, true, kv).get();
    }

    /** The message of the exception the command ended with. */
    private static String failure(Class<? extends Command> c, Object... kv) throws Exception {
        try {
            CommandModule m = commands.run(c, true, kv).get();
            return "no failure (cancel reason " + m.getCancelReason() + ")";
        } catch (ExecutionException e) {
            Throwable t = e;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            return t.getMessage();
        }
    }

    @Test
    void parametersAreTheMacroKeys() {
        assertEquals(List.of("thickness", "mask", "empty", "threshold", "min_area_nm2", "fill_holes", "watershed",
                "watershed_h_nm", "max_area_nm2", "min_solidity", "min_circularity", "exclude_touching"),
                inputs(SegmentParticlesCommand.class));
        assertEquals(List.of("labels", "particles_from", "fraction", "thickness", "bin_nm", "section_nm",
                "probe_fwhm_nm", "min_area_nm2", "max_area_nm2", "min_solidity", "min_circularity",
                "exclude_touching", "touching_counts_as_edge", "subpixel_edge", "normalise_distance",
                "normalised_bin", "sectors"), inputs(EdgeDistanceProfilesCommand.class));
        assertEquals(List.of("labels", "particles_from", "fraction", "thickness", "time_s", "section_nm", "bin_nm",
                "probe_fwhm_nm", "min_area_nm2", "max_area_nm2", "min_solidity", "min_circularity",
                "exclude_touching", "touching_counts_as_edge", "subpixel_edge"), inputs(FitModelsCommand.class));
    }

    private static List<String> inputs(Class<? extends Command> c) {
        List<String> names = new ArrayList<>();
        for (ModuleItem<?> item : commands.getCommand(c).inputs()) {
            names.add(item.getName());
        }
        return names;
    }

    /**
     * Threshold li on the true thickness: 14 particles in 7 touching pairs with the watershed, all flagged
     * touches_particle; 7 without it, each non_convex (two merged discs); exclude_touching off flags none.
     */
    @Test
    void watershedAndExcludeTouchingChangeParticlesAndFlags() throws Exception {
        CommandModule split = run(SegmentParticlesCommand.class, "thickness", thickness, "threshold", "li");
        CommandModule merged = run(SegmentParticlesCommand.class, "thickness", thickness, "threshold", "li",
                "watershed", false);
        CommandModule kept = run(SegmentParticlesCommand.class, "thickness", thickness, "threshold", "li",
                "exclude_touching", false);
        assertEquals(List.of(14, 14), List.of(rows(split), (int) ((ImagePlus) split.getOutput("labels"))
                .getDisplayRangeMax()));
        assertEquals(List.of("touches_particle"), distinctFlags(split));
        assertEquals(7, rows(merged));
        assertEquals(List.of("non_convex"), distinctFlags(merged));
        assertEquals(List.of(""), distinctFlags(kept));
        assertTrue(((String) kept.getOutput("summary")).startsWith("14 particles"), (String) kept.getOutput("summary"));
        assertTrue(((String) split.getOutput("summary")).endsWith("0 to profile (14 touches_particle)"),
                (String) split.getOutput("summary"));
    }

    private static int rows(CommandModule m) {
        return ((ResultsTable) m.getOutput("segments")).size();
    }

    private static List<String> distinctFlags(CommandModule m) {
        ResultsTable t = (ResultsTable) m.getOutput("segments");
        List<String> out = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            String f = t.getStringValue("flags", r);
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** A RoiManager .zip of the label image's particles as particles_from gives its distance and profiles. */
    @Test
    void particlesFromAZipGiveTheLabelImagesProfiles(@TempDir Path tmp) throws Exception {
        ImagePlus labels = (ImagePlus) run(SegmentParticlesCommand.class, "thickness", thickness, "threshold", "li",
                "exclude_touching", false).getOutput("labels");
        float[] l = (float[]) labels.getProcessor().getPixels();
        Path zip = tmp.resolve("RoiSet.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (int k = 14; k >= 1; k--) {
                ByteProcessor bp = new ByteProcessor(size, size);
                for (int i = 0; i < l.length; i++) {
                    bp.set(i, l[i] == k ? 255 : 0);
                }
                bp.setThreshold(255, 255, ByteProcessor.NO_LUT_UPDATE);
                z.putNextEntry(new ZipEntry(k + ".roi"));
                z.write(RoiEncoder.saveAsByteArray(ThresholdToSelection.run(new ImagePlus("p", bp))));
                z.closeEntry();
            }
        }
        CommandModule fromLabels = run(EdgeDistanceProfilesCommand.class, "labels", labels, "fraction", fraction,
                "thickness", thickness, "exclude_touching", false);
        CommandModule fromZip = run(EdgeDistanceProfilesCommand.class, "particles_from", zip.toString(), "fraction",
                fraction, "thickness", thickness, "exclude_touching", false);
        assertArrayEquals((float[]) ((ImagePlus) fromLabels.getOutput("distance")).getProcessor().getPixels(),
                (float[]) ((ImagePlus) fromZip.getOutput("distance")).getProcessor().getPixels());
        ResultsTable a = (ResultsTable) fromLabels.getOutput("profiles");
        ResultsTable b = (ResultsTable) fromZip.getOutput("profiles");
        assertNotNull(a);
        assertEquals(a.size(), b.size());
        for (int r = 0; r < a.size(); r++) {
            assertEquals(a.getValue("mean", r), b.getValue("mean", r), "profile row " + r);
            assertEquals(a.getValue("distance_nm", r), b.getValue("distance_nm", r), "profile row " + r);
        }
        assertEquals(14, ((ResultsTable) fromZip.getOutput("particles")).size());
        assertNull(fromLabels.getOutput("normalised_profiles"), "no normalised profiles unless asked");
        assertNull(fromLabels.getOutput("sector_profiles"), "no sector profiles unless asked");
        CommandModule extra = run(EdgeDistanceProfilesCommand.class, "labels", labels, "fraction", fraction,
                "thickness", thickness, "exclude_touching", false, "normalise_distance", true, "normalised_bin", 0.1,
                "sectors", 6);
        StepResult step = EdgeDistanceProfilesPlugin.profiles(labels, fraction, thickness, 0, 80, 0, 2000,
                ParticleOptions.defaults().withLimits(0, 0.9, 0.7, false), new ExtraProfileOptions(true, 0.1, 6),
                ProgressListener.NONE);
        for (String[] t : new String[][] {{"normalised_profiles", "OxyMap Normalised Profiles", "distance_rel"},
            {"sector_profiles", "OxyMap Sector Profiles", "distance_nm"}}) {
            ResultsTable got = (ResultsTable) extra.getOutput(t[0]);
            ResultsTable want = step.tables().get(t[1]);
            assertNotNull(got, t[0]);
            assertEquals(want.size(), got.size(), t[0]);
            for (int r = 0; r < want.size(); r++) {
                assertEquals(want.getValue("mean", r), got.getValue("mean", r), t[0] + " row " + r);
                assertEquals(want.getValue(t[2], r), got.getValue(t[2], r), t[0] + " row " + r);
            }
        }
        assertEquals(5.0, ((ResultsTable) extra.getOutput("sector_profiles")).getValue("sector",
                ((ResultsTable) extra.getOutput("sector_profiles")).size() - 1), "six sectors, numbered from 0: the last row is sector 5");

        assertEquals("parameter particles_from is ROI Manager, but headless there is no ROI Manager: give a label "
                + "image or the ROIs saved as a .zip", failure(FitModelsCommand.class, "particles_from", "ROI Manager",
                "fraction", fraction, "thickness", thickness));
        assertEquals("parameters labels and particles_from are both set: give one", failure(FitModelsCommand.class,
                "labels", labels, "particles_from", zip.toString(), "fraction", fraction, "thickness", thickness));
        assertTrue(failure(EdgeDistanceProfilesCommand.class, "fraction", fraction, "thickness", thickness)
                .startsWith("parameter labels is not set"));
        assertTrue(failure(SegmentParticlesCommand.class, "thickness", thickness, "threshold", "li", "min_solidity",
                2.0).startsWith("parameter min_solidity is 2.0"));
        // core's errors in the commands' terms: every particle touches another here
        assertEquals("no particle left to profile: 14 particles found, all excluded (14 touches_particle); relax the "
                + "limits (min_area_nm2, min_solidity, min_circularity, exclude_touching) or check the particles",
                failure(EdgeDistanceProfilesCommand.class, "labels", labels, "fraction", fraction, "thickness",
                        thickness));
        assertEquals("parameter section_nm is 0.0, expected a positive number of nm", failure(FitModelsCommand.class,
                "labels", labels, "fraction", fraction, "thickness", thickness, "exclude_touching", false,
                "section_nm", 0.0));
    }

    /**
     * Run Pipeline through the CommandService on the bundled phantom, with watershed false, max_area_nm2 30000 and
     * subpixel_edge false: the results folder of {@code oxymap run --watershed false --max-area-nm2 30000
     * --subpixel-edge false} (particles 6, 8, 10 too_large); bad values named by their parameter, no folder.
     */
    @Test
    void runPipelineTakesTheParticleOptions(@TempDir Path tmp) throws Exception {
        Path primary = RunPipelineParticleOptionsHeadlessTest.PRIMARY;
        String refs = RunPipelineParticleOptionsHeadlessTest.refs(primary);
        Path out = tmp.resolve("command");
        run(RunPipelineCommand.class, "stack", primary.resolve("stack.tif").toFile(), "references", refs, "out",
                out.toFile(), "time_s", 1e6, "watershed", false, "max_area_nm2", 30000.0, "subpixel_edge", false);
        Path cli = tmp.resolve("cli");
        String[] r = RunPipelineParticleOptionsHeadlessTest.cli(primary, cli, "--watershed", "false",
                "--max-area-nm2", "30000", "--subpixel-edge", "false");
        assertEquals("0", r[0], r[1]);
        RunPipelineParticleOptionsHeadlessTest.assertSameRun(cli, out);
        List<String> flags = new ArrayList<>();
        for (java.util.Map<String, String> row : org.oxymap.io.CsvTable.read(out.resolve("particles/particles.csv"))) {
            flags.add(row.get("flags"));
        }
        assertEquals(List.of("", "", "", "", "", "too_large", "", "too_large", "", "too_large", "", "", "", ""), flags);
        assertEquals(30000.0, RunPipelineParticleOptionsHeadlessTest.parameters(out).get("max_area_nm2")
                .getAsDouble());

        Path never = tmp.resolve("never");
        assertEquals("parameter min_solidity is 2.0, expected 0..1", failure(RunPipelineCommand.class, "stack",
                primary.resolve("stack.tif").toFile(), "references", refs, "out", never.toFile(), "min_solidity",
                2.0));
        assertEquals("parameter section_nm is -1.0, expected a positive number of nm", failure(
                RunPipelineCommand.class, "stack", primary.resolve("stack.tif").toFile(), "references", refs, "out",
                never.toFile(), "section_nm", -1.0));
        assertTrue(!Files.exists(never), "no results folder");
    }
}
