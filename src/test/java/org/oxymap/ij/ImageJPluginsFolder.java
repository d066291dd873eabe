package org.oxymap.ij;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * An ImageJ 1.x installation for a test: plugins/OxyMap_-test.jar built from target/classes (with plugins.config
 * at its root, as the packaged jar has it), so it works inside {@code mvn test}, before the package phase.
 */
final class ImageJPluginsFolder {

    private ImageJPluginsFolder() {
    }

    /** Creates {@code root}/plugins with the plugin jar; returns root (for -Dplugins.dir). */
    static Path create(Path root) throws IOException {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        if (!Files.isRegularFile(classes.resolve("plugins.config"))) {
            throw new IllegalStateException(classes + " has no plugins.config: compile first");
        }
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        Path jar = plugins.resolve("OxyMap_-test.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return root;
    }

    /** The class path for {@code java -cp ... ij.ImageJ}: ImageJ and OxyMap's dependencies (not OxyMap itself). */
    static String classPath(List<String> extra) {
        List<String> entries = new java.util.ArrayList<>(ExternalTools.dependencyJars());
        entries.addAll(extra);
        return String.join(java.io.File.pathSeparator, entries);
    }
}
