package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ImageJ's macro recorder, driven in its own JVM under a virtual display ({@link RecorderProbe}), records exactly
 * the documented macro lines. For each OxyMap line of scripts/oxymap_steps.ijm (the script's folder variables
 * filled in) and the Generate Phantom line, the probe clicks the menu command, types the line's values into the
 * dialog (numbers equal to the default are left as shown) and presses OK; the recorder must write the same line.
 * Brackets around values without spaces are the one liberty the scripts take: the recorder adds them only where
 * a value has a space, and a macro accepts both.
 */
public class MacroRecorderTest {

    static final Path PRIMARY = Path.of("test-images", "primary").toAbsolutePath();
    private static final Pattern RUN = Pattern.compile("^run\\(\"(OxyMap [^\"]+)\", \"(.*)\"\\);$");

    @Test
    void theRecorderWritesTheDocumentedLines(@TempDir Path tmp) throws Exception {
        Path xvfb = ExternalTools.require("xvfb-run", "xvfb xauth");
        String dir = PRIMARY + "/";
        String refs = dir + "references/Mn2.csv," + dir + "references/Mn3.csv," + dir + "references/Mn4.csv";
        List<String[]> documented = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("scripts", "oxymap_steps.ijm"), StandardCharsets.UTF_8)) {
            Matcher m = RUN.matcher(line.trim());
            if (m.matches()) {
                String options = m.group(2).replace("\" + dir + \"", dir).replace("\" + refs + \"", refs);
                assertTrue(!options.contains("\""), "unexpected variable in " + line);
                documented.add(new String[] {m.group(1), options});
            }
        }
        assertEquals(7, documented.size(), "the seven step commands in oxymap_steps.ijm");
        documented.add(new String[] {"OxyMap Generate Phantom", "out=" + tmp.resolve("phantom") + " kind=primary "
                + "seed=5 size=48 noise=0 drift_px=1.5 probe_fwhm_nm=10 pixel_nm=0"});
        // the steps after the seven, on the images the steps left open: the particles from the ROI Manager (where
        // Segment Particles put their outlines), a box left unchecked
        documented.add(new String[] {"OxyMap Edge-Distance Profiles", "labels=[ROI Manager] fraction=fraction_Mn3 "
                + "thickness=thickness bin_nm=0 section_nm=80 probe_fwhm_nm=0 min_area_nm2=2000 max_area_nm2=30000 "
                + "min_solidity=0.9 min_circularity=0.7 exclude_touching subpixel_edge normalised_bin=0.05 sectors=0"});
        documented.add(new String[] {"OxyMap Edge-Energy Map", "stack=OD method=half-height pre_edge_max_ev=0 "
                + "post_edge_min_ev=0 min_jump=0.05 calibration=[]"});
        documented.add(new String[] {"OxyMap Reference From ROI", "stack=OD mask=labels name=particles valence=3 "
                + "out=" + tmp.resolve("particles.csv")});
        StringBuilder input = new StringBuilder();
        for (String[] d : documented) {
            input.append(d[0]).append('\t').append(d[1]).append('\n');
        }
        Path in = tmp.resolve("commands.txt");
        Files.writeString(in, input, StandardCharsets.UTF_8);
        Path recorded = tmp.resolve("recorded.ijm");
        Path root = ImageJPluginsFolder.create(tmp.resolve("imagej"));
        List<String> cmd = List.of(xvfb.toString(), "-a", ExternalTools.java(), "-Xmx2g", "-Dplugins.dir=" + root,
                "-cp", ImageJPluginsFolder.classPath(List.of(Path.of("target", "test-classes").toAbsolutePath()
                        .toString())), RecorderProbe.class.getName(), in.toString(), recorded.toString());
        ExternalTools.Result r = ExternalTools.run(cmd, tmp, 600);
        assertTrue(Files.isRegularFile(recorded), "the probe wrote nothing:\n" + r.output());
        List<String> lines = Files.readAllLines(recorded, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("run(\"OxyMap")).toList();
        assertEquals(documented.size(), lines.size(), "recorded:\n" + String.join("\n", lines) + "\n" + r.output());
        for (int i = 0; i < documented.size(); i++) {
            String expected = "run(\"" + documented.get(i)[0] + "\", \"" + documented.get(i)[1] + "\");";
            assertEquals(canonical(expected), canonical(lines.get(i)));
        }
        assertEquals(3.0, org.oxymap.io.ReferenceCsv.read(tmp.resolve("particles.csv")).valence(),
                "Reference From ROI wrote its CSV");
    }

    /** Drops brackets around values without spaces ({@code key=[a/b.tif]} = {@code key=a/b.tif} to a macro). */
    static String canonical(String line) {
        return line.replaceAll("=\\[([^\\] ]+)\\]", "=$1");
    }
}
