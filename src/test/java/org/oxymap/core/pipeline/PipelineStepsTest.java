package org.oxymap.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.fit.BackgroundModel;
import org.oxymap.core.fit.FitMaps;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

/** The step cut of the pipeline on a stack whose answer is known analytically. */
public class PipelineStepsTest {

    private static final double[] E = {640, 641, 642, 643, 644, 645};
    private static final double[] MU = {0.2, 0.5, 1.0, 0.8, 0.6, 0.55};
    private static final double I0 = 1000;

    /** 4 x 4 px; pixel i has thickness t_i = i/10 of the reference: counts = I0 exp(-t mu). */
    private static SpectralStack stack(boolean deadPixel) {
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < E.length; k++) {
            float[] p = new float[16];
            for (int i = 0; i < 16; i++) {
                p[i] = (float) (I0 * Math.exp(-(i / 10.0) * MU[k]));
            }
            if (deadPixel && k == 2) {
                p[5] = 0;
            }
            planes.add(p);
        }
        return SpectralStack.wrap(planes, 4, 4, E, 10);
    }

    @Test
    void opticalDensityFromARectangleAndAFitThatSkipsDeadPixels() {
        // pixel 0 (thickness 0) is the "empty" rectangle: I0 = 1000 exactly
        PipelineSteps.OpticalDensity od = PipelineSteps.opticalDensity(stack(true), new PixelRectangle(0, 0, 1, 1));
        for (double v : od.i0()) {
            assertEquals(I0, v, 1e-3);
        }
        assertEquals(1, od.invalidCount());
        for (float[] plane : od.od().planes()) {
            assertTrue(Float.isNaN(plane[5]), "the dead pixel is NaN at every energy");
        }
        assertEquals(0.7 * MU[3], od.od().plane(3)[7], 1e-5);

        ReferenceSpectrum ref = new ReferenceSpectrum("R", 3, E, MU);
        FitMaps m = PipelineSteps.fitReferences(od.od(), List.of(ref), BackgroundModel.NONE, ProgressListener.NONE);
        assertFalse(m.fitted()[5]);
        for (int i = 0; i < 16; i++) {
            if (i != 5) {
                assertTrue(m.fitted()[i]);
                assertEquals(i / 10.0, m.coefficients().get(0)[i], 1e-4, "pixel " + i);
            }
        }
    }

    @Test
    void aStackWithoutAnyCountsIsRefused() {
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < E.length; k++) {
            planes.add(new float[16]);
        }
        SpectralStack dark = SpectralStack.wrap(planes, 4, 4, E, 10).withI0(new double[] {1, 1, 1, 1, 1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PipelineSteps.opticalDensity(dark, null));
        assertTrue(e.getMessage().contains("no pixel has positive counts"), e.getMessage());
    }

    @Test
    void aGivenI0NeedsNoEmptyRegion() {
        // every pixel covered (thickness 0.5 everywhere): no empty region, I0 given as with an I0 file
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < E.length; k++) {
            float[] p = new float[16];
            java.util.Arrays.fill(p, (float) (I0 * Math.exp(-0.5 * MU[k])));
            planes.add(p);
        }
        double[] i0 = new double[E.length];
        java.util.Arrays.fill(i0, I0);
        PipelineSteps.OpticalDensity od = PipelineSteps.opticalDensity(SpectralStack.wrap(planes, 4, 4, E, 10)
                .withI0(i0), null);
        assertEquals(0.5 * MU[0], od.od().plane(0)[3], 1e-5);
        assertTrue(od.i0Source().startsWith("given"), od.i0Source());
    }
}
