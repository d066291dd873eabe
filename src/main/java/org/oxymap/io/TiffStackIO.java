package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import org.oxymap.core.stack.SpectralStack;

/**
 * Multi-page TIFF stacks with energies, and single TIFF maps, through ImageJ's TIFF codec.
 *
 * <p>Energies come, in this order, from an energy file given by the caller, the sidecar
 * {@code <name>.energies.txt}, or slice labels such as {@code 640.25 eV}. The pixel size comes from the TIFF's
 * spatial calibration when its unit is nm or µm, else from the caller.
 */
public final class TiffStackIO {

    private static final Pattern ENERGY_LABEL = Pattern.compile("([-+]?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?)\\s*eV");

    private TiffStackIO() {
    }

    /**
     * Reads a stack. {@code energiesFile} may be null; {@code pixelNm} (NaN = from the file, else 1 nm) overrides
     * the calibration.
     */
    public static SpectralStack read(Path tiff, Path energiesFile, double pixelNm) throws IOException {
        return fromImagePlus(open(tiff), tiff, energiesFile, pixelNm);
    }

    /**
     * A stack from an image ImageJ has opened from {@code file} (any format), with energies and pixel size found as
     * for a TIFF.
     */
    static SpectralStack fromImagePlus(ImagePlus imp, Path tiff, Path energiesFile, double pixelNm)
            throws IOException {
        ImageStack is = imp.getStack();
        int n = is.getSize();
        double[] energies = energies(imp, tiff, energiesFile);
        List<float[]> planes = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            ImageProcessor ip = is.getProcessor(k);
            planes.add(ip instanceof FloatProcessor ? (float[]) ip.getPixels() : (float[]) ip.convertToFloat().getPixels());
        }
        double[] size = pixelNm(imp, pixelNm);
        double pw = size[0];
        double ph = size[1];
        try {
            return SpectralStack.wrap(planes, is.getWidth(), is.getHeight(), energies, pw, ph, null, Double.NaN);
        } catch (IllegalArgumentException e) {
            throw new IOException(tiff + ": " + e.getMessage(), e);
        }
    }

    /**
     * The energies of an opened stack: from {@code energiesFile}, else the sidecar, else the slice labels (a virtual
     * stack's labels are read without its pixels).
     */
    static double[] energies(ImagePlus imp, Path tiff, Path energiesFile) throws IOException {
        ImageStack is = imp.getStack();
        int n = is.getSize();
        double[] energies;
        if (energiesFile != null) {
            energies = EnergyListFile.read(energiesFile);
            requireCount(energies.length, n, energiesFile, tiff);
        } else if (Files.isRegularFile(EnergyListFile.sidecarOf(tiff))) {
            energies = EnergyListFile.read(EnergyListFile.sidecarOf(tiff));
            requireCount(energies.length, n, EnergyListFile.sidecarOf(tiff), tiff);
        } else {
            energies = new double[n];
            for (int k = 0; k < n; k++) {
                String label = is.getSliceLabel(k + 1);
                Matcher m = label == null ? null : ENERGY_LABEL.matcher(label);
                if (m == null || !m.find()) {
                    throw new IOException(tiff + ": no energies: give --energies, a sidecar "
                            + EnergyListFile.sidecarOf(tiff).getFileName() + ", or slice labels like '640.25 eV' (slice "
                            + (k + 1) + " is labelled '" + label + "')");
                }
                energies[k] = Double.parseDouble(m.group(1));
            }
        }
        return energies;
    }

    /** Pixel width and height in nm: {@code pixelNm} when given, else the exact values or the calibration. */
    static double[] pixelNm(ImagePlus imp, double pixelNm) {
        double pw = pixelNm;
        double ph = pixelNm;

        double[] exact = exactPixelNm(imp);
        if (Double.isNaN(pixelNm) && exact != null) {
            pw = exact[0];
            ph = exact[1];
        } else if (Double.isNaN(pixelNm)) {
            Calibration cal = imp.getCalibration();
            double scale = unitToNm(cal.getUnit());
            pw = scale > 0 ? cal.pixelWidth * scale : 1.0;
            ph = scale > 0 ? cal.pixelHeight * scale : 1.0;
        }
        return new double[] {pw, ph};
    }

    private static void requireCount(int energies, int slices, Path energyFile, Path tiff) throws IOException {
        if (energies != slices) {
            throw new IOException(energyFile + " lists " + energies + " energies but " + tiff + " has " + slices
                    + " slices: the energy count must match the slice count");
        }
    }

    static ImagePlus open(Path tiff) throws IOException {
        if (!Files.isRegularFile(tiff)) {
            throw new NoSuchFileException(tiff.toString(), null, "stack file not found");
        }
        TiffStructure.check(tiff);
        ImagePlus imp;
        try {
            imp = new Opener().openTiff(tiff.getParent() == null ? "" : tiff.getParent().toString() + "/",
                    tiff.getFileName().toString());
        } catch (RuntimeException e) {
            throw new IOException(tiff + ": ImageJ could not decode this TIFF (" + e + ")", e);
        }
        if (imp == null) {
            throw new IOException(tiff + ": not a TIFF that ImageJ can read");
        }
        return imp;
    }

    /** Nanometres per calibration unit, or -1 when the unit is not a length OxyMap can trust. */
    public static double unitToNm(String unit) {
        if (unit == null) {
            return -1;
        }
        return switch (unit.trim()) {
            case "nm" -> 1.0;
            case "\u00B5m", "\u03BCm", "um", "micron", "microns" -> 1000.0;
            default -> -1;
        };
    }

    /** Writes the stack as a 32-bit TIFF with slice labels "E eV", nm calibration, and the energies sidecar. */
    public static void write(SpectralStack stack, Path tiff) throws IOException {
        ImageStack is = new ImageStack(stack.width(), stack.height());
        for (int k = 0; k < stack.energyCount(); k++) {
            is.addSlice(stack.energyEv(k) + " eV", new FloatProcessor(stack.width(), stack.height(), stack.plane(k)));
        }
        ImagePlus imp = new ImagePlus(tiff.getFileName().toString(), is);
        calibrate(imp, stack.pixelWidthNm(), stack.pixelHeightNm());
        save(imp, tiff);
        EnergyListFile.write(EnergyListFile.sidecarOf(tiff), stack.energiesEv());
    }

    /** Writes one 32-bit map with the pixel size in nm. */
    public static void writeMap(float[] map, int width, int height, double pixelWidthNm, double pixelHeightNm, Path tiff)
            throws IOException {
        ImagePlus imp = new ImagePlus(tiff.getFileName().toString(), new FloatProcessor(width, height, map));
        calibrate(imp, pixelWidthNm, pixelHeightNm);
        save(imp, tiff);
    }

    /** Writes a label image: 16-bit while labels fit, else 32-bit. */
    public static void writeLabels(int[] labels, int width, int height, double pixelWidthNm, double pixelHeightNm,
            Path tiff) throws IOException {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        ImageProcessor ip;
        if (max <= 65535) {
            short[] s = new short[labels.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) labels[i];
            }
            ip = new ShortProcessor(width, height, s, null);
        } else {
            float[] f = new float[labels.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = labels[i];
            }
            ip = new FloatProcessor(width, height, f);
        }
        ImagePlus imp = new ImagePlus(tiff.getFileName().toString(), ip);
        calibrate(imp, pixelWidthNm, pixelHeightNm);
        save(imp, tiff);
    }

    /** Reads a single-image TIFF as float values. */
    public static float[] readMap(Path tiff) throws IOException {
        ImagePlus imp = open(tiff);
        return (float[]) imp.getProcessor().convertToFloat().getPixels();
    }

    /**
     * TIFF stores the resolution as a rational, which rounds a pixel size such as 7.5 nm to 7.500019 nm; the
     * exact sizes also go into ImageJ's Info property and are preferred when read back.
     */
    private static void calibrate(ImagePlus imp, double pw, double ph) {
        Calibration cal = imp.getCalibration();
        cal.setUnit("nm");
        cal.pixelWidth = pw;
        cal.pixelHeight = ph;
        imp.setProperty("Info", PIXEL_WIDTH_KEY + "=" + pw + "\n" + PIXEL_HEIGHT_KEY + "=" + ph + "\n");
    }

    private static final String PIXEL_WIDTH_KEY = "oxymap.pixel_width_nm";
    private static final String PIXEL_HEIGHT_KEY = "oxymap.pixel_height_nm";

    private static double[] exactPixelNm(ImagePlus imp) {
        String info = imp.getInfoProperty();
        if (info == null) {
            return null;
        }
        double w = Double.NaN;
        double h = Double.NaN;
        for (String line : info.split("\\R")) {
            String[] kv = line.split("=", 2);
            if (kv.length == 2) {
                try {
                    if (kv[0].trim().equals(PIXEL_WIDTH_KEY)) {
                        w = Double.parseDouble(kv[1].trim());
                    } else if (kv[0].trim().equals(PIXEL_HEIGHT_KEY)) {
                        h = Double.parseDouble(kv[1].trim());
                    }
                } catch (NumberFormatException ignored) {
                    return null; // fall back to the calibration
                }
            }
        }
        return w > 0 && h > 0 ? new double[] {w, h} : null;
    }

    private static void save(ImagePlus imp, Path tiff) throws IOException {
        FileSaver saver = new FileSaver(imp);
        boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(tiff.toString()) : saver.saveAsTiff(tiff.toString());
        if (!ok) {
            throw new IOException("could not write " + tiff);
        }
    }
}
