package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.oxymap.core.stack.SpectralStack;

/**
 * An I0 spectrum that came with the stack file (e.g. NXstxm) survives the trip through an ImagePlus exactly, so the
 * Optical Density step uses the same I0 as the pipeline does.
 */
public class StackI0RoundTripTest {

    @Test
    void i0InTheInfoComesBackBitForBit() {
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            planes.add(new float[] {1, 2, 3, 4});
        }
        double[] i0 = {12345.678901234567, 1.0 / 3.0, 2e-7};
        SpectralStack s = SpectralStack.wrap(planes, 2, 2, new double[] {640.1, 641.25, 650}, 10, 10, i0,
                Double.NaN);
        ImagePlus imp = ImportStackPlugin.toImagePlus(s, "with i0");
        assertArrayEquals(i0, ImagePlusStacks.wrap(imp, null).i0OrNull());
        SpectralStack none = SpectralStack.wrap(planes, 2, 2, new double[] {640.1, 641.25, 650}, 10, 10, null,
                Double.NaN);
        assertNull(ImagePlusStacks.wrap(ImportStackPlugin.toImagePlus(none, "no i0"), null).i0OrNull());
    }
}
