package org.oxymap.command;

import java.util.Map;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.oxymap.ij.StepParticles;
import org.oxymap.ij.StepResult;

/** Checks and output plumbing shared by the per-step commands. */
final class Steps {

    private Steps() {
    }

    static void require(Object value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("parameter " + key + " is not set");
        }
    }

    /**
     * The particles of a profile step: the label image, or else {@code particlesFrom} (ROI Manager or a particle
     * file) as a label image of {@code like}'s size and pixel size.
     */
    static ImagePlus particles(ImagePlus labels, String particlesFrom, ImagePlus like) {
        boolean from = particlesFrom != null && !particlesFrom.isBlank();
        if (labels != null && from) {
            throw new IllegalArgumentException("parameters labels and particles_from are both set: give one");
        }
        if (labels == null && !from) {
            throw new IllegalArgumentException("parameter labels is not set: give a label image, or particles_from ("
                    + StepParticles.ROI_MANAGER + " or a particle file)");
        }
        return labels != null ? labels : StepParticles.particles(particlesFrom, "particles_from", like);
    }

    static ResultsTable table(StepResult r, String title) {
        Map<String, ResultsTable> t = r.tables();
        if (!t.containsKey(title)) {
            throw new IllegalStateException("the step made no table '" + title + "'");
        }
        return t.get(title);
    }

}
