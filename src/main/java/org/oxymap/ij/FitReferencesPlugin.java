package org.oxymap.ij;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.oxymap.core.fit.BackgroundModel;
import org.oxymap.core.fit.FitMaps;
import org.oxymap.core.fit.FitOptions;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.pipeline.PipelineSteps;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.PipelineRunner;
import org.oxymap.io.ReferenceReader;

/**
 * Plugins › OxyMap › OxyMap Fit References: the per-pixel linear-combination fit of reference spectra to an OD
 * stack. Macro keys: {@code stack} (the OD stack), {@code references} (comma-separated CSV, XDI or Athena
 * {@code .prj#group} files),
 * {@code background} (none, constant, linear), {@code sum_to_one} (a checkbox: the fractions of the references add
 * up to exactly one at every pixel, as {@code oxymap run --sum-to-one}). Makes one "fraction_NAME" per reference (viridis, 0–1), "thickness"
 * (nm), "valence", "residual" (reduced χ²), "mask" (1 = fitted) — the files of a results folder's maps/ — and the
 * table "OxyMap Fit".
 */
public class FitReferencesPlugin implements PlugIn {

    public static final String TITLE = "OxyMap Fit References";

    @Override
    public void run(String arg) {
        try {
            MacroDialog d = new MacroDialog(TITLE);
            d.addString("stack", StepPlugins.currentTitle());
            d.addString("references", "");
            d.addChoice("background", new String[] {"none", "constant", "linear"},
                    PipelineSettings.defaults().background().label());
            d.addCheckbox("sum_to_one", false);
            if (!d.show()) {
                return;
            }
            ImagePlus stack = StepImages.resolve(d.nextString(), "stack", true);
            String references = d.nextString();
            String background = d.nextString();
            boolean sumToOne = d.nextBoolean();
            StepImages.present(fit(stack, PipelineRunner.splitPaths(references), background, sumToOne,
                    new ImageJProgress()), null);
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }

    public static StepResult fit(ImagePlus odStack, List<Path> referenceFiles, String background,
            ProgressListener listener) throws IOException {
        return fit(odStack, referenceFiles, background, false, listener);
    }

    public static StepResult fit(ImagePlus odStack, List<Path> referenceFiles, String background, boolean sumToOne,
            ProgressListener listener) throws IOException {
        if (referenceFiles.isEmpty()) {
            throw new IllegalArgumentException("parameter references is empty: give at least one reference CSV");
        }
        List<ReferenceSpectrum> refs = new ArrayList<>();
        for (Path f : referenceFiles) {
            refs.add(ReferenceReader.read(f));
        }
        SpectralStack od = ImagePlusStacks.wrap(odStack, null);
        FitMaps m = PipelineSteps.fitReferences(od, refs,
                FitOptions.of(BackgroundModel.fromLabel(background)).withSumToOne(sumToOne), listener);
        int w = od.width();
        int h = od.height();
        double pw = od.pixelWidthNm();
        double ph = od.pixelHeightNm();
        StepResult r = new StepResult();
        ResultsTable t = new ResultsTable();
        t.setPrecision(6);
        int fitted = 0;
        for (boolean b : m.fitted()) {
            fitted += b ? 1 : 0;
        }
        for (int k = 0; k < m.names().size(); k++) {
            float[] fraction = m.fractions().get(k);
            r.image(StepImages.map("fraction_" + m.names().get(k), fraction, w, h, pw, ph, StepImages.Look.FRACTION));
            double sum = 0;
            for (int i = 0; i < fraction.length; i++) {
                sum += m.fitted()[i] ? fraction[i] : 0;
            }
            t.addRow();
            t.addValue("reference", m.names().get(k));
            t.addValue("mean_fraction", fitted == 0 ? 0 : sum / fitted);
        }
        r.image(StepImages.map("thickness", m.thickness(), w, h, pw, ph, StepImages.Look.GREY));
        r.image(StepImages.map("valence", m.valence(), w, h, pw, ph, StepImages.Look.HEAT));
        r.image(StepImages.map("residual", m.reducedChi2(), w, h, pw, ph, StepImages.Look.GREY));
        float[] mask = new float[w * h];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = m.fitted()[i] ? 1f : 0f;
        }
        r.image(StepImages.map("mask", mask, w, h, pw, ph, StepImages.Look.MASK));
        return r.table("OxyMap Fit", t).summary(String.format(Locale.ROOT, "fitted %d references to %d pixels",
                refs.size(), fitted));
    }
}
