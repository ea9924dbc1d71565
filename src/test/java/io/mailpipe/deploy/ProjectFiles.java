package io.mailpipe.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's own directories the deployment tests read: {@code k8s/} and {@code routes/} of the Maven base
 * directory (the {@code basedir} property surefire and failsafe set, else the working directory).
 */
final class ProjectFiles {

    private ProjectFiles() {
    }

    static Path baseDirectory() {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        if (!Files.isRegularFile(base.resolve("pom.xml"))) {
            throw new IllegalStateException("not the project directory: " + base);
        }
        return base;
    }

    static Path k8s() {
        return baseDirectory().resolve("k8s");
    }

    static Path routes() {
        return baseDirectory().resolve("routes");
    }

    static List<Path> overlays() {
        return list(k8s().resolve("overlays"), 1, Files::isDirectory);
    }

    /** Every regular file below {@code root} whose name ends with {@code suffix}, in a stable order. */
    static List<Path> filesEndingWith(Path root, String suffix) {
        return list(root, Integer.MAX_VALUE, p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix));
    }

    private static List<Path> list(Path root, int depth, java.util.function.Predicate<Path> filter) {
        try (Stream<Path> paths = Files.walk(root, depth)) {
            return paths.filter(p -> !p.equals(root)).filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
