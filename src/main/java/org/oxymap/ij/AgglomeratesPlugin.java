package org.oxymap.ij;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.plugin.filter.ThresholdToSelection;
import ij.plugin.frame.RoiManager;
import ij.process.ByteProcessor;

import org.oxymap.core.agglomerate.AgglomerateClass;
import org.oxymap.core.agglomerate.AgglomerateResult;
import org.oxymap.core.agglomerate.AgglomerateSettings;
import org.oxymap.core.agglomerate.ClassDifference;
import org.oxymap.core.agglomerate.ClassSummary;
import org.oxymap.core.agglomerate.ParticleFraction;
import org.oxymap.io.AgglomerateRunner;
import org.oxymap.io.ParticleFileReader;

/**
 * Plugins › OxyMap › OxyMap Agglomerates: classes the particles of an earlier run's results folder as interior,
 * exterior, small or isolated, from the RoiManager's ROIs ({@code agglomerates=roimanager}), an ROI set or label
 * image ({@code agglomerates=FILE}) or automatic detection ({@code agglomerates=auto}); fills the ResultsTables
 * "OxyMap agglomerate classes", "OxyMap agglomerate particles" and "OxyMap agglomerate comparisons", shows the
 * fraction map with the classes as an Overlay, and with {@code out=DIR} writes {@code agglomerates/} there.
 * Macro keys are the params.json keys of the {@code agglomerates} section.
 */
public class AgglomeratesPlugin implements PlugIn {

    static final String TITLE = "OxyMap Agglomerates";
    static final String CLASSES_TABLE = "OxyMap agglomerate classes";
    static final String PARTICLES_TABLE = "OxyMap agglomerate particles";
    static final String COMPARISONS_TABLE = "OxyMap agglomerate comparisons";

    /** Overlay colours by class code 1..4: interior blue, exterior orange, small green, isolated red. */
    static final Color[] COLOURS = {new Color(31, 119, 180, 110), new Color(255, 127, 14, 110),
        new Color(44, 160, 44, 110), new Color(214, 39, 40, 110)};

    /** The last result (for tests and scripts that run the plugin headless). */
    static volatile AgglomerateResult last;

    @Override
    public void run(String arg) {
        try {
            AgglomerateSettings def = AgglomerateSettings.defaults();
            MacroDialog d = new MacroDialog(TITLE);
            d.addString("results", "");
            d.addString("agglomerates", "auto");
            d.addString("out", "");
            d.addNumber("closing_nm", def.closingNm());
            d.addNumber("large_diameter_um", def.largeDiameterUm());
            d.addNumber("band_nm", def.bandNm());
            d.addNumber("thickness_bins", def.thicknessBins());
            if (!d.show()) {
                return;
            }
            Path results = RunPipelinePlugin.requiredPath(d.nextString(), "results");
            String source = d.nextString().trim();
            String out = d.nextString();
            AgglomerateSettings s = def.withClosingNm(d.nextNumber()).withLargeDiameterUm(d.nextNumber())
                    .withBandNm(d.nextNumber()).withThicknessBins((int) Math.round(d.nextNumber()));
            s.validate();
            AgglomerateRunner.ResultMaps maps = AgglomerateRunner.readResults(results);
            List<String> warnings = new ArrayList<>();
            int[] regions = null;
            Path regionFile = null;
            String label = source.isEmpty() ? "auto" : source;
            if (label.equalsIgnoreCase("roimanager")) {
                RoiManager rm = RoiManager.getInstance();
                Roi[] rois = rm == null ? new Roi[0] : rm.getRoisAsArray();
                if (rois.length == 0) {
                    warnings.add("the RoiManager holds no ROI");
                }
                regions = ParticleFileReader.labelsFromRois(Arrays.asList(rois), "RoiManager", maps.width(),
                        maps.height(), warnings);
                label = "RoiManager";
            } else if (!label.equalsIgnoreCase("auto")) {
                regionFile = Path.of(label);
                regions = ParticleFileReader.readRegions(regionFile, maps.width(), maps.height(), warnings);
            } else {
                label = "auto";
            }
            AgglomerateResult r = AgglomerateRunner.analyse(maps, regions, label, s, warnings, new ImageJProgress());
            last = r;
            if (out != null && !out.isBlank()) {
                AgglomerateRunner.write(r, maps, Path.of(out.trim()), regionFile);
            }
            ResultsTable classes = classTable(r);
            ResultsTable particles = particleTable(r);
            ResultsTable comparisons = comparisonTable(r);
            for (String w : r.warnings()) {
                IJ.log("OxyMap agglomerates: " + w);
            }
            IJ.showStatus(String.format(Locale.ROOT, "OxyMap: %d particles in %d agglomerates",
                    r.particles().size(), r.classification().agglomerates().size()));
            if (!MacroDialog.headless()) {
                classes.show(CLASSES_TABLE);
                particles.show(PARTICLES_TABLE);
                comparisons.show(COMPARISONS_TABLE);
                ImagePlus imp = ImagePlusStacks.toImagePlus("fraction_" + r.component() + " classes", maps.fraction(),
                        maps.width(), maps.height(), maps.pixelNm(), maps.pixelNm(), "Grays");
                imp.setOverlay(overlay(r));
                imp.show();
            }
        } catch (Exception e) {
            Errors.report(TITLE, e);
        }
    }

