package io.mailpipe.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a kustomization and its bases the way kustomize does for the features this project uses (resources,
 * configMapGenerator with create and merge, images) and collects the objects, generated ConfigMaps included under
 * their plain names. Every reference must exist: a resource is a file inside the kustomization's directory or a
 * directory holding a kustomization; generator files must lie inside the kustomization's directory (kustomize's
 * default load restriction). A broken reference fails with the kustomization and entry that name it.
 */
final class KustomizeTree {

    private final List<HasMetadata> objects = new ArrayList<>();
    private final Map<String, Map<String, String>> generated = new LinkedHashMap<>();

    private KustomizeTree() {
    }

    /** The objects a build of {@code directory} yields, generated ConfigMaps last. */
    static List<HasMetadata> build(Path directory) {
        KustomizeTree tree = new KustomizeTree();
        tree.visit(directory.toAbsolutePath().normalize(), 0);
        List<HasMetadata> all = new ArrayList<>(tree.objects);
        tree.generated.forEach((name, data) -> all.add(
                new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().withData(data).build()));
        return all;
    }

    private void visit(Path directory, int depth) {
        Path file = directory.resolve(Kustomization.FILE_NAME);
        if (depth > 16 || !Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + Kustomization.FILE_NAME + " in " + directory);
        }
        Kustomization kustomization = Kustomization.read(file);
        if (!"Kustomization".equals(kustomization.kind())) {
            throw new IllegalStateException(file + ": kind must be Kustomization");
        }
        if (!kustomization.components().isEmpty()) {
            throw new IllegalStateException(file + ": components are not followed by this check");
        }
        for (String resource : kustomization.resources()) {
            Path target = directory.resolve(resource).normalize();
            if (Files.isDirectory(target)) {
                visit(target, depth + 1);
            } else {
                objects.addAll(Manifests.read(inside(directory, resource, file)));
            }
        }
        kustomization.configMapGenerator().forEach(generator -> generate(directory, file, generator));
        kustomization.images().forEach(this::setImage);
    }

    private void generate(Path directory, Path file, Kustomization.Generator generator) {
        Map<String, String> data = new LinkedHashMap<>();
        for (String entry : generator.fileList()) {
            int eq = entry.indexOf('=');
            String path = eq < 0 ? entry : entry.substring(eq + 1);
            Path source = inside(directory, path, file);
            data.put(eq < 0 ? source.getFileName().toString() : entry.substring(0, eq), read(source));
        }
        String behavior = generator.behavior() == null ? "create" : generator.behavior();
        boolean exists = generated.containsKey(generator.name());
        switch (behavior) {
            case "create" -> {
                if (exists) {
                    throw new IllegalStateException(file + ": ConfigMap " + generator.name() + " created twice");
                }
                generated.put(generator.name(), data);
            }
            case "merge" -> {
                if (!exists) {
                    throw new IllegalStateException(file + ": merge into missing ConfigMap " + generator.name());
                }
                generated.get(generator.name()).putAll(data);
            }
            default -> throw new IllegalStateException(file + ": generator behavior " + behavior + " not followed");
        }
    }

    private void setImage(Kustomization.Image image) {
        for (HasMetadata object : objects) {
            PodTemplateSpec template = podTemplate(object);
            if (template == null) {
                continue;
            }
            for (Container container : template.getSpec().getContainers()) {
                if (image.name().equals(container.getImage())) {
                    String name = image.newName() == null ? image.name() : image.newName();
                    container.setImage(image.newTag() == null ? name : name + ":" + image.newTag());
                }
            }
        }
    }

    static PodTemplateSpec podTemplate(HasMetadata object) {
        if (object instanceof Deployment deployment) {
            return deployment.getSpec().getTemplate();
        }
        if (object instanceof StatefulSet statefulSet) {
            return statefulSet.getSpec().getTemplate();
        }
        return null;
    }

    private static Path inside(Path directory, String reference, Path kustomization) {
        Path target = directory.resolve(reference).normalize();
        if (!target.startsWith(directory)) {
            throw new IllegalStateException(kustomization + ": " + reference
                    + " lies outside the kustomization directory, which kustomize refuses by default");
        }
        if (!Files.isRegularFile(target)) {
            throw new IllegalStateException(kustomization + ": " + reference + " does not exist");
        }
        return target;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated ConfigMap named {@code name} among {@code objects} (rendered names carry a hash suffix). */
    static ConfigMap configMap(List<HasMetadata> objects, String name) {
        return objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }
}
