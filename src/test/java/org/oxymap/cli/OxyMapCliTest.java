package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.CsvTable;
import org.oxymap.io.EnergyListFile;
import org.oxymap.io.ParamsJson;
import org.oxymap.io.TiffStackIO;

/** The command line end to end: the results folder of CONTRACT.md, and bad input that leaves nothing behind. */
class OxyMapCliTest {

    @TempDir
    static Path tmp;
    static Path phantom;
    static String refs;

    @BeforeAll
    static void makePhantom() {
        phantom = tmp.resolve("phantom");
        Result r = cli("phantom", "--out", phantom.toString(), "--seed", "5");
        assertEquals(0, r.code, r.err);
        refs = phantom.resolve("references/Mn2.csv") + "," + phantom.resolve("references/Mn3.csv") + ","
                + phantom.resolve("references/Mn4.csv");
    }

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OxyMapCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void phantomFolderHoldsStackReferencesAndTruth() {
        for (String f : List.of("stack.tif", "stack.energies.txt", "references/Mn3.csv", "truth/fraction_Mn3.tif",
                "truth/thickness.tif", "truth/labels.tif", "truth/particles.csv", "truth/truth.json")) {
            assertTrue(Files.isRegularFile(phantom.resolve(f)), f);
        }
    }

    @Test
    void runWritesTheContractResultsFolder() throws IOException {
        Path out = tmp.resolve("results");
        Result r = cli("run", "--stack", phantom.resolve("stack.tif").toString(), "--references", refs, "--time-s", "1e6",
                "--out", out.toString());
        assertEquals(0, r.code, r.err);
        for (String f : List.of("params.json", "maps/coefficient_Mn3.tif", "maps/fraction_Mn3.tif", "maps/valence.tif",
                "maps/thickness.tif", "maps/residual.tif", "maps/mask.tif", "particles/labels.tif",
                "particles/distance.tif", "particles/particles.csv", "profiles.csv", "fits.csv", "residuals.csv",
                "plots/fit_all.png", "plots/fit_1.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertReportImagesLoad(out);
        String params = Files.readString(out.resolve("params.json"));
        assertTrue(params.contains(ParamsJson.sha256(phantom.resolve("stack.tif"))), "stack SHA-256 in params.json");
        assertTrue(params.contains("\"oxymap_version\""));
        List<Map<String, String>> fits = CsvTable.read(out.resolve("fits.csv"));
        Map<String, String> all = fits.get(fits.size() - 1);
        assertEquals("all", all.get("particle"));
        assertEquals(1e-17, Double.parseDouble(all.get("D_cm2_s")), 0.25e-17);
        assertEquals("sphere-diffusion", all.get("model"));
        assertTrue(fits.stream().anyMatch(m -> m.get("model").equals("core-shell") && m.get("particle").equals("all")));
        assertTrue(fits.stream().allMatch(m -> !m.get("verdict").isEmpty() && !m.get("status").isEmpty()));
        assertFalse(Files.readString(out.resolve("fits.csv")).contains("NaN"), "fits.csv holds no NaN");
        assertFalse(Files.readString(out.resolve("residuals.csv")).contains("NaN"), "residuals.csv holds no NaN");
        assertTrue(CsvTable.read(out.resolve("profiles.csv")).stream().anyMatch(m -> m.get("particle").equals("all")));

        // rerunning from params.json reproduces the same D; the earlier results folder may be replaced
        Result again = cli("run", "--stack", phantom.resolve("stack.tif").toString(), "--references", refs, "--params",
                tmp.resolve("params-copy.json").toString(), "--out", out.toString());
        assertNotEquals(0, again.code); // the params file does not exist
        Files.copy(out.resolve("params.json"), tmp.resolve("params-copy.json"));
        again = cli("run", "--stack", phantom.resolve("stack.tif").toString(), "--references", refs, "--params",
                tmp.resolve("params-copy.json").toString(), "--out", out.toString());
        assertEquals(0, again.code, again.err);
        List<Map<String, String>> refit = CsvTable.read(out.resolve("fits.csv"));
        assertEquals(all.get("D_cm2_s"), refit.get(refit.size() - 1).get("D_cm2_s"));
    }

    @Test
    void energyCountMismatchNamesBothNumbers() throws IOException {
        Path energies = tmp.resolve("short.energies.txt");
        Files.writeString(energies, "640\n641\n642\n");
        Path out = tmp.resolve("mismatch");
        Result r = cli("run", "--stack", phantom.resolve("stack.tif").toString(), "--energies", energies.toString(),
                "--references", refs, "--out", out.toString());
        assertBadInput(r, out, "3 energies", PhantomGenerator.defaultEnergiesEv().length + " slices");
    }

    @Test
    void nonIncreasingEnergiesAreRejected() throws IOException {
        double[] e = PhantomGenerator.defaultEnergiesEv();
        e[5] = e[4];
        Path energies = tmp.resolve("flat.energies.txt");
        EnergyListFile.write(energies, e);
        Path out = tmp.resolve("flat");
        Result r = cli("run", "--stack", phantom.resolve("stack.tif").toString(), "--energies", energies.toString(),
                "--references", refs, "--out", out.toString());
        assertBadInput(r, out, "strictly increasing", String.valueOf(e[4]));
    }

    @Test
    void missingFileIsNamed() {
        Path out = tmp.resolve("missing");
        Path nowhere = tmp.resolve("no-such-stack.tif");
        Result r = cli("run", "--stack", nowhere.toString(), "--references", refs, "--out", out.toString());
        assertBadInput(r, out, "no-such-stack.tif", "not found");
    }

    @Test
    void allEmptyImageIsRejected() throws IOException {
        double[] e = PhantomGenerator.defaultEnergiesEv();
        SplittableRandom random = new SplittableRandom(3);
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < e.length; k++) {
            float[] p = new float[64 * 64];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) Math.round(30000 + Math.sqrt(30000) * random.nextGaussian());
            }
            planes.add(p);
        }
        Path stack = tmp.resolve("empty.tif");
        TiffStackIO.write(SpectralStack.wrap(planes, 64, 64, e, 10.0), stack);
        Path out = tmp.resolve("empty-results");
        Result r = cli("run", "--stack", stack.toString(), "--references", refs, "--out", out.toString());
        assertBadInput(r, out, "no particle found");
    }

    @Test
    void refusesToWriteIntoAForeignFolder() throws IOException {
        Path out = tmp.resolve("someone-elses");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        Result r = cli("run", "--stack", phantom.resolve("stack.tif").toString(), "--references", refs, "--out",
                out.toString());
        assertNotEquals(0, r.code);
        assertTrue(r.err.contains("not an OxyMap results folder"), r.err);
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    /** Every image report.html refers to exists and decodes as an image. */
    static void assertReportImagesLoad(Path results) throws IOException {
        String html = Files.readString(results.resolve("report.html"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            Path img = results.resolve(m.group(1));
            assertTrue(Files.isRegularFile(img), "report image " + img);
            java.awt.image.BufferedImage bi = javax.imageio.ImageIO.read(img.toFile());
            assertTrue(bi != null && bi.getWidth() > 100, "report image decodes: " + img);
            images++;
        }
        assertTrue(images >= 8, "report shows the maps (" + images + " images)");
        assertTrue(html.contains("Model fits") && html.contains("sphere-diffusion"), "fits table in the report");
    }

    private static void assertBadInput(Result r, Path out, String... expected) {
        assertNotEquals(0, r.code, "exit code");
        String line = r.err.lines().filter(l -> l.startsWith("oxymap: error:")).findFirst().orElse("");
        for (String e : expected) {
            assertTrue(line.contains(e), "error line '" + line + "' should contain '" + e + "'");
        }
        assertFalse(Files.exists(out), "no results folder for bad input");
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("." + out.getFileName() + ".partial")),
                    "no staging folder left behind");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
