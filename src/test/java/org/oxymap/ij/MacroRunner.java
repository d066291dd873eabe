package org.oxymap.ij;

import java.util.concurrent.atomic.AtomicReference;

import ij.Macro;
import ij.plugin.PlugIn;

/** Runs an ImageJ 1.x plugin with macro options, as a recorded macro line would, headless. */
final class MacroRunner {

    private MacroRunner() {
    }

    /** ImageJ hands macro options only to threads named like its macro threads ("Run$_..."). */
    static Throwable runWithOptions(PlugIn plugin, String options) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Macro.setOptions(Thread.currentThread(), options);
            try {
                plugin.run("");
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                Macro.setOptions(Thread.currentThread(), null);
            }
        }, "Run$_oxymap-test");
        t.start();
        t.join();
        return failure.get();
    }
}
