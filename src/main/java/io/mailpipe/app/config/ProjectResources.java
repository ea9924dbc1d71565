package io.mailpipe.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the resources packed with mailpipe's own classes (the jar, or the classes directory of a build) under a
 * folder, so the shipped profiles and the component descriptors are discovered rather than listed in code.
 */
final class ProjectResources {

    private ProjectResources() {
    }

    /** Resource names (with '/' separators, relative to the root) that start with {@code folder}, sorted. */
    static List<String> under(String folder) {
        Path root = codeSource();
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile)
                            .map(file -> root.relativize(file).toString().replace('\\', '/'))
                            .filter(name -> name.startsWith(folder)).forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    jar.stream().map(JarEntry::getName).filter(name -> name.startsWith(folder))
                            .filter(name -> !name.endsWith("/")).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        Collections.sort(names);
        return names;
    }

    private static Path codeSource() {
        try {
            return Path.of(ProjectResources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
