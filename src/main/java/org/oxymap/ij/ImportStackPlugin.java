package org.oxymap.ij;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.plugin.PlugIn;
import ij.process.FloatProcessor;

import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.CxiQuantity;
import org.oxymap.io.StackReadOptions;
import org.oxymap.io.StackReaders;

/**
 * Plugins › OxyMap › OxyMap Open Stack (also File › Import › OxyMap stack...): opens any stack OxyMap reads (ALS .hdr, NXstxm, CXI, aXis2000 .ncb, Stony
 * Brook .stk, TIFF with energies) as a 32-bit ImagePlus whose slice labels are the energies ("853.0 eV") and whose
 * calibration is the pixel size in nm, so the image can be inspected or registered with Fiji's own tools and then
 * given back to OxyMap. Macro keys: {@code stack, energies, pixel_nm} (0 = from the file), {@code region,
 * channel, quantity}.
 */
public class ImportStackPlugin implements PlugIn {

    static final String TITLE = "OxyMap Open Stack";

    @Override
    public void run(String arg) {
        try {
            MacroDialog d = new MacroDialog(TITLE);
            d.addFile("stack", "");
            d.addFile("energies", "");
            d.addNumber("pixel_nm", 0);
            d.addNumber("region", 0);
            d.addNumber("channel", 0);
            d.addChoice("quantity", CxiQuantity.labels(), CxiQuantity.INTENSITY.label());
            if (!d.show()) {
                return;
            }
            Path stack = RunPipelinePlugin.requiredPath(d.nextString(), "stack");
            String energies = d.nextString();
            double pixelNm = d.nextNumber();
            int region = (int) d.nextNumber();
            int channel = (int) d.nextNumber();
            CxiQuantity quantity = CxiQuantity.fromLabel(d.nextString());
            ImagePlus imp = open(stack, energies == null || energies.isBlank() ? null : Path.of(energies.trim()),
                    pixelNm > 0 ? pixelNm : Double.NaN, new StackReadOptions(region, channel, quantity));
            StepImages.present(new StepResult().image(imp).summary("opened " + imp.getTitle()), null);
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }

    /** Reads the stack and wraps it as a calibrated ImagePlus (the planes are shared, not copied). */
    public static ImagePlus open(Path stack, Path energies, double pixelNm, StackReadOptions options)
            throws IOException {
        SpectralStack s = StackReaders.read(stack, energies, pixelNm, options);
        return toImagePlus(s, stack.getFileName().toString());
    }

    /** A SpectralStack as an ImagePlus: slices labelled "E eV", calibration in nm, dwell and I0 in the Info. */
    public static ImagePlus toImagePlus(SpectralStack s, String title) {
        ImageStack is = new ImageStack(s.width(), s.height());
        for (int k = 0; k < s.energyCount(); k++) {
            is.addSlice(s.energyEv(k) + " eV", new FloatProcessor(s.width(), s.height(), s.plane(k)));
        }
        ImagePlus imp = new ImagePlus(title, is);
        Calibration cal = imp.getCalibration();
        cal.setUnit("nm");
        cal.pixelWidth = s.pixelWidthNm();
        cal.pixelHeight = s.pixelHeightNm();
        StringBuilder info = new StringBuilder();
        info.append("oxymap.pixel_width_nm=").append(s.pixelWidthNm()).append('\n');
        info.append("oxymap.pixel_height_nm=").append(s.pixelHeightNm()).append('\n');
        s.dwellMs().ifPresent(d -> info.append("oxymap.dwell_ms=").append(d).append('\n'));
        double[] i0 = s.i0OrNull();
        if (i0 != null) {
            StringBuilder v = new StringBuilder();
            for (double x : i0) {
                v.append(v.length() == 0 ? "" : ",").append(x); // exact, so the steps reuse the same I0
            }
            info.append("oxymap.i0=").append(v).append('\n');
        }
        imp.setProperty("Info", info.toString());
        imp.resetDisplayRange();
        return imp;
    }
}
