package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.cli.OxyMapCli;
import org.oxymap.io.CsvTable;
import org.oxymap.io.TiffStackIO;

/**
 * The real ImageJ 1.x ({@code ij.ImageJ -batch}) under a virtual display, with the plugin jar built from
 * target/classes in its plugins folder, runs a macro that calls every OxyMap command of plain ImageJ on the bundled
 * test image through the scripts in scripts/ (the per-step macro and the full-pipeline macro), makes a phantom and
 * runs the stoichiometry. The per-step maps and the macro's pipeline folder are identical to the command line's.
 * (The registration entries call Fiji's StackReg, SIFT and Correct 3D Drift, which plain ImageJ lacks; they are
 * tested in FijiRegistrationTest.)
 */
public class ImageJBatchTest {

    static final Path PRIMARY = Path.of("test-images", "primary").toAbsolutePath();

    @Test
    void everyCommandRunsInBatchImageJAndMatchesTheCommandLine(@TempDir Path tmp) throws Exception {
        Path xvfb = ExternalTools.require("xvfb-run", "xvfb xauth");
        Path root = ImageJPluginsFolder.create(tmp.resolve("imagej"));
        Path macro = tmp.resolve("all_commands.ijm");
        try (var in = ImageJBatchTest.class.getResourceAsStream("all_commands.ijm")) {
            Files.copy(in, macro);
        }
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        String arg = Path.of("scripts").toAbsolutePath() + "/|" + PRIMARY + "/|" + out + "/";
        List<String> cmd = new ArrayList<>(List.of(xvfb.toString(), "-a", ExternalTools.java(), "-Xmx2g",
                "-Dplugins.dir=" + root, "-cp", ImageJPluginsFolder.classPath(List.of()), "ij.ImageJ", "-batch",
                macro.toString(), arg));
        ExternalTools.Result r = ExternalTools.run(cmd, tmp, 900);
        assertTrue(r.output().contains("ALL COMMANDS DONE"), "the macro did not finish:\n" + r.output());
        assertFalse(r.output().contains("ERROR"), r.output());
        assertFalse(r.output().contains("Exception"), r.output());

        // the same run through the command line
        Path cli = tmp.resolve("cli");
        String refs = PRIMARY.resolve("references/Mn2.csv") + "," + PRIMARY.resolve("references/Mn3.csv") + ","
                + PRIMARY.resolve("references/Mn4.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, OxyMapCli.execute(new String[] {"run", "--stack", PRIMARY.resolve("stack.tif").toString(),
            "--references", refs, "--time-s", "1e6", "--out", cli.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));

        Path steps = out.resolve("steps");
        for (String map : List.of("fraction_Mn2", "fraction_Mn3", "fraction_Mn4", "thickness", "valence", "residual",
                "mask")) {
            assertSameMap(cli.resolve("maps/" + map + ".tif"), steps.resolve(map + ".tif"));
            assertSameMap(cli.resolve("maps/" + map + ".tif"), out.resolve("pipeline/maps/" + map + ".tif"));
        }
        for (String map : List.of("labels", "distance")) {
            assertSameMap(cli.resolve("particles/" + map + ".tif"), steps.resolve(map + ".tif"));
            assertSameMap(cli.resolve("particles/" + map + ".tif"), out.resolve("pipeline/particles/" + map + ".tif"));
        }
        ImagePlus fraction = IJ.openImage(steps.resolve("fraction_Mn3.tif").toString());
        assertEquals("nm", fraction.getCalibration().getUnit());
        assertEquals(0.0, fraction.getDisplayRangeMin());
        assertEquals(1.0, fraction.getDisplayRangeMax());
        ImagePlus labels = IJ.openImage(steps.resolve("labels.tif").toString());
        int particles = CsvTable.read(cli.resolve("particles/particles.csv")).size();
        assertTrue(labels.getOverlay() != null && labels.getOverlay().size() == particles,
                "one outline per particle in the labels' overlay (" + particles + ")");

        double dCli = globalD(cli.resolve("fits.csv"), "D_cm2_s");
        double dSteps = globalD(steps.resolve("fits.csv"), "D_cm2_s");
        assertEquals(dCli, dSteps, 1e-5 * dCli, "global D of the steps and of the command line");
        assertEquals(CsvTable.read(cli.resolve("profiles.csv")).size(),
                CsvTable.read(steps.resolve("profiles.csv")).size());

        // the steps' particles through the ROI Manager: Edge-Distance Profiles and Run Pipeline give what the label
        // image and the command line's own segmentation give
        assertSameMap(steps.resolve("distance.tif"), out.resolve("roi_manager_distance.tif"));
        assertEquals(Files.readAllLines(steps.resolve("profiles.csv")),
                Files.readAllLines(out.resolve("roi_manager_profiles.csv")));
        Path fromRois = out.resolve("pipeline_roi_manager");
        assertEquals(Files.readAllLines(cli.resolve("profiles.csv")), Files.readAllLines(fromRois.resolve("profiles.csv")));
        assertSameMap(cli.resolve("particles/labels.tif"), fromRois.resolve("particles/labels.tif"));
        String params = Files.readString(fromRois.resolve("params.json"));
        assertTrue(params.contains("\"source\": \"ROI Manager (" + particles + " ROIs)\"")
                && params.contains("\"particles_source\": \"given\""), params);

        assertTrue(Files.isRegularFile(out.resolve("phantom/stack.tif")));
        assertTrue(Files.readString(out.resolve("stoichiometry.json")).contains("oxygen_released_at_pct"));
    }

    private static double globalD(Path fits, String column) throws Exception {
        for (Map<String, String> row : CsvTable.read(fits)) {
            if ("all".equals(row.get("particle")) && "sphere-diffusion".equals(row.get("model"))) {
                return Double.parseDouble(row.get(column));
            }
        }
        throw new AssertionError(fits + " has no global diffusion row");
    }

    private static void assertSameMap(Path expected, Path actual) throws Exception {
        assertTrue(Files.isRegularFile(actual), actual + " missing");
        float[] a = TiffStackIO.readMap(expected);
        ImagePlus imp = IJ.openImage(actual.toString());
        float[] b = (float[]) imp.getProcessor().convertToFloat().getPixels();
        assertArrayEquals(a, b, actual + " differs from " + expected);
    }
}
