package org.oxymap.ij;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.oxymap.core.align.AlignmentResult;
import org.oxymap.core.align.Shift;
import org.oxymap.core.align.StackAligner;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/**
 * Plugins › OxyMap › OxyMap Align Stack: aligns the energies of a transmission stack as the pipeline does (default
 * alignment: Lanczos-6 resampling of ln counts to the mean drift position, cropped to the common area). Macro key:
 * {@code stack} (open image title, file, or empty for the current image). Makes the image "aligned" (energies in
 * the slice labels), the table "OxyMap Shifts" and a plot of the shifts.
 */
public class AlignStackPlugin implements PlugIn {

    public static final String TITLE = "OxyMap Align Stack";

    @Override
    public void run(String arg) {
        try {
            MacroDialog d = new MacroDialog(TITLE);
            d.addString("stack", StepPlugins.currentTitle());
            if (!d.show()) {
                return;
            }
            ImagePlus stack = StepImages.resolve(d.nextString(), "stack", true);
            StepImages.present(align(stack, new ImageJProgress()), null);
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }

    /** Aligns the stack (energies from its slice labels) with the pipeline's default alignment settings. */
    public static StepResult align(ImagePlus stack, ProgressListener listener) {
        SpectralStack s = ImagePlusStacks.wrap(stack, null);
        AlignmentResult a = new StackAligner(PipelineSettings.defaults().alignment()).align(s, listener);
        ResultsTable t = new ResultsTable();
        t.setPrecision(6);
        Shift[] shifts = a.shifts();
        double[] e = s.energiesEv();
        double[] dx = new double[shifts.length];
        double[] dy = new double[shifts.length];
        for (int k = 0; k < shifts.length; k++) {
            t.addRow();
            t.addValue("energy_eV", e[k]);
            t.addValue("dx_px", shifts[k].dxPx());
            t.addValue("dy_px", shifts[k].dyPx());
            dx[k] = shifts[k].dxPx();
            dy[k] = shifts[k].dyPx();
        }
        Plot plot = new Plot("OxyMap Shifts", "Energy (eV)", "Shift (px)");
        plot.setColor(java.awt.Color.BLUE);
        plot.addPoints(e, dx, Plot.CONNECTED_CIRCLES);
        plot.setColor(java.awt.Color.RED);
        plot.addPoints(e, dy, Plot.CONNECTED_CIRCLES);
        plot.setLegend("dx\tdy", Plot.AUTO_POSITION);
        ImagePlus out = ImportStackPlugin.toImagePlus(a.aligned(), "aligned");
        return new StepResult().image(out).table("OxyMap Shifts", t).plot(plot)
                .summary(String.format(java.util.Locale.ROOT, "aligned %d energies%s", shifts.length,
                        a.cropped() ? ", cropped to " + a.crop() : ""));
    }
}
