package io.mailpipe.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import org.apache.camel.util.AntPathMatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The routes a pod loads are the repository's routes for its queue mode, unchanged: the files the route include
 * pattern ({@code mailpipe.routes}, set by {@code MAILPIPE_ROUTES}) matches among the files mounted from ConfigMaps
 * must be exactly {@code routes/*.camel.yaml} plus {@code routes/<mailpipe.queue>/*.camel.yaml}, each with the
 * content of the repository file.
 */
final class RouteMountChecks {

    private RouteMountChecks() {
    }

    static List<String> check(Workload workload) {
        List<String> problems = new ArrayList<>();
        String mode = workload.settings().require("mailpipe.queue");
        List<String> patterns = new ArrayList<>();
        for (String pattern : workload.settings().require("mailpipe.routes").split(",")) {
            String resolved = pattern.strip().replace("{{mailpipe.queue}}", mode);
            if (!resolved.startsWith("file:/")) {
                problems.add("route pattern " + resolved + " is not an absolute file: pattern");
            }
            patterns.add(resolved.substring(resolved.indexOf(':') + 1));
        }
        Map<String, String> loaded = new TreeMap<>();
        mountedFiles(workload).forEach((file, mounted) -> {
            if (patterns.stream().anyMatch(p -> AntPathMatcher.INSTANCE.match(p, file.path()))) {
                loaded.put(file.relative(), mounted);
            }
        });
        Map<String, String> expected = repositoryRoutes(mode);
        if (!loaded.keySet().equals(expected.keySet())) {
            problems.add("mode " + mode + " loads " + loaded.keySet() + ", the repository has " + expected.keySet());
        }
        expected.forEach((file, text) -> {
            if (loaded.containsKey(file) && !loaded.get(file).equals(text)) {
                problems.add(file + ": mounted content differs from routes/" + file);
            }
        });
        return problems;
    }

    /** A file in a ConfigMap volume: its absolute path and its path below the mount. */
    record MountedFile(String path, String relative) implements Comparable<MountedFile> {
        @Override
        public int compareTo(MountedFile other) {
            return path.compareTo(other.path);
        }
    }

    private static Map<MountedFile, String> mountedFiles(Workload workload) {
        Map<MountedFile, String> files = new TreeMap<>();
        for (VolumeMount mount : workload.container().getVolumeMounts()) {
            Volume volume = MailpipeSettings.volume(workload.pod(), mount.getName());
            if (volume == null || volume.getConfigMap() == null) {
                continue;
            }
            ConfigMap configMap = KustomizeTree.configMap(workload.objects(), volume.getConfigMap().getName());
            List<KeyToPath> items = volume.getConfigMap().getItems();
            Map<String, String> keyToPath = new TreeMap<>();
            if (items == null || items.isEmpty()) {
                configMap.getData().keySet().forEach(k -> keyToPath.put(k, k));
            } else {
                items.forEach(item -> keyToPath.put(item.getKey(), item.getPath()));
            }
            keyToPath.forEach((key, path) -> files.put(
                    new MountedFile(mount.getMountPath() + "/" + path, path), configMap.getData().get(key)));
        }
        return files;
    }

    /** routes/*.camel.yaml and routes/MODE/*.camel.yaml by path below routes/, with their text. */
    static Map<String, String> repositoryRoutes(String mode) {
        Map<String, String> routes = new TreeMap<>();
        Path root = ProjectFiles.routes();
        for (Path file : ProjectFiles.filesEndingWith(root, ".camel.yaml")) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            boolean top = !relative.contains("/");
            boolean ofMode = relative.startsWith(mode + "/") && !relative.substring(mode.length() + 1).contains("/");
            if (top || ofMode) {
                routes.put(relative, read(file));
            }
        }
        return routes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
