package org.oxymap.core.progress;

/**
 * Receives progress from a long-running algorithm and tells it whether to stop.
 * Front ends adapt this to ImageJ's progress bar or to a console line.
 */
public interface ProgressListener {

    /** A listener that reports nowhere and never cancels. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void progress(String stage, long done, long total) {
        }
    };

    /** {@code done} of {@code total} units of {@code stage} are finished. */
    void progress(String stage, long done, long total);

    /** True once the user asked to stop; algorithms poll it between units of work. */
    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link OperationCancelledException} if the user asked to stop. */
    default void checkCancelled(String stage) {
        if (isCancelled()) {
            throw new OperationCancelledException(stage);
        }
    }
}
