package org.oxymap.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A results folder that appears whole or not at all: everything is written into a hidden sibling folder, which
 * is renamed onto the target only when the run succeeded. An existing target is replaced only when it is an
 * earlier OxyMap results folder (it holds a {@code params.json} that OxyMap wrote) and holds none of the inputs;
 * any other non-empty folder is refused, so that no one's data is overwritten.
 */
public final class ResultsFolder implements AutoCloseable {

    /** Marker that OxyMap writes into every params.json. */
    public static final String MARKER = "\"oxymap_version\"";

    private final Path target;
    private final Path staging;
    private boolean committed;

    private ResultsFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Checks that {@code target} may be written and opens a staging folder next to it.
     *
     * @param inputs files the run reads; the target may not contain any of them
     */
    public static ResultsFolder open(Path target, Path... inputs) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (in != null && in.toAbsolutePath().normalize().startsWith(abs)) {
                throw new IOException("output folder " + target + " contains the input " + in
                        + ": choose another --out so that no input is overwritten");
            }
        }
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new IOException("output " + target + " exists and is not a folder");
            }
            boolean empty;
            try (Stream<Path> s = Files.list(abs)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !isOxyMapResults(abs)) {
                throw new IOException("output folder " + target + " exists and is not an OxyMap results folder "
                        + "(no params.json written by OxyMap): choose an empty or new folder");
            }
        }
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
        return new ResultsFolder(abs, staging);
    }

    static boolean isOxyMapResults(Path dir) throws IOException {
        Path params = dir.resolve("params.json");
        return Files.isRegularFile(params) && Files.readString(params).contains(MARKER);
    }

    /** Where to write: the staging folder. */
    public Path dir() {
        return staging;
    }

    /** Creates a sub-folder of the staging folder. */
    public Path subdir(String name) throws IOException {
        return Files.createDirectories(staging.resolve(name));
    }

    /** Moves the finished results onto the target, replacing an earlier OxyMap results folder. */
    public void commit() throws IOException {
        if (Files.exists(target)) {
            Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old);
            move(staging, target);
            deleteTree(old);
        } else {
            move(staging, target);
        }
        committed = true;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Removes the staging folder unless the results were committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(staging);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
