package org.oxymap.ij;

import ij.IJ;
import ij.plugin.PlugIn;

/**
 * ImageJ 1.x entries "OxyMap Register with StackReg / SIFT / Correct 3D Drift": run the named Fiji registration
 * plugin on the current stack (translation only), or say clearly that it is not installed. The argument from
 * plugins.config is the method key (stackreg, sift, drift).
 */
public final class FijiRegistrationPlugin implements PlugIn {

    @Override
    public void run(String arg) {
        try {
            FijiRegistration.Method m = FijiRegistration.Method.fromKey(arg);
            FijiRegistration.register(IJ.getImage(), m, null);
        } catch (RuntimeException e) {
            Errors.report("OxyMap registration", e);
        }
    }
}
