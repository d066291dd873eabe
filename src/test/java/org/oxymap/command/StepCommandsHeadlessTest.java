package org.oxymap.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.pipeline.PipelineResult;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.io.PipelineRunner;
import org.oxymap.io.TiffStackIO;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * Every per-step command run headless through the CommandService, one after the other on the bundled phantom,
 * gives the maps of one pipeline run exactly, the phantom's particles and its diffusivity.
 */
public class StepCommandsHeadlessTest {

    static final Path PRIMARY = Path.of("test-images", "primary").toAbsolutePath();
    static final String REFS = PRIMARY.resolve("references/Mn2.csv") + "," + PRIMARY.resolve("references/Mn3.csv")
            + "," + PRIMARY.resolve("references/Mn4.csv");

    private static Context context;
    private static CommandService commands;

    @BeforeAll
    static void start() {
        context = new Context(CommandService.class);
        commands = context.service(CommandService.class);
    }

    @AfterAll
    static void stop() {
        context.dispose();
    }

    private static CommandModule run(Class<? extends org.scijava.command.Command> c, Object... kv) throws Exception {
        Future<CommandModule> f = commands.run(c, true, kv);
        CommandModule m = f.get();
        assertNull(m.getCancelReason(), c.getSimpleName() + " was cancelled: " + m.getCancelReason());
        return m;
    }

    @Test
    void stepsOneByOneGiveThePipelinesMapsAndThePhantomsAnswer(@TempDir Path tmp) throws Exception {
        ImagePlus stack = (ImagePlus) run(OpenStackCommand.class, "stack", PRIMARY.resolve("stack.tif").toFile())
                .getOutput("image");
        assertEquals(128, stack.getWidth());
        assertTrue(stack.getStack().getSliceLabel(1).endsWith(" eV"), stack.getStack().getSliceLabel(1));

        CommandModule align = run(AlignStackCommand.class, "stack", stack);
        ImagePlus aligned = (ImagePlus) align.getOutput("aligned");
        ResultsTable shifts = (ResultsTable) align.getOutput("shifts");
        assertEquals(stack.getStackSize(), shifts.size());

        CommandModule odStep = run(OpticalDensityCommand.class, "stack", aligned, "i0", "auto");
        ImagePlus od = (ImagePlus) odStep.getOutput("od");
        ImagePlus empty = (ImagePlus) odStep.getOutput("i0_region");
        // the phantom's I0 is 30000 counts
        double i0 = ((ResultsTable) odStep.getOutput("i0_spectrum")).getValue("i0", 0);
        assertEquals(30000, i0, 30000 * 0.02, "I0 " + i0);

        CommandModule fit = run(FitReferencesCommand.class, "stack", od, "references", REFS, "background",
                "constant");
        @SuppressWarnings("unchecked")
        List<ImagePlus> maps = (List<ImagePlus>) fit.getOutput("maps");
        ImagePlus mn3 = maps.stream().filter(m -> m.getTitle().equals("fraction_Mn3")).findFirst().orElseThrow();
        ImagePlus thickness = (ImagePlus) fit.getOutput("thickness");
        assertEquals(0.0, mn3.getDisplayRangeMin());
        assertEquals(1.0, mn3.getDisplayRangeMax());
        assertEquals("nm", mn3.getCalibration().getUnit());

        // with sum_to_one and no background, the three fractions add up to exactly one at every fitted pixel
        CommandModule closed = run(FitReferencesCommand.class, "stack", od, "references", REFS, "background",
                "none", "sum_to_one", true);
        @SuppressWarnings("unchecked")
        List<ImagePlus> closedMaps = (List<ImagePlus>) closed.getOutput("maps");
        float[] closedMask = (float[]) ((ImagePlus) closed.getOutput("mask")).getProcessor().getPixels();
        int checked = 0;
        for (int i = 0; i < closedMask.length; i++) {
            if (closedMask[i] == 1f) {
                double total = 0;
                for (ImagePlus m : closedMaps) {
                    if (m.getTitle().startsWith("fraction_")) {
                        total += ((float[]) m.getProcessor().getPixels())[i];
                    }
                }
                assertEquals(1.0, total, 1e-5, "fractions at pixel " + i);
                checked++;
            }
        }
        assertTrue(checked > 1000, "fitted pixels " + checked);

        CommandModule seg = run(SegmentParticlesCommand.class, "thickness", thickness, "mask",
                fit.getOutput("mask"), "empty", empty, "threshold", "noise", "min_area_nm2", 2000.0);
        ImagePlus labels = (ImagePlus) seg.getOutput("labels");

        CommandModule prof = run(EdgeDistanceProfilesCommand.class, "labels", labels, "fraction", mn3, "thickness",
                thickness, "bin_nm", 0.0);
        ImagePlus distance = (ImagePlus) prof.getOutput("distance");
        ResultsTable profiles = (ResultsTable) prof.getOutput("profiles");
        assertTrue(profiles.size() > 5);

        CommandModule models = run(FitModelsCommand.class, "labels", labels, "fraction", mn3, "thickness", thickness,
                "time_s", 1e6, "section_nm", 80.0, "bin_nm", 0.0);
        ResultsTable fits = (ResultsTable) models.getOutput("fits");
        double d = Double.NaN;
        for (int r = 0; r < fits.size(); r++) {
            if ("all".equals(fits.getStringValue("particle", r))
                    && "sphere-diffusion".equals(fits.getStringValue("model", r))) {
                d = fits.getValue("D_cm2_s", r);
            }
        }
        // the bundled phantom was made with D = 1e-17 cm²/s
        assertEquals(1e-17, d, 0.25e-17, "global D " + d);

        // the same inputs through the whole pipeline: identical maps
        PipelineRunner.Inputs inputs = PipelineRunner.load(PRIMARY.resolve("stack.tif"), null,
                PipelineRunner.splitPaths(REFS), null, Double.NaN, Map.of());
        Path out = tmp.resolve("run");
        PipelineResult whole = PipelineRunner.run(inputs, PipelineRunner.settings(1e6, 80, 0, "constant", "noise",
                2000), out, null, ProgressListener.NONE);
        assertArrayEquals(TiffStackIO.readMap(out.resolve("maps/fraction_Mn3.tif")), pixels(mn3));
        assertArrayEquals(TiffStackIO.readMap(out.resolve("maps/thickness.tif")), pixels(thickness));
        assertArrayEquals(TiffStackIO.readMap(out.resolve("particles/labels.tif")), pixels(labels));
        assertArrayEquals(TiffStackIO.readMap(out.resolve("particles/distance.tif")), pixels(distance));
        assertEquals(whole.segmentation().count(), (int) labels.getDisplayRangeMax());
        assertEquals(whole.globalFit().dtNm2(), d / 1e-14 * 1e6, 1e-9 * whole.globalFit().dtNm2());
    }

