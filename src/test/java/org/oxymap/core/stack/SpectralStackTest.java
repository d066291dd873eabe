package org.oxymap.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;

class SpectralStackTest {

    @Test
    void wrapsPlanesWithoutCopying() {
        float[] a = new float[6];
        float[] b = new float[6];
        SpectralStack s = SpectralStack.wrap(List.of(a, b), 3, 2, new double[] {640.0, 641.0}, 10.0);
        b[1 * 3 + 2] = 7f;
        RandomAccess<FloatType> ra = s.img().randomAccess();
        ra.setPosition(new long[] {2, 1, 1});
        assertEquals(7f, ra.get().get());
        ra.get().set(3f);
        assertEquals(3f, b[5]);
        assertEquals(3, s.img().numDimensions());
        assertEquals(2, s.img().dimension(2));
    }

    @Test
    void rejectsNonIncreasingEnergies() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpectralStack
                .wrap(List.of(new float[1], new float[1], new float[1]), 1, 1, new double[] {640, 641, 641}, 1.0));
        assertTrue(e.getMessage().contains("strictly increasing") && e.getMessage().contains("641.0"), e.getMessage());
    }

    @Test
    void energyCountMustMatchSliceCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpectralStack.wrap(List.of(new float[1], new float[1]), 1, 1, new double[] {640, 641, 642}, 1.0));
        assertTrue(e.getMessage().contains("2 planes") && e.getMessage().contains("3 energies"), e.getMessage());
    }
}
