package io.mailpipe.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every manifest under k8s/ parses into typed Kubernetes objects with no field the API does not know (files that
 * kustomize turns into ConfigMap data are no manifests), and the traffic shaping topic is declared as planned.
 */
class ManifestModelTest {

    @Test
    void everyManifestIsTypedWithoutUnknownFields() {
        List<Path> files = Manifests.files();
        assertTrue(files.size() >= 10, "manifests found: " + files);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            List<HasMetadata> objects = Manifests.read(file);
            if (objects.isEmpty()) {
                problems.add(file + ": no object");
            }
            OverlayChecks.modelProblems(objects).forEach(p -> problems.add(file.getFileName() + ": " + p));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void routesAreNotCopiedIntoManifests() {
        for (Path file : Manifests.files()) {
            for (HasMetadata object : Manifests.read(file)) {
                if (object instanceof ConfigMap configMap && configMap.getData() != null) {
                    assertTrue(configMap.getData().keySet().stream().noneMatch(k -> k.endsWith(".camel.yaml")),
                            file + ": routes belong in routes/, from where kustomize generates mailpipe-routes");
                }
            }
        }
    }

    @Test
    void filesTurnedIntoConfigMapDataAreNoManifests() {
        Path limits = ProjectFiles.k8s().resolve("overlays/kafka/shaping.yaml");

        assertTrue(Manifests.isGeneratorInput(limits));
        assertFalse(Manifests.files().contains(limits));
        assertTrue(Manifests.files().contains(ProjectFiles.k8s().resolve("overlays/kafka/kafkatopics.yaml")));
    }

    @Test
    void theShapingTopicIsDeclaredCompactedWithOnePartition() {
        KafkaTopicResource shaping = Manifests.read(ProjectFiles.k8s().resolve("overlays/kafka/kafkatopics.yaml"))
                .stream().map(GenericKubernetesResource.class::cast).map(KafkaTopicResource::of)
                .filter(t -> t.topicName().equals("mail.shaping")).findFirst().orElseThrow();

        assertEquals(1, shaping.spec().partitions());
        assertEquals(java.util.Map.of("cleanup.policy", "compact"), shaping.spec().configOrEmpty());
        assertEquals(List.of(), shaping.problems(KafkaChecks.STRIMZI_CLUSTER));
    }

    @Test
    void misspeltFieldsAreFoundWhereverTheyAre() {
        List<HasMetadata> objects = Manifests.parse(resource("misspelt-deployment.yaml"));

        assertEquals(List.of("spec.replicaz", "spec.template.spec.containers[0].imagePullPolcy"),
                UnknownFields.of(objects.get(0)).stream().sorted().toList());
    }

    @Test
    void kafkaTopicWithUnknownFieldOrSettingIsRejected() {
        List<HasMetadata> objects = Manifests.parse(resource("bad-kafkatopics.yaml"));
        GenericKubernetesResource misspeltField = (GenericKubernetesResource) objects.get(0);
        GenericKubernetesResource unknownSetting = (GenericKubernetesResource) objects.get(1);

        assertThrows(IllegalArgumentException.class, () -> KafkaTopicResource.of(misspeltField));
        assertEquals(List.of("bad-setting: max.messages.bytes is no Kafka topic setting"),
                KafkaTopicResource.of(unknownSetting).problems(KafkaChecks.STRIMZI_CLUSTER));
        assertFalse(OverlayChecks.modelProblems(objects.subList(1, 2)).isEmpty());
    }

    static String resource(String name) {
        try (var in = ManifestModelTest.class.getResourceAsStream("/deploy/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
