package org.oxymap.ij;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import org.oxymap.core.segment.LabelImages;
import org.oxymap.io.ParticleFileReader;

/**
 * Particles from outside the Segment Particles step: the ROI Manager's area ROIs ({@code [ROI Manager]}) or a
 * particle file as {@code oxymap run --particles} reads it (label or mask TIFF, {@code .roi}, RoiManager
 * {@code .zip}). ROIs become labels as the command line's {@code .zip} reader makes them
 * ({@link ParticleFileReader#labelsOfParticleRois}); the label image is renumbered 1..n in raster order, as the
 * profiling numbers the particles anyway, and takes the size and pixel size of the map it goes with.
 */
public final class StepParticles {

    /** The value that names the ROI Manager (also accepted: any case, without the space, as Agglomerates' roimanager). */
    public static final String ROI_MANAGER = "ROI Manager";

    private StepParticles() {
    }

    public static boolean namesRoiManager(String value) {
        return value != null && value.replace(" ", "").toLowerCase(Locale.ROOT).equals("roimanager");
    }

    /**
     * The {@code labels} key of Edge-Distance Profiles and Fit Models: {@code [ROI Manager]}, the title of an open
     * label image, a {@code .roi} or {@code .zip} file, or any other image file (opened by ImageJ).
     *
     * @param like the map the particles go with (size, pixel size)
     */
    static ImagePlus labels(String value, String key, ImagePlus like) {
        String v = value == null ? "" : value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (namesRoiManager(v) || (WindowManager.getImage(v) == null && (lower.endsWith(".roi")
                || lower.endsWith(".zip")) && Files.isRegularFile(Path.of(v)))) {
            return particles(v, key, like);
        }
        return StepImages.resolve(value, key, false);
    }

    /**
     * {@code particles_from} of the SciJava profile steps (and a {@code .roi}/{@code .zip} or {@code [ROI Manager]}
     * in the 1.x {@code labels} key) as a label image: {@code ROI Manager} or a particle file.
     */
    public static ImagePlus particles(String value, String key, ImagePlus like) {
        return labelImage(labels(value, key, like.getWidth(), like.getHeight()), like);
    }

    /** Particle labels as the label image "labels", renumbered 1..n in raster order, with {@code like}'s pixel size. */
    static ImagePlus labelImage(int[] labels, ImagePlus like) {
        int[] renumbered = LabelImages.relabelInRasterOrder(labels);
        int count = Arrays.stream(renumbered).max().orElse(0);
        double[] px = StepImages.pixelNm(like);
        return StepImages.labelImage("labels", renumbered, count, like.getWidth(), like.getHeight(), px[0], px[1]);
    }

    /**
     * Particle labels of the given size (ROI k = label k + 1, not renumbered) from {@code ROI Manager} or a particle
     * file.
     */
    static int[] labels(String value, String key, int width, int height) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("parameter " + key + " is empty: give " + ROI_MANAGER
                    + " or a particle file (label or mask TIFF, .roi, .zip)");
        }
        if (namesRoiManager(value)) {
            return fromRois(roiManagerRois(key), key, width, height);
        }
        Path file = Path.of(value.trim());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("parameter " + key + " is '" + value.trim() + "', which is neither "
                    + ROI_MANAGER + " nor a file");
        }
        try {
            return ParticleFileReader.read(file, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("parameter " + key + ": " + Errors.message(e), e);
        }
    }

    /**
     * Area ROIs (the ROI Manager's, in its order) as labels.
     *
     * @throws IllegalArgumentException naming the key when there is no ROI, or an ROI is not an area or lies
     *                                  outside the image
     */
    static int[] fromRois(Roi[] rois, String key, int width, int height) {
        if (rois.length == 0) {
            throw new IllegalArgumentException("parameter " + key + " is " + ROI_MANAGER + ", but the ROI Manager "
                    + "is empty: add the particles' outlines (Segment Particles puts them there) or give a label "
                    + "image");
        }
        return ParticleFileReader.labelsOfParticleRois(Arrays.asList(rois),
                "parameter " + key + " (" + ROI_MANAGER + ")", width, height);
    }

    /** The ROI Manager's ROIs (in a macro, its batch-mode manager's; none when there is no manager). */
    static Roi[] roiManagerRois(String key) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalArgumentException("parameter " + key + " is " + ROI_MANAGER + ", but headless there is "
                    + "no ROI Manager: give a label image or the ROIs saved as a .zip");
        }
        RoiManager rm = RoiManager.getInstance();
        return rm == null ? new Roi[0] : rm.getRoisAsArray();
    }
}
