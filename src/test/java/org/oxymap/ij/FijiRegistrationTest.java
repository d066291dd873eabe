package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import org.junit.jupiter.api.Test;

/** Headless, without Fiji: none of the registration plugins is installed, and each says so clearly. */
class FijiRegistrationTest {

    @Test
    void missingPluginsAreReportedByName() {
        ImageStack stack = new ImageStack(8, 8);
        stack.addSlice(new FloatProcessor(8, 8));
        stack.addSlice(new FloatProcessor(8, 8));
        ImagePlus imp = new ImagePlus("stack", stack);
        for (FijiRegistration.Method m : FijiRegistration.Method.values()) {
            assertFalse(FijiRegistration.isInstalled(m), m + " should be absent from the test class path");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> FijiRegistration.register(imp, m, null));
            assertTrue(e.getMessage().startsWith("\"" + m.command() + "\" is not installed"), e.getMessage());
            assertTrue(e.getMessage().contains("OxyMap's own alignment"), e.getMessage());
        }
        assertTrue(FijiRegistration.notInstalledMessage(FijiRegistration.Method.STACKREG).contains("BIG-EPFL"));
        assertEquals(FijiRegistration.Method.SIFT, FijiRegistration.Method.fromKey("SIFT"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FijiRegistration.Method.fromKey("turboreg"));
        assertTrue(e.getMessage().contains("stackreg, sift or drift"), e.getMessage());
    }
}
