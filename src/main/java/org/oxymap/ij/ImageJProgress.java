package org.oxymap.ij;

import ij.IJ;

import org.oxymap.core.progress.ProgressListener;

/**
 * Shows the pipeline's progress in ImageJ's status bar and lets the user stop it with Esc, the way ImageJ's own
 * long operations are stopped. Without an ImageJ window (headless, tests) it only polls Esc, which is never set.
 */
public final class ImageJProgress implements ProgressListener {

    private String lastStage;

    /** Clears an Esc left over from earlier, which would otherwise cancel this run at once. */
    public ImageJProgress() {
        IJ.resetEscape();
    }

    @Override
    public void progress(String stage, long done, long total) {
        if (IJ.getInstance() == null) {
            return;
        }
        if (!stage.equals(lastStage)) {
            IJ.showStatus("OxyMap: " + stage + " (Esc to stop)");
            lastStage = stage;
        }
        IJ.showProgress(total <= 0 ? 1.0 : Math.min(1.0, (double) done / total));
    }

    @Override
    public boolean isCancelled() {
        return IJ.escapePressed();
    }
}
