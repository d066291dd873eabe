package org.oxymap.ij;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Plot;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.macro.Interpreter;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.plugin.filter.ThresholdToSelection;
import ij.plugin.frame.RoiManager;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.oxymap.io.StackReadOptions;

/**
 * Images in and out of the per-step commands. An image parameter names an open image by its title, or a file
 * (opened with OxyMap's readers for stacks, with ImageJ for maps), or is empty for the current image. Result maps
 * are calibrated 32-bit images with a LUT, a fixed display range where the quantity has one (fractions 0–1) and a
 * calibration bar in the overlay.
 */
public final class StepImages {

    /** How a map is displayed. */
    public enum Look {
        /** A fraction: viridis-like LUT, display range 0–1. */
        FRACTION,
        /** A quantity without fixed range (thickness, residual): grey over the data's range. */
        GREY,
        /** Distances, valences: "Fire" over the data's range. */
        HEAT,
        /** A 0/1 mask. */
        MASK
    }

    private static IndexColorModel viridis;

    private StepImages() {
    }

    /**
     * The image a parameter names: empty = the current image; an open image's title; else a file path (a stack
     * through OxyMap's readers, any other image through ImageJ).
     */
    public static ImagePlus resolve(String value, String key, boolean stack) {
        if (value == null || value.isBlank()) {
            ImagePlus current = WindowManager.getCurrentImage();
            if (current == null) {
                throw new IllegalArgumentException("parameter " + key + " is empty and no image is open: give the "
                        + "title of an open image or a file");
            }
            return current;
        }
        String v = value.trim();
        ImagePlus open = WindowManager.getImage(v);
        if (open != null) {
            return open;
        }
        Path file = Path.of(v);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("parameter " + key + " is '" + v + "', which is neither the title of "
                    + "an open image (" + String.join(", ", titles()) + ") nor a file");
        }
        try {
            if (stack) {
                return ImportStackPlugin.open(file, null, Double.NaN, StackReadOptions.defaults());
            }
            ImagePlus imp = IJ.openImage(file.toString());
            if (imp == null) {
                throw new IllegalArgumentException("parameter " + key + ": ImageJ cannot open " + file);
            }
            return imp;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static String[] titles() {
        String[] t = WindowManager.getImageTitles();
        return t.length == 0 ? new String[] {"none open"} : t;
    }

    /** The single plane of a map image as float (shared if it is 32-bit), checked against the expected size. */
    public static float[] plane(ImagePlus imp, String key, int width, int height) {
        if (imp.getStackSize() != 1) {
            throw new IllegalArgumentException("parameter " + key + ": image '" + imp.getTitle() + "' has "
                    + imp.getStackSize() + " slices, expected a single map");
        }
        if (width > 0 && (imp.getWidth() != width || imp.getHeight() != height)) {
            throw new IllegalArgumentException("parameter " + key + ": image '" + imp.getTitle() + "' is "
                    + imp.getWidth() + " x " + imp.getHeight() + " px, expected " + width + " x " + height);
        }
        ImageProcessor ip = imp.getProcessor();
        return ip instanceof FloatProcessor ? (float[]) ip.getPixels() : (float[]) ip.convertToFloat().getPixels();
    }

    /** A label image's values as ints (0 = background). */
    public static int[] labels(ImagePlus imp, String key, int width, int height) {
        float[] f = plane(imp, key, width, height);
        int[] l = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            if (!(f[i] >= 0) || f[i] != Math.rint(f[i])) {
                throw new IllegalArgumentException("parameter " + key + ": image '" + imp.getTitle()
                        + "' has the value " + f[i] + " at pixel " + i + ", expected whole labels >= 0");
            }
            l[i] = (int) f[i];
        }
        return l;
    }

    /** A mask image (any value > 0 is set), or null for no image. */
    public static boolean[] mask(ImagePlus imp, String key, int width, int height) {
        if (imp == null) {
            return null;
        }
        float[] f = plane(imp, key, width, height);
        boolean[] m = new boolean[f.length];
        for (int i = 0; i < f.length; i++) {
            m[i] = f[i] > 0;
        }
        return m;
    }

    /** The image a parameter names, or null when the parameter is empty (for optional images). */
    public static ImagePlus optional(String value, String key) {
        return value == null || value.isBlank() ? null : resolve(value, key, false);
    }

