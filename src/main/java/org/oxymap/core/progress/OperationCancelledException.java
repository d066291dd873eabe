package org.oxymap.core.progress;

/** Thrown by an algorithm that stopped because its {@link ProgressListener} was cancelled. */
public class OperationCancelledException extends RuntimeException {

    public OperationCancelledException(String stage) {
        super("cancelled during " + stage);
    }
}
