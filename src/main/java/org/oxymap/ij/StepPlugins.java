package org.oxymap.ij;

import ij.ImagePlus;
import ij.WindowManager;

/** Small helpers shared by the per-step plugins' dialogs. */
final class StepPlugins {

    private StepPlugins() {
    }

    /** The current image's title as a dialog default ("" when none is open, meaning: the current image). */
    static String currentTitle() {
        ImagePlus imp = WindowManager.getCurrentImage();
        return imp == null ? "" : imp.getTitle();
    }

    /** The title of an open image if there is one with that title, else "". */
    static String openTitle(String title) {
        return WindowManager.getImage(title) != null ? title : "";
    }
}
