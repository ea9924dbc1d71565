package io.mailpipe.deploy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each overlay, built by following its kustomizations, passes the pod, wiring, route and Kafka checks; and each
 * kind of mistake those checks exist for is caught when put into a built overlay.
 */
class OverlayTest {

    @ParameterizedTest
    @ValueSource(strings = {"spool", "kafka"})
    void overlayPassesEveryCheck(String overlay) {
        assertEquals(List.of(), OverlayChecks.check(build(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spool", "kafka"})
    void overlayRunsItsQueueMode(String overlay) {
        assertEquals(overlay, Workload.of(build(overlay)).settings().require("mailpipe.queue"));
    }

    @Test
    void kafkaOverlayShapesTrafficWithTheLimitsOfItsShapingConfigMap() {
        List<HasMetadata> objects = build("kafka");
        Workload workload = Workload.of(objects);

        assertEquals("true", workload.settings().require("mailpipe.shaping.enabled"));
        String file = workload.settings().require("mailpipe.shaping.file");
        assertEquals("/etc/mailpipe/shaping/shaping.yaml", file);
        assertEquals(Optional.of(KustomizeTree.configMap(objects, "mailpipe-shaping").getData().get("shaping.yaml")),
                MailpipeSettings.mountedConfigMapFile(objects, workload.pod(), workload.container(), file));
        assertTrue(workload.container().getVolumeMounts().stream().anyMatch(m -> m.getName().equals("shaping")
                && m.getMountPath().equals("/etc/mailpipe/shaping") && Boolean.TRUE.equals(m.getReadOnly())));
    }

    @Test
    void gracePeriodNotAboveTheDrainIsCaught() {
        assertCaught(w -> w.pod().setTerminationGracePeriodSeconds(45L), "terminationGracePeriodSeconds 45");
    }

    @Test
    void probeOnAnotherPathIsCaught() {
        assertCaught(w -> w.container().getReadinessProbe().getHttpGet().setPath("/health"),
                "readiness probe: path /health");
    }

    @Test
    void serviceTargetingAMissingPortIsCaught() {
        assertCaught(w -> w.container().getPorts().removeIf(p -> p.getName().equals("submissions")),
                "targetPort submissions is no container port");
    }

    @Test
    void environmentVariableOfNoKeyIsCaught() {
        assertCaught(w -> w.container().getEnv().add(new EnvVar("SMTPD_PORTS", "2525", null)),
                "env SMTPD_PORTS overrides no key");
    }

    @Test
    void listenerPortOtherThanTheContainerPortIsCaught() {
        assertCaught(w -> w.container().getEnv().stream().filter(e -> e.getName().equals("SMTPD_PORT"))
                .forEach(e -> e.setValue("2526")), "smtpd.port = 2526 but container port smtp differs");
    }

    @Test
    void missingRouteMountIsCaught() {
        assertCaught(w -> w.pod().getVolumes().stream().filter(v -> v.getName().equals("routes"))
                .forEach(v -> v.getConfigMap().getItems().removeIf(i -> i.getPath().equals("kafka/queue.camel.yaml"))),
                "the repository has [");
    }

    @Test
    void writableRootIsCaught() {
        assertCaught(w -> w.container().getSecurityContext().setReadOnlyRootFilesystem(false),
                "readOnlyRootFilesystem true");
    }

    @Test
    void serviceLinksAreCaught() {
        assertCaught(w -> w.pod().setEnableServiceLinks(null), "enableServiceLinks false");
    }

    @Test
    void probeOnTheSmtpPortIsCaught() {
        assertCaught(w -> w.container().getLivenessProbe().getHttpGet().setPort(new IntOrString("smtp")),
                "liveness probe: port");
    }

    @Test
    void autoscalerBeyondThePartitionsIsCaught() {
        assertCaught(w -> w.all(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class)
                .forEach(h -> h.getSpec().setMaxReplicas(5)), "maxReplicas 5 x consumers 3 exceeds the 12");
    }

    @Test
    void shapingLimitsNotMountedAreCaught() {
        assertCaught(w -> w.container().getVolumeMounts().removeIf(m -> m.getName().equals("shaping")),
                "mailpipe.shaping.file = /etc/mailpipe/shaping/shaping.yaml lies on no mounted volume");
    }

    @Test
    void invalidShapingLimitsAreCaught() {
        assertCaught(w -> KustomizeTree.configMap(w.objects(), "mailpipe-shaping").getData()
                .put("shaping.yaml", "sites:\n  gmail: {mx: [\"*.google.com\"], max-conections: 5}\n"),
                "is no valid limits file");
    }

    @Test
    void shapingSwitchedOffIsCaught() {
        assertCaught(w -> w.container().getEnv().add(new EnvVar("MAILPIPE_SHAPING_ENABLED", "false", null)),
                "mailpipe.shaping.enabled must be true");
    }

    @Test
    void kafkaTopicOfShapingSuspensionsMissingIsCaught() {
        List<HasMetadata> objects = new java.util.ArrayList<>(build("kafka"));
        objects.removeIf(o -> o.getMetadata().getName().equals("mail-shaping"));
        assertTrue(OverlayChecks.check(objects).stream().anyMatch(p -> p.startsWith("KafkaTopics ")
                && p.contains("mail.shaping=partitions=1")));
    }

    @Test
    void kafkaTopicMissingATierIsCaught() {
        List<HasMetadata> objects = new java.util.ArrayList<>(build("kafka"));
        objects.removeIf(o -> o.getMetadata().getName().equals("mail-retry-6h"));
        assertTrue(OverlayChecks.check(objects).stream().anyMatch(p -> p.startsWith("KafkaTopics ")));
    }

    private static void assertCaught(Consumer<Workload> mistake, String expected) {
        List<HasMetadata> objects = build("kafka");
        Workload workload = Workload.of(objects);
        assertTrue(workload.owner() instanceof Deployment);
        mistake.accept(workload);
        List<String> problems = OverlayChecks.check(objects);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " not in " + problems);
    }

    static List<HasMetadata> build(String overlay) {
        return KustomizeTree.build(ProjectFiles.k8s().resolve("overlays").resolve(overlay));
    }
}
