package org.oxymap.ij;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.process.ImageProcessor;

import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.spectra.RegionSpectrum;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.ReferenceCsv;

/**
 * Plugins › OxyMap › OxyMap Reference From ROI: the mean spectrum of a region of an optical-density stack (e.g. a
 * particle of a standard imaged in the same session) saved as a reference CSV, as {@code oxymap references roi
 * --od}. Macro keys: {@code stack} (title, file or empty = current image), {@code mask} (a mask image, non-zero =
 * inside; empty = the stack's selection, any shape), {@code name} (empty = the file name), {@code valence}
 * (nominal valence, e.g. 3 or 8/3; empty = none) and {@code out} (the CSV to write). Makes the table
 * "OxyMap Reference" and a plot of the spectrum.
 */
public class ReferenceFromRoiPlugin implements PlugIn {

    public static final String TITLE = "OxyMap Reference From ROI";

    @Override
    public void run(String arg) {
        try {
            MacroDialog d = new MacroDialog(TITLE);
            d.addString("stack", StepPlugins.currentTitle());
            d.addString("mask", "");
            d.addString("name", "");
            d.addString("valence", "");
            d.addFile("out", "");
            if (!d.show()) {
                return;
            }
            ImagePlus stack = StepImages.resolve(d.nextString(), "stack", true);
            ImagePlus mask = StepImages.optional(d.nextString(), "mask");
            String name = d.nextString();
            String valence = d.nextString();
            String out = d.nextString();
            StepImages.present(referenceFromRoi(stack, mask, name, valence, out), null);
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }

    /**
     * @param mask    mask image (non-zero = inside), or null to use the stack's selection
     * @param name    reference name; empty = the output file's name without extension
     * @param valence nominal valence ("3", "2.5", "8/3"); empty = none
     * @param out     the CSV file to write (replaced if it exists; written to a temporary file first)
     */
    public static StepResult referenceFromRoi(ImagePlus stack, ImagePlus mask, String name, String valence,
            String out) throws IOException {
        if (out == null || out.isBlank()) {
            throw new IllegalArgumentException("parameter out is empty: give the reference CSV file to write");
        }
        Path file = Path.of(out.trim()).toAbsolutePath().normalize();
        String n = name == null || name.isBlank() ? file.getFileName().toString().replaceFirst("\\.[^.]*$", "")
                : name.trim();
        double v = parseValence(valence);
        SpectralStack od = ImagePlusStacks.wrap(stack, null);
        boolean[] inside = mask != null ? StepImages.mask(mask, "mask", od.width(), od.height())
                : selection(stack);
        for (int k = 0; k < od.energyCount(); k++) {
            float[] plane = od.plane(k);
            for (int i = 0; i < plane.length; i++) {
                if (inside[i] && !Float.isFinite(plane[i])) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "pixel (%d, %d) of the region "
                            + "is %s at %.3f eV (e.g. no counts in the Optical Density step): choose a region "
                            + "without it", i % od.width(), i / od.width(), plane[i], od.energyEv(k)));
                }
            }
        }
        ReferenceSpectrum ref = RegionSpectrum.mean(od, inside, n, v);
        double[] values = ref.values();
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".partial");
        try {
            ReferenceCsv.write(ref, tmp, "od");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        ResultsTable t = new ResultsTable();
        t.setPrecision(6);
        for (int k = 0; k < values.length; k++) {
            t.addRow();
            t.addValue("energy_eV", ref.energiesEv()[k]);
            t.addValue("od", values[k]);
        }
        Plot plot = new Plot("OxyMap Reference " + n, "Energy (eV)", "Optical density");
        plot.addPoints(ref.energiesEv(), values, Plot.CONNECTED_CIRCLES);
        int count = 0;
        for (boolean b : inside) {
            count += b ? 1 : 0;
        }
        return new StepResult().table("OxyMap Reference", t).plot(plot).summary("reference " + n + " (mean of "
                + count + " pixels, " + values.length + " energies" + (Double.isFinite(v) ? ", valence "
                + valence.trim() : "") + ") -> " + file);
    }

    /** "3", "2.67" or "8/3"; empty = NaN (no valence). */
    static double parseValence(String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        String s = text.trim();
        try {
            int slash = s.indexOf('/');
            double v = slash < 0 ? Double.parseDouble(s)
                    : Double.parseDouble(s.substring(0, slash)) / Double.parseDouble(s.substring(slash + 1));
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("parameter valence is '" + text + "', expected a number such as 3 or "
                + "8/3, or empty for none");
    }

    /** The pixels inside the image's selection (any area shape). */
    static boolean[] selection(ImagePlus imp) {
        Roi roi = imp.getRoi();
        if (roi == null || !roi.isArea()) {
            throw new IllegalArgumentException("image '" + imp.getTitle() + "' has no area selection and the "
                    + "parameter mask is empty: select the region or give a mask image");
        }
        int w = imp.getWidth();
        int h = imp.getHeight();
        boolean[] inside = new boolean[w * h];
        Rectangle b = roi.getBounds();
        ImageProcessor m = roi.getMask();
        for (int y = Math.max(0, b.y); y < Math.min(h, b.y + b.height); y++) {
            for (int x = Math.max(0, b.x); x < Math.min(w, b.x + b.width); x++) {
                inside[y * w + x] = m == null || m.get(x - b.x, y - b.y) != 0;
            }
        }
        return inside;
    }
}
