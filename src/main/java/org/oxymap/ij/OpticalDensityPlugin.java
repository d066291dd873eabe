package org.oxymap.ij;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.pipeline.PipelineSteps;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.AlsXspSpectrum;
import org.oxymap.io.ReferenceCsv;

/**
 * Plugins › OxyMap › OxyMap Optical Density: OD = ln(I0/I) of an (aligned) transmission stack. Macro keys:
 * {@code stack}; {@code i0} = auto (the empty region the estimator finds), roi (the rectangle {@code i0_roi}
 * "x,y,width,height", or the image's rectangle selection when that is empty) or file ({@code i0_file}, a CSV or
 * ALS .xsp spectrum). Makes "OD" (pixels without counts are NaN), the mask "i0_region" (the pixels I0 came from,
 * which the noise threshold of Segment Particles needs), the table "OxyMap I0" and a plot of I0.
 */
public class OpticalDensityPlugin implements PlugIn {

    public static final String TITLE = "OxyMap Optical Density";
    public static final String[] I0_MODES = {"auto", "roi", "file"};

    @Override
    public void run(String arg) {
        try {
            MacroDialog d = new MacroDialog(TITLE);
            d.addString("stack", StepPlugins.currentTitle());
            d.addChoice("i0", I0_MODES, "auto");
            d.addString("i0_roi", "");
            d.addFile("i0_file", "");
            if (!d.show()) {
                return;
            }
            ImagePlus stack = StepImages.resolve(d.nextString(), "stack", true);
            String mode = d.nextString();
            String roi = d.nextString();
            String file = d.nextString();
            StepImages.present(opticalDensity(stack, mode, roi, file), null);
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }

    /**
     * @param mode    auto, roi or file
     * @param i0Roi   "x,y,width,height" for roi (empty = the stack's rectangle selection)
     * @param i0File  spectrum file for file
     */
    public static StepResult opticalDensity(ImagePlus stack, String mode, String i0Roi, String i0File)
            throws IOException {
        SpectralStack s = ImagePlusStacks.wrap(stack, null);
        PixelRectangle rect = null;
        switch (mode == null ? "auto" : mode.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> {
            }
            case "roi" -> rect = rectangle(stack, i0Roi);
            case "file" -> {
                if (i0File == null || i0File.isBlank()) {
                    throw new IllegalArgumentException("parameter i0 is file but i0_file is empty: give a CSV or "
                            + ".xsp spectrum");
                }
                Path f = Path.of(i0File.trim());
                ReferenceSpectrum spectrum = f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xsp")
                        ? AlsXspSpectrum.read(f) : ReferenceCsv.read(f);
                s = s.withI0(spectrum.interpolate(s.energiesEv()));
            }
            default -> throw new IllegalArgumentException("parameter i0 is '" + mode + "', expected auto, roi or "
                    + "file");
        }
        PipelineSteps.OpticalDensity od = PipelineSteps.opticalDensity(s, rect);
        ImagePlus odImage = ImportStackPlugin.toImagePlus(od.od(), "OD");
        odImage.resetDisplayRange();
        float[] empty = new float[od.empty().length];
        for (int i = 0; i < empty.length; i++) {
            empty[i] = od.empty()[i] ? 1f : 0f;
        }
        ImagePlus region = StepImages.map("i0_region", empty, s.width(), s.height(), s.pixelWidthNm(),
                s.pixelHeightNm(), StepImages.Look.MASK);
        ResultsTable t = new ResultsTable();
        t.setPrecision(6);
        double[] e = s.energiesEv();
        for (int k = 0; k < e.length; k++) {
            t.addRow();
            t.addValue("energy_eV", e[k]);
            t.addValue("i0", od.i0()[k]);
        }
        Plot plot = new Plot("OxyMap I0", "Energy (eV)", "I0 (counts)");
        plot.addPoints(e, od.i0(), Plot.CONNECTED_CIRCLES);
        return new StepResult().image(odImage).image(region).table("OxyMap I0", t).plot(plot)
                .summary("optical density; I0 from " + od.i0Source() + "; " + od.invalidCount()
                        + " pixels without counts");
    }

    private static PixelRectangle rectangle(ImagePlus stack, String text) {
        if (text != null && !text.isBlank()) {
            return PixelRectangle.parse(text, "i0_roi");
        }
        Roi roi = stack.getRoi();
        if (roi == null || roi.getType() != Roi.RECTANGLE) {
            throw new IllegalArgumentException("parameter i0 is roi but i0_roi is empty and image '"
                    + stack.getTitle() + "' has no rectangle selection: select the empty area or give x,y,w,h");
        }
        java.awt.Rectangle r = roi.getBounds();
        return new PixelRectangle(r.x, r.y, r.width, r.height);
    }
}
