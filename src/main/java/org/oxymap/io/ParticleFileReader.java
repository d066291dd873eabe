package org.oxymap.io;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.process.ImageProcessor;

import org.oxymap.core.segment.ConnectedComponentLabeler;

/**
 * Particles made outside OxyMap (MorphoLibJ, Trainable Weka Segmentation, Labkit, the RoiManager), read as a label
 * image of the stack's size (0 = background):
 * <ul>
 * <li>a <b>label image</b> TIFF (8-, 16- or 32-bit, whole non-negative numbers): each positive value is one
 * particle;</li>
 * <li>a <b>binary mask</b> TIFF (one positive value, e.g. 255): its 8-connected components are the particles;</li>
 * <li>a <b>ROI set</b>: an ImageJ {@code .roi} file or a RoiManager {@code .zip} of them; each area ROI is one
 * particle (its mask, as ImageJ fills it); where ROIs overlap the pixel goes to the first.</li>
 * </ul>
 * OxyMap renumbers the particles 1..n in raster order of their first pixel, as it numbers its own.
 */
public final class ParticleFileReader {

    private ParticleFileReader() {
    }

    /**
     * @param width  the stack's width: the particles must cover the same pixels
     * @param height the stack's height
     */
    public static int[] read(Path file, int width, int height) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "particle file not found");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int[] labels;
        if (name.endsWith(".roi") || name.endsWith(".zip")) {
            List<Roi> rois = name.endsWith(".roi") ? List.of(decode(Files.readAllBytes(file), file, name))
                    : readZip(file);
            try {
                return labelsOfParticleRois(rois, file.toString(), width, height);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        } else if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            labels = fromTiff(file, width, height);
        } else {
            throw new IOException(file + ": particles must be a label or mask TIFF (.tif), an ImageJ ROI (.roi) or "
                    + "a RoiManager set (.zip)");
        }
        boolean any = false;
        for (int l : labels) {
            any |= l != 0;
        }
        if (!any) {
            throw new IOException(file + ": holds no particle (every pixel is background)");
        }
        return labels;
    }

    private static int[] fromTiff(Path file, int width, int height) throws IOException {
        ImagePlus imp = TiffStackIO.open(file);
        if (imp.getStackSize() != 1) {
            throw new IOException(file + ": a particle image must be a single image, found " + imp.getStackSize()
                    + " slices");
        }
        if (imp.getWidth() != width || imp.getHeight() != height) {
            throw new IOException(file + ": the particle image is " + imp.getWidth() + " x " + imp.getHeight()
                    + " px but the stack is " + width + " x " + height + " px");
        }
        ImageProcessor ip = imp.getProcessor();
        int[] labels = new int[width * height];
        int first = 0;
        boolean mask = true;
        for (int i = 0; i < labels.length; i++) {
            float v = ip.getf(i);
            if (!(v >= 0) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                throw new IOException(file + ": pixel (" + i % width + ", " + i / width + ") is " + v
                        + "; a label image holds whole numbers >= 0 (0 = background)");
            }
            labels[i] = (int) v;
            if (labels[i] != 0) {
                if (first == 0) {
                    first = labels[i];
                } else if (labels[i] != first) {
                    mask = false;
                }
            }
        }
        if (mask && first != 0) {
            boolean[] foreground = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                foreground[i] = labels[i] != 0;
            }
            return ConnectedComponentLabeler.label(foreground, width, height, true);
        }
        return labels;
    }

    private static List<Roi> readZip(Path file) throws IOException {
        List<Roi> rois = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String entryName = entry.getName();
                if (entry.isDirectory() || !entryName.toLowerCase(Locale.ROOT).endsWith(".roi")) {
                    continue;
                }
                rois.add(decode(zip.readAllBytes(), file, entryName));
            }
        }
        if (rois.isEmpty()) {
            throw new IOException(file + ": the zip holds no .roi entry (expected a RoiManager ROI set)");
        }
        return rois;
    }

    private static Roi decode(byte[] bytes, Path file, String entry) throws IOException {
        Roi roi;
        try {
            roi = new RoiDecoder(bytes, entry).getRoi();
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": " + entry + " is not an ImageJ ROI (" + e.getMessage() + ")", e);
        }
        if (roi == null) {
            throw new IOException(file + ": " + entry + " is not an ImageJ ROI");
        }
        return roi;
    }

    /** A region's ROI: {@link #decode}, refused when it is not an area. */
    private static Roi decodeArea(byte[] bytes, Path file, String entry) throws IOException {
        Roi roi = decode(bytes, file, entry);
        if (!roi.isArea()) {
            throw new IOException(file + ": ROI '" + entry + "' is a " + roi.getTypeAsString()
                    + ", not an area; regions must be area ROIs (polygon, freehand, oval, rectangle, composite)");
        }
        return roi;
    }

    /**
     * Particles drawn or saved as ROIs (a {@code .roi} file, a RoiManager {@code .zip}, the live RoiManager) as a
     * label image: ROI k is label k + 1 before renumbering, each ROI's pixels those of its mask as ImageJ fills it;
     * where ROIs overlap the pixel goes to the first. The profiling renumbers the labels 1..n in raster order
     * ({@link org.oxymap.core.segment.LabelImages#segmentationOf}), as OxyMap numbers its own particles.
     *
     * @param source names the ROIs' origin in messages (a file, or a parameter and the RoiManager)
     * @throws IllegalArgumentException when there is no ROI, when one is not an area (a line, a point) or covers
     *                                  no pixel of the image
     */
    public static int[] labelsOfParticleRois(List<Roi> rois, String source, int width, int height) {
        if (rois.isEmpty()) {
            throw new IllegalArgumentException(source + ": holds no ROI; particles must be area ROIs");
        }
        for (int k = 0; k < rois.size(); k++) {
            Roi roi = rois.get(k);
            if (roi == null || !roi.isArea()) {
                throw new IllegalArgumentException(source + ": ROI " + (k + 1) + (roi == null ? " is missing"
                        : " ('" + roi.getName() + "') is a " + roi.getTypeAsString() + ", not an area")
                        + "; particles must be area ROIs (polygon, freehand, oval, rectangle, composite)");
            }
        }
        try {
            return fromRois(rois, source, width, height, null);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Regions (e.g. agglomerates) from the same files, leniently: an ROI that covers no pixel of the image is
     * skipped with a message in {@code warnings}, and an empty ROI set or an all-background label image gives an
     * all-zero label image with a message, so that the rest of a run is still reported. ROIs are numbered 1..n in
     * file order (skipped ones keep their number free); label images keep their labels; masks are split into
     * 8-connected components.
     */
    public static int[] readRegions(Path file, int width, int height, List<String> warnings) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "region file not found");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int[] labels;
        if (name.endsWith(".roi")) {
            labels = fromRois(List.of(decodeArea(Files.readAllBytes(file), file, name)), file.toString(), width,
                    height, warnings);
        } else if (name.endsWith(".zip")) {
            List<Roi> rois = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (!entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith(".roi")) {
                        rois.add(decodeArea(zip.readAllBytes(), file, entry.getName()));
                    }
                }
            }
            if (rois.isEmpty()) {
                warnings.add(file + ": the ROI set is empty (no .roi entry)");
            }
            labels = fromRois(rois, file.toString(), width, height, warnings);
        } else if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            labels = fromTiff(file, width, height);
        } else {
            throw new IOException(file + ": regions must be a label or mask TIFF (.tif), an ImageJ ROI (.roi) or "
                    + "a RoiManager set (.zip)");
        }
        boolean any = false;
        for (int l : labels) {
            any |= l != 0;
        }
        if (!any && !name.endsWith(".zip")) {
            warnings.add(file + ": holds no region (every pixel is background)");
        }
        return labels;
    }

    /**
     * Area ROIs (e.g. from the RoiManager) as a label image, ROI k = label k + 1; where ROIs overlap the pixel goes to
     * the first. Non-area ROIs and ROIs covering no pixel of the image are skipped with a message in
     * {@code warnings}.
     *
     * @param source names the ROIs' origin in messages
     */
    public static int[] labelsFromRois(List<Roi> rois, String source, int width, int height, List<String> warnings)
            throws IOException {
        List<Roi> areas = new ArrayList<>();
        for (int k = 0; k < rois.size(); k++) {
            Roi roi = rois.get(k);
            if (roi == null || !roi.isArea()) {
                warnings.add(source + ": ROI " + (k + 1) + (roi == null ? "" : " ('" + roi.getName() + "', a "
                        + roi.getTypeAsString() + ")") + " is not an area and is skipped");
                areas.add(null);
            } else {
                areas.add(roi);
            }
        }
        return fromRois(areas, source, width, height, warnings);
    }

    /** @param warnings null = strict (an ROI outside the image is an error); otherwise collects the messages */
    private static int[] fromRois(List<Roi> rois, String file, int width, int height, List<String> warnings)
            throws IOException {
        int[] labels = new int[width * height];
        for (int k = 0; k < rois.size(); k++) {
            Roi roi = rois.get(k);
            if (roi == null) {
                continue;
            }
            Rectangle b = roi.getBounds();
            ImageProcessor mask = roi.getMask();
            int inside = 0;
            for (int y = 0; y < b.height; y++) {
                for (int x = 0; x < b.width; x++) {
                    int ix = b.x + x;
                    int iy = b.y + y;
                    if (ix < 0 || iy < 0 || ix >= width || iy >= height) {
                        continue;
                    }
                    if (mask == null || mask.get(x, y) != 0) {
                        inside++;
                        int i = iy * width + ix;
                        if (labels[i] == 0) {
                            labels[i] = k + 1;
                        }
                    }
                }
            }
            if (inside == 0 && warnings != null) {
                warnings.add(file + ": ROI " + (k + 1) + " ('" + roi.getName() + "') lies outside the " + width
                        + " x " + height + " px image and is skipped");
            } else if (inside == 0) {
                throw new IOException(file + ": ROI " + (k + 1) + " ('" + roi.getName() + "') covers no pixel of the "
                        + width + " x " + height + " px stack");
            }
        }
        return labels;
    }
}
