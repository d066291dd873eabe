package org.oxymap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** core/ holds the science only: no ImageJ, SciJava or AWT, so it runs anywhere. */
class ArchitectureTest {

    private static final Pattern FORBIDDEN = Pattern.compile("^import\\s+(static\\s+)?(ij\\.|org\\.scijava\\.|java\\.awt)",
            Pattern.MULTILINE);

    @Test
    void coreImportsNoImageJSciJavaOrAwt() throws IOException {
        Path core = Path.of("src/main/java/org/oxymap/core");
        assertTrue(Files.isDirectory(core), "core/ sources not found at " + core.toAbsolutePath());
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(core)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return FORBIDDEN.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertTrue(offenders.isEmpty(), "core/ must not import ij.*, org.scijava.* or java.awt: " + offenders);
    }

    @Test
    void everyPackageHasPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(Path.of("src/main/java/org/oxymap"))) {
            List<Path> missing = dirs.filter(Files::isDirectory).filter(d -> {
                try (Stream<Path> s = Files.list(d)) {
                    return s.anyMatch(p -> p.toString().endsWith(".java"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(d -> !Files.exists(d.resolve("package-info.java"))).toList();
            assertTrue(missing.isEmpty(), "packages without package-info.java: " + missing);
        }
    }
}
