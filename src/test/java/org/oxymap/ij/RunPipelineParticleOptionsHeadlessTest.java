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

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.cli.OxyMapCli;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.io.CsvTable;
import org.oxymap.io.PipelineRunner;
import org.oxymap.io.TiffStackIO;

/**
 * Run Pipeline's particle options, headless from macro lines as the recorder writes them: the results folder equals
 * {@code oxymap run}'s with the same options (labels and distance float for float, particles.csv, profiles.csv and
 * fits.csv byte for byte, params.json's parameters key for key); the earlier documented line runs with the
 * defaults; bad values are refused by their macro key. On the bundled phantom and on a noise-free phantom of
 * touching pairs.
 */
public class RunPipelineParticleOptionsHeadlessTest {

    public static final Path PRIMARY = Path.of("test-images", "primary").toAbsolutePath();

    /** The particle options written out with their defaults, as the recorder writes them. */
    static final String DEFAULT_PARTICLES = "fill_holes watershed watershed_h_nm=0 max_area_nm2=0 min_solidity=0.9 "
            + "min_circularity=0.7 exclude_touching touching_counts_as_edge subpixel_edge";

    public static String refs(Path folder) {
        return folder.resolve("references/Mn2.csv") + "," + folder.resolve("references/Mn3.csv") + ","
                + folder.resolve("references/Mn4.csv");
    }

    /**
     * A Run Pipeline line as the recorder writes it; {@code particles} = the particle options' part (null = the
     * earlier line, without them).
     */
    static String line(Path folder, Path out, String threshold, String particles, String probe) {
        return "stack=[" + folder.resolve("stack.tif") + "] energies=[] references=[" + refs(folder) + "] out=[" + out
                + "] time_s=1000000 section_nm=80 bin_nm=0 background=constant threshold=" + threshold
                + " min_area_nm2=2000 " + (particles == null ? "" : particles + " ") + probe + " particles=[]";
    }

    /** Runs Run Pipeline from a macro line; the failure, or null. */
    static Throwable fiji(String line) throws Exception {
        return MacroRunner.runWithOptions(new RunPipelinePlugin(), line);
    }