    /** One filled ROI per class (its particles' pixels), coloured by class and named after it. */
    static Overlay overlay(AgglomerateResult r) {
        Overlay o = new Overlay();
        int w = r.classification().width();
        int h = r.classification().height();
        int[] codes = r.classification().classCodes();
        for (AgglomerateClass c : AgglomerateClass.values()) {
            ByteProcessor bp = new ByteProcessor(w, h);
            boolean any = false;
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] == c.code()) {
                    bp.set(i, 255);
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            bp.setThreshold(255, 255, ByteProcessor.NO_LUT_UPDATE);
            Roi roi = ThresholdToSelection.run(new ImagePlus(c.label(), bp));
            roi.setName(c.label());
            roi.setFillColor(COLOURS[c.code() - 1]);
            o.add(roi);
        }
        return o;
    }

    static ResultsTable classTable(AgglomerateResult r) {
        ResultsTable t = new ResultsTable();
        for (ClassSummary c : r.classes()) {
            t.incrementCounter();
            t.addValue("class", c.agglomerateClass().label());
            t.addValue("mean", c.mean().mean());
            t.addValue("se", c.mean().se());
            t.addValue("n_particles", c.particles());
            t.addValue("n_pixels", c.pixels());
        }
        return t;
    }

    static ResultsTable particleTable(AgglomerateResult r) {
        ResultsTable t = new ResultsTable();
        for (ParticleFraction p : r.particles()) {
            t.incrementCounter();
            t.addValue("particle", p.particle().label());
            t.addValue("class", p.particle().agglomerateClass().label());
            t.addValue("agglomerate", p.particle().agglomerate());
            t.addValue("distance_to_boundary_nm", p.particle().distanceToBoundaryNm());
            t.addValue("mean_fraction", p.meanFraction());
            t.addValue("mean_thickness_nm", p.meanThicknessNm());
        }
        return t;
    }

    static ResultsTable comparisonTable(AgglomerateResult r) {
        ResultsTable t = new ResultsTable();
        for (ClassDifference d : r.comparisons()) {
            t.incrementCounter();
            t.addValue("pair", d.pair());
            t.addValue("difference", d.difference());
            t.addValue("ci_low", d.ciLow());
            t.addValue("ci_high", d.ciHigh());
            t.addValue("mann_whitney_u", d.u());
            t.addValue("p", d.p());
            t.addValue("difference_thickness_controlled", d.controlledDifference());
        }
        return t;
    }
}
