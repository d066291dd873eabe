package org.oxymap.ij;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

/**
 * What one OxyMap step makes, before it is shown: images (calibrated maps or stacks), tables by window title (in order), plots
 * and a one-line summary. The 1.x plugins show it ({@link StepImages#present}); the SciJava commands hand the
 * pieces out as outputs.
 */
public final class StepResult {

    private final List<ImagePlus> images = new ArrayList<>();
    private final Map<String, ResultsTable> tables = new LinkedHashMap<>();
    private final List<Plot> plots = new ArrayList<>();
    private String summary = "";

    StepResult image(ImagePlus imp) {
        images.add(imp);
        return this;
    }

    StepResult table(String title, ResultsTable table) {
        tables.put(title, table);
        return this;
    }

    StepResult plot(Plot plot) {
        plots.add(plot);
        return this;
    }

    StepResult summary(String text) {
        summary = text;
        return this;
    }

    public List<ImagePlus> images() {
        return List.copyOf(images);
    }

    /** The image with this title; IllegalStateException naming the titles there are otherwise. */
    public ImagePlus image(String title) {
        return images.stream().filter(i -> i.getTitle().equals(title)).findFirst().orElseThrow(
                () -> new IllegalStateException("no image '" + title + "'; the step made "
                        + images.stream().map(ImagePlus::getTitle).toList()));
    }

    public Map<String, ResultsTable> tables() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    public List<Plot> plots() {
        return List.copyOf(plots);
    }

    public String summary() {
        return summary;
    }
}
