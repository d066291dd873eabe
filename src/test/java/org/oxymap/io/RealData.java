package org.oxymap.io;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** The shared real files (system property oxymap.realdata), skipping visibly when they are absent. */
final class RealData {

    private RealData() {
    }

    static Path niL(String file) {
        String root = System.getProperty("oxymap.realdata", "../shared/realdata");
        Path p = Path.of(root, "ni_L_stxm_ptycho_xanespy", file);
        Assumptions.assumeTrue(Files.isRegularFile(p), "real data " + p + " not found: test skipped");
        return p;
    }

    /** A file of one of the shared real-data folders, e.g. {@code file("mn_K_refs_xaslib", "MnO_rt_01.xdi")}. */
    static Path file(String folder, String file) {
        String root = System.getProperty("oxymap.realdata", "../shared/realdata");
        Path p = Path.of(root, folder, file);
        Assumptions.assumeTrue(Files.isRegularFile(p), "real data " + p + " not found: test skipped");
        return p;
    }
}