    /** {@code oxymap run} on the folder's stack with the options; the exit code and standard error. */
    public static String[] cli(Path folder, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("run", "--stack", folder.resolve("stack.tif").toString(),
                "--references", refs(folder), "--time-s", "1e6", "--out", out.toString()));
        args.addAll(List.of(options));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OxyMapCli.execute(args.toArray(new String[0]), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), err.toString(StandardCharsets.UTF_8).trim()};
    }

    static void cliOk(Path folder, Path out, String... options) {
        String[] r = cli(folder, out, options);
        assertEquals("0", r[0], r[1]);
    }

    /**
     * The two results folders hold the same run: labels and distance float for float, particles.csv, profiles.csv
     * and fits.csv byte for byte, the same params.json parameters.
     */
    public static void assertSameRun(Path expected, Path actual) throws Exception {
        for (String map : List.of("particles/labels.tif", "particles/distance.tif")) {
            assertArrayEquals(TiffStackIO.readMap(expected.resolve(map)), TiffStackIO.readMap(actual.resolve(map)),
                    map);
        }
        for (String table : List.of("particles/particles.csv", "profiles.csv", "fits.csv")) {
            assertEquals(-1L, Files.mismatch(expected.resolve(table), actual.resolve(table)), table);
        }
        assertEquals(parameters(expected), parameters(actual), "params.json parameters");
    }

    /** params.json's "parameters" object. */
    public static JsonObject parameters(Path run) throws Exception {
        return JsonParser.parseString(Files.readString(run.resolve("params.json"), StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonObject("parameters");
    }

    static List<String> flags(Path run) throws Exception {
        return CsvTable.read(run.resolve("particles/particles.csv")).stream().map(r -> r.get("flags")).toList();
    }

    static int labelCount(Path run) throws Exception {
        float max = 0;
        for (float v : TiffStackIO.readMap(run.resolve("particles/labels.tif"))) {
            max = Math.max(max, v);
        }
        return (int) max;
    }

    /**
     * Bundled phantom: watershed off, max_area_nm2 30000, min_circularity 0.99 and subpixel_edge off equal {@code
     * oxymap run --watershed false --max-area-nm2 30000 --min-circularity 0.99 --subpixel-edge false}. The
     * phantom's particles touch no other (watershed off changes nothing here); particles 6, 8, 10 (areas 50300,
     * 38500, 39500 nm²) are too_large, 2, 9, 10, 11 (circularities 0.987, 0.977, 0.988, 0.912) non_convex; params.json
     * records the values. Edge-Distance Profiles on the run's maps and labels with the same options gives the run's
     * distance and, in its "OxyMap Particles" table, particles.csv's flags, '+'-joined.
     */
    @Test
    void optionsGiveTheCommandLinesRun(@TempDir Path tmp) throws Exception {
        Path fiji = tmp.resolve("fiji");
        Throwable t = fiji(line(PRIMARY, fiji, "noise", "fill_holes watershed_h_nm=0 max_area_nm2=30000 "
                + "min_solidity=0.9 min_circularity=0.99 exclude_touching touching_counts_as_edge",
                "probe_fwhm_nm=0 deconvolve_probe"));
        if (t != null) {
            throw new AssertionError(t.getMessage(), t);
        }
        Path cli = tmp.resolve("cli");
        cliOk(PRIMARY, cli, "--watershed", "false", "--max-area-nm2", "30000", "--min-circularity", "0.99",
                "--subpixel-edge", "false");
        assertSameRun(cli, fiji);

        List<String> expected = new ArrayList<>();
        for (int l = 1; l <= 14; l++) {
            expected.add(l == 6 || l == 8 ? "too_large" : l == 10 ? "too_large+non_convex"
                    : l == 2 || l == 9 || l == 11 ? "non_convex" : "");
        }
        assertEquals(expected, flags(fiji), "particles.csv flags");
        JsonObject p = parameters(fiji);
        assertFalse(p.get("watershed").getAsBoolean());
        assertEquals(30000.0, p.get("max_area_nm2").getAsDouble());
        assertEquals(0.99, p.get("min_circularity").getAsDouble());
        assertFalse(p.get("subpixel_edge").getAsBoolean());
        assertTrue(p.get("fill_holes").getAsBoolean() && p.get("exclude_touching").getAsBoolean()
                && p.get("touching_counts_as_edge").getAsBoolean(), p.toString());
        assertTrue(p.get("watershed_h_nm").isJsonNull(), "watershed_h_nm=0: one pixel, recorded as null");

        ImagePlus labels = IJ.openImage(fiji.resolve("particles/labels.tif").toString());
        ImagePlus fraction = IJ.openImage(fiji.resolve("maps/fraction_Mn3.tif").toString());
        ImagePlus thickness = IJ.openImage(fiji.resolve("maps/thickness.tif").toString());
        StepResult step = EdgeDistanceProfilesPlugin.profiles(labels, fraction, thickness, 0, 80, 0, 2000,
                ParticleOptions.defaults().withLimits(30000, 0.9, 0.99, true).withEdge(true, false),
                ProgressListener.NONE);
        assertArrayEquals(TiffStackIO.readMap(fiji.resolve("particles/distance.tif")),
                (float[]) step.image("distance").getProcessor().getPixels(), "the step's distance");
        ResultsTable table = step.tables().get("OxyMap Particles");
        List<String> stepFlags = new ArrayList<>();
        for (int r = 0; r < table.size(); r++) {
            stepFlags.add(table.getStringValue("flags", r));
        }
        assertEquals(expected, stepFlags, "OxyMap Particles' flags");
    }

    /**
     * The earlier documented line (README, without the particle options) and the new one with the defaults written
     * out give {@code oxymap run --probe-fwhm-nm 10} with the default particle options.
     */
    @Test
    void theEarlierLineRunsWithTheDefaults(@TempDir Path tmp) throws Exception {
        Path cli = tmp.resolve("cli");
        cliOk(PRIMARY, cli, "--probe-fwhm-nm", "10");
        Path earlier = tmp.resolve("earlier");
        Throwable t = fiji(line(PRIMARY, earlier, "noise", null, "probe_fwhm_nm=10 deconvolve_probe"));
        if (t != null) {
            throw new AssertionError(t.getMessage(), t);
        }
        assertSameRun(cli, earlier);
        Path written = tmp.resolve("written");
        t = fiji(line(PRIMARY, written, "noise", DEFAULT_PARTICLES, "probe_fwhm_nm=10 deconvolve_probe"));
        if (t != null) {
            throw new AssertionError(t.getMessage(), t);
        }
        assertSameRun(cli, written);
        JsonObject p = parameters(earlier);
        for (String key : List.of("fill_holes", "watershed", "exclude_touching", "touching_counts_as_edge",
                "subpixel_edge")) {
            assertTrue(p.get(key).getAsBoolean(), key);
        }
        assertTrue(p.get("max_area_nm2").isJsonNull(), "no upper area limit");
        assertEquals(List.of(""), flags(earlier).stream().distinct().toList(), "no particle flagged");
    }

    /**
     * normalise_distance, normalised_bin and sectors in Run Pipeline give {@code oxymap run --normalise-distance
     * --normalised-bin 0.1 --sectors 8}: the same run, profiles_normalised.csv and profiles_sectors.csv byte for
     * byte, params.json records them; a line without them writes neither file.
     */
    @Test
    void extraProfilesGiveTheCommandLinesFiles(@TempDir Path tmp) throws Exception {
        Path fiji = tmp.resolve("fiji");
        Throwable t = fiji(line(PRIMARY, fiji, "noise", DEFAULT_PARTICLES + " normalise_distance normalised_bin=0.1 "
                + "sectors=8", "probe_fwhm_nm=0 deconvolve_probe"));
        if (t != null) {
            throw new AssertionError(t.getMessage(), t);
        }
        Path cli = tmp.resolve("cli");
        cliOk(PRIMARY, cli, "--normalise-distance", "--normalised-bin", "0.1", "--sectors", "8");
        assertSameRun(cli, fiji);
        for (String table : List.of("profiles_normalised.csv", "profiles_sectors.csv")) {
            assertEquals(-1L, Files.mismatch(cli.resolve(table), fiji.resolve(table)), table);
        }
        assertTrue(CsvTable.read(fiji.resolve("profiles_sectors.csv")).size() > 8 * 14, "sector rows");
        JsonObject p = parameters(fiji);
        assertTrue(p.get("normalise_distance").getAsBoolean());
        assertEquals(0.1, p.get("normalised_bin").getAsDouble());
        assertEquals(8, p.get("sectors").getAsInt());

        Path plain = tmp.resolve("plain");
        t = fiji(line(PRIMARY, plain, "noise", DEFAULT_PARTICLES, "probe_fwhm_nm=0 deconvolve_probe"));
        if (t != null) {
            throw new AssertionError(t.getMessage(), t);
        }
        assertFalse(Files.exists(plain.resolve("profiles_normalised.csv")), "no normalised profiles unless asked");
        assertFalse(Files.exists(plain.resolve("profiles_sectors.csv")), "no sector profiles unless asked");
        assertEquals(-1L, Files.mismatch(fiji.resolve("profiles.csv"), plain.resolve("profiles.csv")),
                "the extra profiles leave profiles.csv as it is");
    }

    /**
     * A noise-free phantom of touching pairs (every second particle overlaps the one before by a pixel), threshold
     * li. With the defaults every particle touches another and the run stops, naming the limits by their macro keys
     * (the command line by its options). exclude_touching off gives the 14 split particles, watershed off (shape
     * limits 0) the 7 pairs, touching_counts_as_edge off another distance; each equals {@code oxymap run} with the
     * same options.
     */
    @Test
    void touchingPairsGiveTheCommandLinesRuns(@TempDir Path tmp) throws Exception {
        Path pairs = tmp.resolve("pairs");
        PipelineRunner.writePhantom(PhantomSettings.defaults().withContactPairs(3, -1).withNoise(0).withDrift(0)
                .withProbeFwhmNm(0), pairs, ProgressListener.NONE);

        Path stopped = tmp.resolve("stopped");
        Throwable t = fiji(line(pairs, stopped, "li", null, "probe_fwhm_nm=0 deconvolve_probe"));
        assertEquals("no particle left to profile: 14 particles found, all excluded (14 touches_particle); relax the "
                + "limits (min_area_nm2, min_solidity, min_circularity, exclude_touching) or check the particles",
                t == null ? null : t.getMessage());
        assertFalse(Files.exists(stopped), "no results folder");
        String[] c = cli(pairs, tmp.resolve("cli_stopped"), "--threshold", "li");
        assertTrue(!c[0].equals("0") && c[1].contains("relax the limits (min-area-nm2, min-solidity, "
                + "min-circularity, exclude-touching)"), c[1]);

        Map<String, String[]> runs = new java.util.LinkedHashMap<>();
        runs.put("fill_holes watershed watershed_h_nm=0 max_area_nm2=0 min_solidity=0.9 min_circularity=0.7 "
                + "touching_counts_as_edge subpixel_edge", new String[] {"--exclude-touching", "false"});
        runs.put("fill_holes watershed_h_nm=0 max_area_nm2=0 min_solidity=0 min_circularity=0 exclude_touching "
                + "touching_counts_as_edge subpixel_edge", new String[] {"--watershed", "false", "--min-solidity",
                    "0", "--min-circularity", "0"});
        runs.put("fill_holes watershed watershed_h_nm=0 max_area_nm2=0 min_solidity=0.9 min_circularity=0.7 "
                + "subpixel_edge", new String[] {"--exclude-touching", "false", "--touching-counts-as-edge", "false"});
        List<Path> made = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, String[]> r : runs.entrySet()) {
            Path fiji = tmp.resolve("fiji" + k);
            Path cli = tmp.resolve("cli" + k);
            k++;
            t = fiji(line(pairs, fiji, "li", r.getKey(), "probe_fwhm_nm=0 deconvolve_probe"));
            if (t != null) {
                throw new AssertionError(r.getKey() + ": " + t.getMessage(), t);
            }
            List<String> options = new ArrayList<>(List.of("--threshold", "li"));
            options.addAll(List.of(r.getValue()));
            cliOk(pairs, cli, options.toArray(new String[0]));
            assertSameRun(cli, fiji);
            made.add(fiji);
        }
        System.out.println("touching pairs: particles " + labelCount(made.get(0)) + ", " + labelCount(made.get(1))
                + ", " + labelCount(made.get(2)) + "; flags " + flags(made.get(0)).stream().distinct().toList()
                + ", " + flags(made.get(1)).stream().distinct().toList());
        assertEquals(14, labelCount(made.get(0)), "the watershed splits the 7 pairs");
        assertEquals(List.of(""), flags(made.get(0)).stream().distinct().toList(), "exclude_touching off");
        assertEquals(7, labelCount(made.get(1)), "without the watershed each pair is one particle");
        assertEquals(List.of(""), flags(made.get(1)).stream().distinct().toList(), "no shape limit, nothing touches");
        assertFalse(parameters(made.get(1)).get("watershed").getAsBoolean());
        assertArrayEquals(TiffStackIO.readMap(made.get(0).resolve("particles/labels.tif")),
                TiffStackIO.readMap(made.get(2).resolve("particles/labels.tif")), "the same particles");
        assertFalse(java.util.Arrays.equals(TiffStackIO.readMap(made.get(0).resolve("particles/distance.tif")),
                TiffStackIO.readMap(made.get(2).resolve("particles/distance.tif"))),
                "touching_counts_as_edge off moves the distance along the shared boundaries");
        assertFalse(parameters(made.get(2)).get("touching_counts_as_edge").getAsBoolean());
    }

    /** Bad values stop the run before anything is read or written, naming the macro key and what was expected. */
    @Test
    void badValuesAreNamedByTheirKey(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("never");
        String[][] bad = {
            {"min_solidity=1.5", "parameter min_solidity is 1.5, expected 0..1"},
            {"min_circularity=2", "parameter min_circularity is 2.0, expected 0..1"},
            {"max_area_nm2=1000", "parameter max_area_nm2 is 1000.0, expected more than min_area_nm2 (2000.0), or 0 "
                + "for no limit"},
            {"watershed_h_nm=-5", "parameter watershed_h_nm is -5.0, expected the watershed's seed depth in nm, or 0 "
                + "for one pixel"},
            {"section_nm=0", "parameter section_nm is 0.0, expected a positive number of nm"},
            {"min_area_nm2=-1", "parameter min_area_nm2 is -1.0, expected the smallest particle area in nm² (>= 0)"}};
        for (String[] b : bad) {
            String key = b[0].substring(0, b[0].indexOf('=') + 1);
            String l = line(PRIMARY, out, "noise", DEFAULT_PARTICLES, "probe_fwhm_nm=0 deconvolve_probe");
            Throwable t = fiji(l.replaceFirst("\\b" + key + "\\S+", b[0]));
            assertEquals(b[1], t == null ? null : t.getMessage(), b[0]);
        }
        assertFalse(Files.exists(out), "no results folder");
    }
}
