package org.oxymap.ij;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ij.ImagePlus;
import ij.plugin.PlugIn;

import org.oxymap.core.edge.CalibrationLine;
import org.oxymap.core.edge.EdgeEnergyMethod;
import org.oxymap.core.edge.EdgeMapSettings;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.CalibrationTable;
import org.oxymap.io.EdgeMapRunner;

/**
 * Plugins › OxyMap › OxyMap Edge-Energy Map: the per-pixel edge energy of an optical-density stack (as
 * {@code oxymap edge --od}). Macro keys: {@code stack} (title, file or empty = current image; energies in the slice
 * labels), {@code method} = half-height or max-derivative, {@code pre_edge_max_ev} / {@code post_edge_min_ev} (0 =
 * the lowest / highest quarter of the energies), {@code min_jump} (OD; smaller edge jumps are masked) and
 * {@code calibration} (table of {@code oxymap references calibrate}, empty = none). Makes "edge_energy" (eV),
 * "edge_jump" (OD), "edge_mask" (1 = measured) and, with a calibration, "valence_edge" and "valence_edge_sigma":
 * the maps of the CLI's results folder, float for float. Masked pixels hold {@link EdgeMapSettings#FILL_VALUE}.
 */
public class EdgeEnergyMapPlugin implements PlugIn {

    public static final String TITLE = "OxyMap Edge-Energy Map";

    @Override
    public void run(String arg) {
        try {
            MacroDialog d = new MacroDialog(TITLE);
            d.addString("stack", StepPlugins.currentTitle());
            d.addChoice("method", EdgeEnergyMethod.labels(), EdgeEnergyMethod.HALF_HEIGHT.label());
            d.addNumber("pre_edge_max_ev", 0);
            d.addNumber("post_edge_min_ev", 0);
            d.addNumber("min_jump", 0.05);
            d.addFile("calibration", "");
            if (!d.show()) {
                return;
            }
            ImagePlus stack = StepImages.resolve(d.nextString(), "stack", true);
            String method = d.nextString();
            double pre = d.nextNumber();
            double post = d.nextNumber();
            double minJump = d.nextNumber();
            String calibration = d.nextString();
            StepImages.present(edgeEnergyMap(stack, method, pre, post, minJump, calibration), null);
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }

    /**
     * @param preEdgeMaxEv  end of the pre-edge, eV; 0 or NaN = the lowest quarter of the energies
     * @param postEdgeMinEv start of the post-edge, eV; 0 or NaN = the highest quarter
     * @param calibration   calibration table file, or empty/null for none
     */
    public static StepResult edgeEnergyMap(ImagePlus stack, String method, double preEdgeMaxEv,
            double postEdgeMinEv, double minJump, String calibration) throws IOException {
        EdgeMapSettings settings = new EdgeMapSettings(EdgeEnergyMethod.fromLabel(method == null ? "half-height"
                : method), auto(preEdgeMaxEv), auto(postEdgeMinEv), minJump);
        CalibrationLine line = null;
        String warning = "";
        if (calibration != null && !calibration.isBlank()) {
            Path file = Path.of(calibration.trim());
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("parameter calibration is '" + calibration + "', which is not a "
                        + "file: give the table of 'oxymap references calibrate' or leave it empty");
            }
            line = CalibrationTable.read(file);
            String calMethod = CalibrationTable.method(file);
            if (!calMethod.equalsIgnoreCase(settings.method().label())) {
                warning = "; warning: the calibration was made with edge method " + calMethod;
            }
        }
        SpectralStack od = ImagePlusStacks.wrap(stack, null);
        EdgeMapRunner.Result r = EdgeMapRunner.compute(od, true, settings, line, new ImageJProgress());
        int w = od.width();
        int h = od.height();
        double pw = od.pixelWidthNm();
        double ph = od.pixelHeightNm();
        boolean[] valid = r.edges().valid();
        float[] mask = new float[w * h];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = valid[i] ? 1f : 0f;
        }
        StepResult result = new StepResult();
        result.image(valueMap("edge_energy", r.edges().edgeEnergyEv(), valid, w, h, pw, ph, "eV",
                StepImages.Look.HEAT));
        result.image(valueMap("edge_jump", r.edges().jump(), null, w, h, pw, ph, "OD", StepImages.Look.GREY));
        result.image(StepImages.map("edge_mask", mask, w, h, pw, ph, StepImages.Look.MASK));
        if (r.valence() != null) {
            result.image(valueMap("valence_edge", r.valence().valence(), valid, w, h, pw, ph, "valence",
                    StepImages.Look.HEAT));
            result.image(valueMap("valence_edge_sigma", r.valence().valenceSigma(), valid, w, h, pw, ph, "valence",
                    StepImages.Look.GREY));
        }
        int count = r.edges().validCount();
        return result.summary(String.format(Locale.ROOT, "edge energy (%s) measured in %d of %d pixels%s%s",
                settings.method().label(), count, valid.length, count > 0 ? String.format(Locale.ROOT,
                        ", mean %.2f eV", r.edges().meanEdgeEnergyEv()) : "", warning));
    }

    private static double auto(double ev) {
        return ev == 0 || Double.isNaN(ev) ? Double.NaN : ev;
    }

    /** A map shown over its measured pixels' range (the fill value 0 of masked pixels would hide the contrast). */
    private static ImagePlus valueMap(String title, float[] values, boolean[] valid, int w, int h, double pw,
            double ph, String unit, StepImages.Look look) {
        float[] shown = values;
        if (valid != null) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < values.length; i++) {
                if (valid[i]) {
                    min = Math.min(min, values[i]);
                    max = Math.max(max, values[i]);
                }
            }
            ImagePlus imp = ImagePlusStacks.toImagePlus(title, shown, w, h, pw, ph, look == StepImages.Look.HEAT
                    ? "Fire" : "Grays");
            if (min <= max) {
                imp.setDisplayRange(min, max > min ? max : min + 1);
            }
            imp.getCalibration().setValueUnit(unit);
            StepImages.addCalibrationBar(imp, 2);
            return imp;
        }
        ImagePlus imp = StepImages.map(title, shown, w, h, pw, ph, look);
        imp.getCalibration().setValueUnit(unit);
        return imp;
    }
}
