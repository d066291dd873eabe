package org.oxymap.ij;

import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.plugin.LutLoader;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.TiffStackIO;

/**
 * Converts between ImageJ images and the core's types. Stacks are shared rather than copied so that an image open
 * in ImageJ and the pipeline's view of it never disagree and a large stack is not held twice.
 */
public final class ImagePlusStacks {

    /** The same label syntax TiffStackIO reads, so a stack saved by OxyMap and reopened in ImageJ still wraps. */
    private static final Pattern ENERGY_LABEL = Pattern.compile("([-+]?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?)\\s*eV");

    private ImagePlusStacks() {
    }

    /**
     * Wraps the image's stack as a SpectralStack. 32-bit slices are shared: writes through either side are seen by
     * the other. Slices of other types are converted to float, and those converted planes are copies.
     *
     * @param energiesEv one energy per slice, or null to parse them from slice labels such as "640.25 eV"
     * @throws IllegalArgumentException naming the slice without an energy label, or both counts when they differ
     */
    public static SpectralStack wrap(ImagePlus imp, double[] energiesEv) {
        ImageStack is = imp.getStack();
        int n = is.getSize();
        double[] energies;
        if (energiesEv != null) {
            if (energiesEv.length != n) {
                throw new IllegalArgumentException("image '" + imp.getTitle() + "' has " + n + " slices but "
                        + energiesEv.length + " energies were given: the energy count must match the slice count");
            }
            energies = energiesEv.clone();
        } else {
            energies = new double[n];
            for (int k = 0; k < n; k++) {
                String label = is.getSliceLabel(k + 1);
                Matcher m = label == null ? null : ENERGY_LABEL.matcher(label);
                if (m == null || !m.find()) {
                    throw new IllegalArgumentException("image '" + imp.getTitle() + "': slice " + (k + 1)
                            + " is labelled '" + label + "', not with an energy like '640.25 eV'; give the energies");
                }
                energies[k] = Double.parseDouble(m.group(1));
            }
        }
        List<float[]> planes = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            ImageProcessor ip = is.getProcessor(k);
            planes.add(ip instanceof FloatProcessor ? (float[]) ip.getPixels()
                    : (float[]) ip.convertToFloat().getPixels());
        }
        Calibration cal = imp.getCalibration();
        double scale = TiffStackIO.unitToNm(cal.getUnit());
        double pw = scale > 0 ? cal.pixelWidth * scale : 1.0;
        double ph = scale > 0 ? cal.pixelHeight * scale : 1.0;
        return SpectralStack.wrap(planes, is.getWidth(), is.getHeight(), energies, pw, ph, infoI0(imp, n),
                Double.NaN);
    }

    /**
     * The I0 spectrum a stack file carried (e.g. NXstxm), as OxyMap Open Stack keeps it in the image Info
     * ({@code oxymap.i0=v1,v2,...}); null when there is none or its length is not the slice count.
     */
    static double[] infoI0(ImagePlus imp, int slices) {
        Object info = imp.getProperty("Info");
        if (!(info instanceof String text)) {
            return null;
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("oxymap.i0=")) {
                String[] parts = line.substring("oxymap.i0=".length()).trim().split(",");
                if (parts.length != slices) {
                    return null;
                }
                double[] i0 = new double[slices];
                try {
                    for (int k = 0; k < slices; k++) {
                        i0[k] = Double.parseDouble(parts[k].trim());
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("image '" + imp.getTitle() + "': the Info line oxymap.i0 "
                            + "holds '" + line + "', expected one number per slice", e);
                }
                return i0;
            }
        }
        return null;
    }

    /**
     * A calibrated 32-bit image (unit nm) of one result map, shown with the given LUT over the data's finite range.
     * The map array is shared, not copied. The LUT is one of ImageJ's built-in ones (e.g. "Fire" for fractions,
     * "Grays" for thickness), which need no display; an unknown name leaves the image grey.
     */
    public static ImagePlus toImagePlus(String title, float[] map, int w, int h, double pixelWNm, double pixelHNm,
            String lut) {
        FloatProcessor fp = new FloatProcessor(w, h, map);
        if (lut != null) {
            IndexColorModel cm = LutLoader.getLut(lut.toLowerCase(java.util.Locale.ROOT));
            if (cm != null) {
                fp.setColorModel(cm);
            }
        }
        ImagePlus imp = new ImagePlus(title, fp);
        Calibration cal = imp.getCalibration();
        cal.setUnit("nm");
        cal.pixelWidth = pixelWNm;
        cal.pixelHeight = pixelHNm;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : map) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min <= max) {
            imp.setDisplayRange(min, max == min ? min + 1 : max);
        }
        return imp;
    }
}