    private static float[] pixels(ImagePlus imp) {
        return (float[]) imp.getProcessor().convertToFloat().getPixels();
    }

    @Test
    void everyCommandIsHeadlessUnpersistedAndOutOfTheMenus() {
        List<Class<?>> all = List.of(OpenStackCommand.class, AlignStackCommand.class, OpticalDensityCommand.class,
                FitReferencesCommand.class, SegmentParticlesCommand.class, EdgeDistanceProfilesCommand.class,
                FitModelsCommand.class, StoichiometryCommand.class, RunPipelineCommand.class,
                GeneratePhantomCommand.class, EdgeEnergyMapCommand.class,
                ReferenceFromRoiCommand.class);
        for (Class<?> c : all) {
            @SuppressWarnings("unchecked")
            CommandInfo info = commands.getCommand((Class<? extends org.scijava.command.Command>) c);
            assertNotNull(info, c.getName());
            assertTrue(info.canRunHeadless(), c.getName());
            assertTrue(info.getLabel().startsWith("OxyMap "), info.getLabel());
            assertTrue(info.getMenuPath() == null || info.getMenuPath().isEmpty(),
                    c.getName() + " has a menu path " + info.getMenuPath());
            for (ModuleItem<?> item : info.inputs()) {
                if (item.getType() == double.class || item.getType() == String.class
                        || item.getType() == int.class || item.getType() == long.class) {
                    assertTrue(!item.isPersisted(), c.getSimpleName() + "." + item.getName() + " is persisted");
                }
            }
        }
    }
}
