package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Programs outside the JVM that some tests drive (xvfb-run, chromium). Missing locally, such a test is skipped
 * with a visible message; with the environment variable CI set it fails, so CI cannot skip it silently.
 */
public final class ExternalTools {

    private ExternalTools() {
    }

    /** The program's path on PATH, or a skip (fail under CI) naming the Debian package that provides it. */
    public static Path require(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String message = program + " is not installed (apt-get install -y " + debianPackage + ")";
        if (System.getenv("CI") != null) {
            fail(message + ", and CI is set: this test must run in CI");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        return null;
    }

    /** Output and exit code of a finished process. */
    public record Result(int exitCode, String output) {
    }

    /** Runs a command with stdout and stderr merged, killing it after the timeout (which fails the test). */
    public static Result run(List<String> command, Path workDir, long timeoutSeconds) throws IOException,
            InterruptedException {
        Path log = Files.createTempFile(workDir, "process", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("timed out after " + timeoutSeconds + " s: " + command + "\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The jars of this JVM's class path (the test class path Maven built), without the project's own classes. */
    public static List<String> dependencyJars() {
        List<String> jars = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.endsWith(".jar")) {
                jars.add(e);
            }
        }
        return jars;
    }

    /** The java launcher of this JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
