package org.oxymap.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.oxymap.core.agglomerate.AgglomerateClass;
import org.oxymap.core.agglomerate.AgglomerateResult;
import org.oxymap.core.agglomerate.AgglomerateSettings;
import org.oxymap.ij.ImageJProgress;
import org.oxymap.ij.MacroKeys;
import org.oxymap.io.AgglomerateRunner;
import org.oxymap.io.ParticleFileReader;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Classes the particles of an earlier run's results folder by agglomerate and writes {@code agglomerates/} into a
 * new folder, like {@code oxymap run --agglomerates}. Agglomerates are detected ({@code auto}) or read from an ROI
 * set or label image; the RoiManager is the ImageJ 1.x entry's business. Field names are the params.json keys.
 */
@Plugin(type = Command.class, menuPath = "Plugins>OxyMap>Agglomerates", headless = true)
public class AgglomeratesCommand implements Command {

    @Parameter(label = "Results folder of a run", style = "directory")
    private File results;

    @Parameter(label = "Agglomerates", description = "auto, or a .roi/.zip ROI set or label image")
    private String agglomerates = "auto";

    @Parameter(label = "Output folder", style = "directory")
    private File out;

    @Parameter(label = "Closing radius (nm)", persist = false)
    private double closing_nm = AgglomerateSettings.defaults().closingNm();

    @Parameter(label = "Large from diameter (µm)", persist = false)
    private double large_diameter_um = AgglomerateSettings.defaults().largeDiameterUm();

    @Parameter(label = "Exterior band (nm)", persist = false)
    private double band_nm = AgglomerateSettings.defaults().bandNm();

    @Parameter(label = "Thickness bins", persist = false)
    private int thickness_bins = AgglomerateSettings.defaults().thicknessBins();

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    /** Runs the step; an error names a parameter by its key ({@link MacroKeys}). */
    @Override
    public void run() {
        try {
            runStep();
        } catch (RuntimeException e) {
            throw MacroKeys.inMacroTerms(e);
        }
    }

    private void runStep() {
        if (results == null || out == null) {
            throw new IllegalArgumentException("parameters results and out must be set");
        }
        AgglomerateSettings s = AgglomerateSettings.defaults().withClosingNm(closing_nm)
                .withLargeDiameterUm(large_diameter_um).withBandNm(band_nm).withThicknessBins(thickness_bins);
        s.validate();
        try {
            AgglomerateRunner.ResultMaps maps = AgglomerateRunner.readResults(results.toPath());
            List<String> warnings = new ArrayList<>();
            String source = agglomerates == null || agglomerates.isBlank() ? "auto" : agglomerates.trim();
            int[] regions = null;
            Path file = null;
            if (!source.equalsIgnoreCase("auto")) {
                file = Path.of(source);
                regions = ParticleFileReader.readRegions(file, maps.width(), maps.height(), warnings);
            }
            AgglomerateResult r = AgglomerateRunner.analyse(maps, regions, source, s, warnings, new ImageJProgress());
            AgglomerateRunner.write(r, maps, out.toPath(), file);
            StringBuilder b = new StringBuilder();
            for (AgglomerateClass c : AgglomerateClass.values()) {
                b.append(b.length() == 0 ? "" : ", ").append(r.classification().count(c)).append(' ').append(c.label());
            }
            summary = String.format(Locale.ROOT, "%d agglomerates; %s; results in %s",
                    r.classification().agglomerates().size(), b, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
