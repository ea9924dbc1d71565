package io.mailpipe.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Kubernetes YAML (one or several documents) as typed fabric8 objects: kinds fabric8 models come back as their
 * classes (Deployment, Service, ...), others (Strimzi's KafkaTopic) as {@link GenericKubernetesResource}.
 */
final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    static List<HasMetadata> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<HasMetadata> parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        if (parsed instanceof KubernetesList list) {
            return List.copyOf(list.getItems());
        }
        if (parsed instanceof List<?> list) {
            return list.stream().map(HasMetadata.class::cast).toList();
        }
        return List.of((HasMetadata) parsed);
    }

    /**
     * The Kubernetes manifests under {@code k8s/}: every YAML file except the kustomization files and the files a
     * kustomization turns into ConfigMap data (such as the traffic shaping limits).
     */
    static List<Path> files() {
        return ProjectFiles.filesEndingWith(ProjectFiles.k8s(), ".yaml").stream()
                .filter(p -> !p.getFileName().toString().equals(Kustomization.FILE_NAME))
                .filter(p -> !isGeneratorInput(p))
                .toList();
    }

    /** Whether the kustomization of the file's directory lists it in a configMapGenerator. */
    static boolean isGeneratorInput(Path file) {
        Path kustomization = file.resolveSibling(Kustomization.FILE_NAME);
        if (!Files.isRegularFile(kustomization)) {
            return false;
        }
        return Kustomization.read(kustomization).configMapGenerator().stream()
                .flatMap(generator -> generator.fileList().stream())
                .map(entry -> file.getParent().resolve(entry.substring(entry.indexOf('=') + 1)).normalize())
                .anyMatch(file.normalize()::equals);
    }
}
