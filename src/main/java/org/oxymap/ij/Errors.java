package org.oxymap.ij;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

import ij.IJ;

import org.oxymap.core.progress.OperationCancelledException;

/**
 * How the 1.x plugins report a failure: a dialog for a person, an exception for a headless caller or a test. Either
 * way a parameter is named by its macro key ({@link MacroKeys}).
 */
final class Errors {

    private Errors() {
    }

    static void report(String title, Exception e) {
        if (e instanceof RuntimeException re) {
            e = MacroKeys.inMacroTerms(re);
        }
        if (GraphicsEnvironment.isHeadless()) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(message(e), io);
            }
            throw new IllegalStateException(message(e), e);
        }
        if (IJ.getInstance() == null && ij.macro.Interpreter.isBatchMode()) {
            // ImageJ -batch: no one could close a dialog; log the error and stop the macro
            IJ.log("ERROR " + title + ": " + message(e));
            ij.Macro.abort();
            return;
        }
        if (e instanceof OperationCancelledException) {
            IJ.showStatus(title + ": stopped");
            return;
        }
        IJ.error(title, message(e));
    }

    /**
     * The message alone, in macro terms, with missing files named (NoSuchFileException's own message is only the
     * path).
     */
    static String message(Throwable e) {
        if (e instanceof NoSuchFileException nf) {
            return (nf.getReason() == null ? "file not found" : nf.getReason()) + ": " + nf.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : MacroKeys.inMacroTerms(e.getMessage());
    }
}