    /** Pixel size (nm) of an image from its calibration; 1 nm when it has none. */
    public static double[] pixelNm(ImagePlus imp) {
        Calibration cal = imp.getCalibration();
        double scale = org.oxymap.io.TiffStackIO.unitToNm(cal.getUnit());
        return new double[] {scale > 0 ? cal.pixelWidth * scale : 1.0, scale > 0 ? cal.pixelHeight * scale : 1.0};
    }

    /** A calibrated result map (the array is shared) with the look of its quantity and a calibration bar. */
    public static ImagePlus map(String title, float[] values, int width, int height, double pixelWidthNm,
            double pixelHeightNm, Look look) {
        ImagePlus imp = ImagePlusStacks.toImagePlus(title, values, width, height, pixelWidthNm, pixelHeightNm,
                look == Look.HEAT ? "Fire" : "Grays");
        if (look == Look.FRACTION) {
            imp.getProcessor().setColorModel(viridis());
            imp.setDisplayRange(0, 1);
        } else if (look == Look.MASK) {
            imp.setDisplayRange(0, 1);
        }
        addCalibrationBar(imp, look == Look.MASK ? 1 : 2);
        return imp;
    }

    /** A label image (0 = background) with the particles' outlines in the overlay. */
    public static ImagePlus labelImage(String title, int[] labels, int count, int width, int height,
            double pixelWidthNm, double pixelHeightNm) {
        return labelImage(title, labels, count, width, height, pixelWidthNm, pixelHeightNm, null);
    }

    /**
     * As {@link #labelImage(String, int[], int, int, int, double, double)}, with each particle's exclusion flags
     * ({@code flags[label − 1]}, "" for none; null = no flags): a flagged particle's outline is orange and named
     * "particle N: flags".
     */
    public static ImagePlus labelImage(String title, int[] labels, int count, int width, int height,
            double pixelWidthNm, double pixelHeightNm, String[] flags) {
        float[] f = new float[labels.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = labels[i];
        }
        ImagePlus imp = ImagePlusStacks.toImagePlus(title, f, width, height, pixelWidthNm, pixelHeightNm, "Fire");
        imp.setDisplayRange(0, Math.max(1, count));
        Overlay overlay = new Overlay();
        for (Roi r : particleRois(labels, count, width, height, flags)) {
            overlay.add(r);
        }
        imp.setOverlay(overlay);
        return imp;
    }

    /** One outline per particle, named by its label ("particle 3"). */
    public static Roi[] particleRois(int[] labels, int count, int width, int height) {
        return particleRois(labels, count, width, height, null);
    }

