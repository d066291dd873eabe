package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;
import org.oxymap.core.stack.SpectralStack;

class ImagePlusStacksTest {

    private static ImagePlus labelledStack() {
        ImageStack is = new ImageStack(4, 3);
        String[] labels = {"640.25 eV", "641 eV", "E = 642.5eV"};
        for (String l : labels) {
            is.addSlice(l, new FloatProcessor(4, 3));
        }
        return new ImagePlus("test", is);
    }

    @Test
    void wrappingSharesMemoryBothWays() {
        ImagePlus imp = labelledStack();
        SpectralStack s = ImagePlusStacks.wrap(imp, null);
        assertArrayEquals(new double[] {640.25, 641, 642.5}, s.energiesEv(), 1e-12);

        imp.getStack().getProcessor(2).setf(1, 2, 42f);
        assertEquals(42f, s.plane(1)[2 * 4 + 1]);
        RandomAccess<FloatType> ra = s.img().randomAccess();
        ra.setPosition(new long[] {1, 2, 1});
        assertEquals(42f, ra.get().get());

        s.plane(0)[0] = 7f;
        assertEquals(7f, imp.getStack().getProcessor(1).getf(0, 0));
        ra.setPosition(new long[] {3, 1, 2});
        ra.get().set(-3f);
        assertEquals(-3f, imp.getStack().getProcessor(3).getf(3, 1));
    }

    @Test
    void nonFloatSlicesAreConverted() {
        ImageStack is = new ImageStack(2, 2);
        ByteProcessor bp = new ByteProcessor(2, 2);
        bp.set(1, 1, 200);
        is.addSlice("700 eV", bp);
        SpectralStack s = ImagePlusStacks.wrap(new ImagePlus("b", is), null);
        assertEquals(200f, s.plane(0)[3]);
    }

    @Test
    void energyCountMismatchNamesBothNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImagePlusStacks.wrap(labelledStack(), new double[] {1, 2, 3, 4, 5}));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("5"), e.getMessage());
    }

    @Test
    void missingLabelNamesTheSlice() {
        ImagePlus imp = labelledStack();
        imp.getStack().setSliceLabel("no energy", 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImagePlusStacks.wrap(imp, null));
        assertTrue(e.getMessage().contains("slice 2"), e.getMessage());
    }

    @Test
    void micronCalibrationGivesNanometres() {
        ImagePlus imp = labelledStack();
        imp.getCalibration().setUnit("um");
        imp.getCalibration().pixelWidth = 0.01;
        imp.getCalibration().pixelHeight = 0.01;
        SpectralStack s = ImagePlusStacks.wrap(imp, null);
        assertEquals(10.0, s.pixelWidthNm(), 1e-9);
        assertEquals(10.0, s.pixelHeightNm(), 1e-9);

        imp.getCalibration().setUnit("pixel");
        assertEquals(1.0, ImagePlusStacks.wrap(imp, null).pixelWidthNm());
    }

    @Test
    void mapBecomesCalibratedImageOverItsRange() {
        float[] map = {0.1f, 0.5f, Float.NaN, 0.9f};
        ImagePlus imp = ImagePlusStacks.toImagePlus("fraction", map, 2, 2, 10, 12, "Fire");
        assertEquals(32, imp.getBitDepth());
        assertEquals("nm", imp.getCalibration().getUnit());
        assertEquals(12.0, imp.getCalibration().pixelHeight);
        assertEquals(0.1, imp.getDisplayRangeMin(), 1e-6);
        assertEquals(0.9, imp.getDisplayRangeMax(), 1e-6);
        ImagePlusStacks.toImagePlus("t", map, 2, 2, 10, 10, "NoSuchLut");
    }
}
