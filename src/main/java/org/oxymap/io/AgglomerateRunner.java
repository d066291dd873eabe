package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import org.oxymap.core.agglomerate.AgglomerateAnalysis;
import org.oxymap.core.agglomerate.AgglomerateResult;
import org.oxymap.core.agglomerate.AgglomerateSettings;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.progress.ProgressListener;

/**
 * The agglomerate step on the results folder of an earlier run (the Fiji entries use it): reads the profiled
 * component's fraction map, the thickness, the fitted mask, the particle labels and params.json, runs
 * {@link AgglomerateAnalysis} and writes a new folder with {@code agglomerates/} and a params.json.
 */
public final class AgglomerateRunner {

    private AgglomerateRunner() {
    }

    /** The maps of a results folder that the agglomerate step reads. */
    public record ResultMaps(Path dir, String component, int width, int height, double pixelNm, float[] fraction,
            float[] thicknessNm, boolean[] fitted, int[] particleLabels) {
    }

    public static ResultMaps readResults(Path dir) throws IOException {
        Path params = dir.resolve("params.json");
        if (!Files.isRegularFile(params)) {
            throw new NoSuchFileException(params.toString(), null, "not an OxyMap results folder (no params.json)");
        }
        PipelineSettings s = ParamsJson.readSettings(params);
        String component = s.profile();
        if (component == null) {
            throw new IOException(params + ": no profiled component recorded (parameters.profile)");
        }
        Path fractionFile = dir.resolve("maps/fraction_" + component + ".tif");
        ImagePlus imp = TiffStackIO.open(fractionFile);
        int w = imp.getWidth();
        int h = imp.getHeight();
        float[] fraction = (float[]) imp.getProcessor().convertToFloat().getPixels();
        float[] thickness = read(dir.resolve("maps/thickness.tif"), w, h);
        float[] mask = read(dir.resolve("maps/mask.tif"), w, h);
        float[] labels = read(dir.resolve("particles/labels.tif"), w, h);
        boolean[] fitted = new boolean[w * h];
        int[] particles = new int[w * h];
        for (int i = 0; i < fitted.length; i++) {
            fitted[i] = mask[i] != 0;
            particles[i] = Math.round(labels[i]);
        }
        double pixelNm = ParamsJson.readPixelNm(params);
        if (!(pixelNm > 0)) {
            pixelNm = TiffStackIO.unitToNm(imp.getCalibration().getUnit()) * imp.getCalibration().pixelWidth;
        }
        return new ResultMaps(dir, component, w, h, pixelNm, fraction, thickness, fitted, particles);
    }

    private static float[] read(Path file, int w, int h) throws IOException {
        ImagePlus imp = TiffStackIO.open(file);
        if (imp.getWidth() != w || imp.getHeight() != h) {
            throw new IOException(file + " is " + imp.getWidth() + " x " + imp.getHeight() + " px, expected " + w
                    + " x " + h + " px as the fraction map");
        }
        return (float[]) imp.getProcessor().convertToFloat().getPixels();
    }

    /**
     * @param regions  agglomerate labels of the maps' size (from a file or the RoiManager), or null = automatic
     * @param source   "auto", a file name or "RoiManager"
     * @param warnings messages gathered while reading the regions
     */
    public static AgglomerateResult analyse(ResultMaps m, int[] regions, String source, AgglomerateSettings settings,
            List<String> warnings, ProgressListener listener) {
        return new AgglomerateAnalysis(settings).run(m.particleLabels(), regions, source, m.component(), m.fraction(),
                m.thicknessNm(), m.fitted(), m.width(), m.height(), m.pixelNm(), m.pixelNm(),
                warnings == null ? new ArrayList<>() : warnings, listener);
    }

    /** Writes {@code agglomerates/} and params.json into a new folder {@code out}, atomically. */
    public static void write(AgglomerateResult r, ResultMaps m, Path out, Path... inputs) throws IOException {
        List<Path> guarded = new ArrayList<>(List.of(m.dir().resolve("params.json")));
        for (Path p : inputs) {
            if (p != null) {
                guarded.add(p);
            }
        }
        try (ResultsFolder folder = ResultsFolder.open(out, guarded.toArray(new Path[0]))) {
            AgglomerateResultWriter.write(r, m.pixelNm(), m.pixelNm(), folder);
            folder.commit();
        }
    }
}
