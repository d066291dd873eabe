package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.ij.ExternalTools;

/**
 * A pipeline run's report.html in headless Chromium (Debian's chromium): every image loads (complete, naturalWidth
 * &gt; 0) and no script or resource error occurs. A copy of the report gets a first script that records errors and,
 * on load, writes the image check into the DOM, which {@code --dump-dom} prints; a second run saves a screenshot
 * of the unmodified report as target/test-artifacts/report-chromium.png.
 */
public class ReportInChromiumTest {

    static final Path PRIMARY = Path.of("test-images", "primary").toAbsolutePath();
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars");

    private static final String CHECK = "<script>window.__oxymapErrors=[];"
            + "window.addEventListener('error',function(e){window.__oxymapErrors.push((e.message||'resource error')+' '"
            + "+(e.filename||(e.target&&(e.target.src||e.target.href))||''));},true);"
            + "window.addEventListener('load',function(){var im=document.images,bad=[];"
            + "for(var i=0;i<im.length;i++){if(!(im[i].complete&&im[i].naturalWidth>0))bad.push(im[i].getAttribute('src'));}"
            + "var p=document.createElement('pre');p.id='oxymap-check';p.textContent='CHECK images='+im.length"
            + "+' broken='+bad.length+' errors='+window.__oxymapErrors.length+' :: '+bad.join(',')+' :: '"
            + "+window.__oxymapErrors.join(' | ')+' ENDCHECK';document.body.appendChild(p);});</script>";

    @Test
    void everyImageLoadsAndNoScriptFails(@TempDir Path tmp) throws Exception {
        Path chromium = ExternalTools.require("chromium", "chromium");
        Path results = tmp.resolve("results");
        PipelineRunner.Inputs inputs = PipelineRunner.load(PRIMARY.resolve("stack.tif"), null,
                List.of(PRIMARY.resolve("references/Mn2.csv"), PRIMARY.resolve("references/Mn3.csv"),
                        PRIMARY.resolve("references/Mn4.csv")), null, Double.NaN, Map.of());
        PipelineRunner.run(inputs, PipelineRunner.settings(1e6, 80, 0, "constant", "noise", 2000), results, null,
                ProgressListener.NONE);
        String html = Files.readString(results.resolve("report.html"), StandardCharsets.UTF_8);
        int expectedImages = count(html, "<img ");
        assertTrue(expectedImages >= 5, "the report shows maps and plots: " + expectedImages + " images");
        // a copy next to the original, so its relative image paths resolve the same way
        Path checked = results.resolve("report-check.html");
        Files.writeString(checked, html.replaceFirst("<head>", "<head>" + Matcher.quoteReplacement(CHECK)),
                StandardCharsets.UTF_8);

        ExternalTools.Result dom = ExternalTools.run(command(chromium, tmp.resolve("profile1"), "--dump-dom",
                "--virtual-time-budget=10000", checked.toUri().toString()), tmp, 180);
        Matcher m = Pattern.compile("CHECK images=(\\d+) broken=(\\d+) errors=(\\d+) :: (.*?) ENDCHECK",
                Pattern.DOTALL).matcher(dom.output());
        assertTrue(m.find(), "chromium printed no check:\n" + dom.output());
        assertEquals(expectedImages, Integer.parseInt(m.group(1)), m.group());
        assertEquals(0, Integer.parseInt(m.group(2)), "broken images: " + m.group(4));
        assertEquals(0, Integer.parseInt(m.group(3)), "script errors: " + m.group(4));

        Path artifacts = Files.createDirectories(Path.of("target", "test-artifacts").toAbsolutePath());
        Path png = artifacts.resolve("report-chromium.png");
        Files.deleteIfExists(png);
        ExternalTools.Result shot = ExternalTools.run(command(chromium, tmp.resolve("profile2"),
                "--screenshot=" + png, "--window-size=1400,3000", "--virtual-time-budget=10000",
                results.resolve("report.html").toUri().toString()), tmp, 180);
        assertTrue(Files.isRegularFile(png) && Files.size(png) > 10_000, "no screenshot:\n" + shot.output());
    }

    private static List<String> command(Path chromium, Path profile, String... args) throws Exception {
        Files.createDirectories(profile);
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(chromium.toString());
        cmd.addAll(FLAGS);
        cmd.add("--user-data-dir=" + profile);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