    private static Roi[] particleRois(int[] labels, int count, int width, int height, String[] flags) {
        int[] x0 = new int[count + 1];
        int[] y0 = new int[count + 1];
        int[] x1 = new int[count + 1];
        int[] y1 = new int[count + 1];
        java.util.Arrays.fill(x0, Integer.MAX_VALUE);
        java.util.Arrays.fill(y0, Integer.MAX_VALUE);
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l > 0 && l <= count) {
                int x = i % width;
                int y = i / width;
                x0[l] = Math.min(x0[l], x);
                y0[l] = Math.min(y0[l], y);
                x1[l] = Math.max(x1[l], x);
                y1[l] = Math.max(y1[l], y);
            }
        }
        java.util.List<Roi> rois = new java.util.ArrayList<>();
        for (int l = 1; l <= count; l++) {
            if (x0[l] == Integer.MAX_VALUE) {
                continue;
            }
            int w = x1[l] - x0[l] + 1;
            int h = y1[l] - y0[l] + 1;
            ByteProcessor bp = new ByteProcessor(w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (labels[(y0[l] + y) * width + x0[l] + x] == l) {
                        bp.set(x, y, 255);
                    }
                }
            }
            bp.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
            Roi r = ThresholdToSelection.run(new ImagePlus("", bp));
            if (r != null) {
                r.setLocation(r.getXBase() + x0[l], r.getYBase() + y0[l]);
                boolean flagged = flags != null && !flags[l - 1].isEmpty();
                r.setName("particle " + l + (flagged ? ": " + flags[l - 1] : ""));
                r.setStrokeColor(flagged ? Color.ORANGE : Color.CYAN);
                rois.add(r);
            }
        }
        return rois.toArray(new Roi[0]);
    }

    /** A vertical LUT bar with the display range's ends, in the image's overlay (upper right). */
    static void addCalibrationBar(ImagePlus imp, int decimals) {
        int h = Math.max(16, imp.getHeight() / 3);
        int w = Math.max(4, imp.getWidth() / 40);
        ImageProcessor ip = imp.getProcessor();
        double min = ip.getMin();
        double max = ip.getMax();
        FloatProcessor bar = new FloatProcessor(w, h);
        for (int y = 0; y < h; y++) {
            float v = (float) (max - (max - min) * y / (h - 1.0));
            for (int x = 0; x < w; x++) {
                bar.setf(x, y, v);
            }
        }
        bar.setColorModel(ip.getColorModel());
        bar.setMinAndMax(min, max);
        int x = imp.getWidth() - w - Math.max(2, imp.getWidth() / 50);
        int y = Math.max(2, imp.getHeight() / 50);
        Overlay overlay = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
        ImageRoi roi = new ImageRoi(x, y, bar.convertToRGB());
        roi.setName("calibration bar");
        overlay.add(roi);
        java.awt.Font font = new java.awt.Font("SansSerif", java.awt.Font.PLAIN, Math.max(8, imp.getHeight() / 30));
        String fmt = "%." + decimals + "f";
        TextRoi top = new TextRoi(0, y, String.format(Locale.ROOT, fmt, max), font);
        top.setLocation(x - top.getBounds().width - 2, y);
        TextRoi bottom = new TextRoi(0, 0, String.format(Locale.ROOT, fmt, min), font);
        bottom.setLocation(x - bottom.getBounds().width - 2, y + h - bottom.getBounds().height);
        for (TextRoi t : new TextRoi[] {top, bottom}) {
            t.setStrokeColor(Color.WHITE);
            t.setFillColor(new Color(0, 0, 0, 128));
            overlay.add(t);
        }
        imp.setOverlay(overlay);
    }

    /** A perceptually uniform blue–green–yellow LUT like matplotlib's viridis (interpolated from 9 anchors). */
    public static synchronized IndexColorModel viridis() {
        if (viridis == null) {
            int[][] anchors = {{68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141},
                {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}};
            byte[] r = new byte[256];
            byte[] g = new byte[256];
            byte[] b = new byte[256];
            for (int i = 0; i < 256; i++) {
                double t = i / 255.0 * (anchors.length - 1);
                int k = Math.min(anchors.length - 2, (int) t);
                double f = t - k;
                r[i] = (byte) Math.round(anchors[k][0] + f * (anchors[k + 1][0] - anchors[k][0]));
                g[i] = (byte) Math.round(anchors[k][1] + f * (anchors[k + 1][1] - anchors[k][1]));
                b[i] = (byte) Math.round(anchors[k][2] + f * (anchors[k + 1][2] - anchors[k][2]));
            }
            viridis = new IndexColorModel(8, 256, r, g, b);
        }
        return viridis;
    }

    /**
     * Shows a step's outputs: images (in batch mode or headless they become the macro's batch images, found by title
     * by the next step), tables as Results windows, plots, particles in the RoiManager when there is a display.
     */
    public static void present(StepResult result, Roi[] particles) {
        boolean headless = GraphicsEnvironment.isHeadless();
        if (headless) {
            // no window can exist: keep the images as batch-mode images so later steps find them by title
            Interpreter.batchMode = true;
        }
        for (ImagePlus imp : result.images()) {
            imp.show();
        }
        if (!headless) {
            for (Map.Entry<String, ResultsTable> t : result.tables().entrySet()) {
                t.getValue().show(t.getKey());
            }
            if (!Interpreter.isBatchMode()) {
                for (Plot p : result.plots()) {
                    p.show();
                }
            }
            if (particles != null && particles.length > 0) {
                RoiManager rm = RoiManager.getRoiManager();
                rm.reset();
                for (Roi r : particles) {
                    rm.addRoi(r);
                }
            }
        }
        IJ.log("OxyMap: " + result.summary());
        IJ.showStatus("OxyMap: " + result.summary());
    }
}
