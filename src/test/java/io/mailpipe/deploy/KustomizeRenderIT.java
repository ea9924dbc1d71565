package io.mailpipe.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders each overlay with the real kustomize ({@code kubectl kustomize}) and runs every check on what it
 * produced: hashed ConfigMap names (the Kafka overlay's traffic shaping limits among them), rewritten references and
 * set images included, so the checks see exactly what a cluster would get.
 */
class KustomizeRenderIT {

    @ParameterizedTest
    @ValueSource(strings = {"spool", "kafka"})
    void renderedOverlayPassesEveryCheck(String overlay) throws Exception {
        List<HasMetadata> rendered = Manifests.parse(render(ProjectFiles.k8s().resolve("overlays").resolve(overlay)));

        assertEquals(List.of(), OverlayChecks.check(rendered));
        List<String> configMaps = rendered.stream().filter(ConfigMap.class::isInstance)
                .map(o -> o.getMetadata().getName()).sorted().toList();
        List<String> expected = overlay.equals("kafka") ? List.of("config", "routes", "shaping")
                : List.of("config", "routes");
        assertEquals(expected.size(), configMaps.size(), configMaps.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(configMaps.get(i).matches("mailpipe-" + expected.get(i) + "-[a-z0-9]{10}"),
                    configMaps.toString());
        }
    }

    private static String render(Path overlay) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kustomize", ".yaml");
        Path errors = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("kubectl kustomize " + overlay + " did not finish in 120 s");
            }
            assertEquals(0, process.exitValue(), Files.readString(errors, StandardCharsets.UTF_8));
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
