package io.mailpipe.deploy;

import io.mailpipe.delivery.shaping.ShapingFile;
import io.mailpipe.delivery.shaping.ShapingPolicy;
import io.mailpipe.delivery.shaping.SiteRule;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kustomization of k8s/ and routes/ uses only known fields and references only what exists (resources, bases,
 * generator files inside its own directory), the routes ConfigMap is generated from every route file, and the Kafka
 * overlay generates the traffic shaping ConfigMap from a limits file that keeps every preset site.
 */
class KustomizationTest {

    @Test
    void everyKustomizationBuilds() {
        List<Path> kustomizations = new java.util.ArrayList<>(
                ProjectFiles.filesEndingWith(ProjectFiles.k8s(), Kustomization.FILE_NAME));
        kustomizations.add(ProjectFiles.routes().resolve(Kustomization.FILE_NAME));
        assertEquals(4, kustomizations.size(), "base, two overlays and routes: " + kustomizations);
        for (Path file : kustomizations) {
            assertFalse(KustomizeTree.build(file.getParent()).isEmpty(), file + " yields nothing");
        }
    }

    @Test
    void overlaysAreSpoolAndKafka() {
        assertEquals(List.of("kafka", "spool"),
                ProjectFiles.overlays().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void routesConfigMapHoldsEveryRouteFile() {
        Path routes = ProjectFiles.routes();
        Set<String> routeFiles = ProjectFiles.filesEndingWith(routes, ".camel.yaml").stream()
                .map(p -> routes.relativize(p).toString().replace('\\', '/'))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> generated = new TreeSet<>();
        for (var generator : Kustomization.read(routes.resolve(Kustomization.FILE_NAME)).configMapGenerator()) {
            generator.fileList().forEach(f -> generated.add(f.substring(f.indexOf('=') + 1)));
        }
        assertEquals(routeFiles, generated);
        assertTrue(routeFiles.size() >= 5, routeFiles.toString());
    }

    @Test
    void kafkaOverlayGeneratesAShapingConfigMapWithEveryPresetSite() throws Exception {
        var configMap = KustomizeTree.configMap(KustomizeTree.build(ProjectFiles.overlays().stream()
                .filter(p -> p.getFileName().toString().equals("kafka")).findFirst().orElseThrow()),
                "mailpipe-shaping");
        ShapingPolicy shipped = ShapingFile.read(new ByteArrayInputStream(configMap.getData().get("shaping.yaml")
                .getBytes(StandardCharsets.UTF_8)), "k8s/overlays/kafka/shaping.yaml");
        ShapingPolicy presets;
        try (InputStream in = KustomizationTest.class.getResourceAsStream("/shaping.yaml")) {
            presets = ShapingFile.read(in, "classpath:shaping.yaml");
        }

        assertEquals(Set.of("shaping.yaml"), configMap.getData().keySet());
        assertEquals(presets.sites().stream().map(SiteRule::name).toList(),
                shipped.sites().stream().map(SiteRule::name).toList());
    }

    @Test
    void missingResourceIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KustomizeTree.build(testKustomization("missing-resource")));
        assertTrue(e.getMessage().contains("service.yaml does not exist"), e.getMessage());
    }

    @Test
    void generatorFileOutsideTheKustomizationIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KustomizeTree.build(testKustomization("outside-root")));
        assertTrue(e.getMessage().contains("lies outside the kustomization directory"), e.getMessage());
    }

    @Test
    void unknownKustomizationFieldIsReported() {
        Exception e = assertThrows(RuntimeException.class,
                () -> KustomizeTree.build(testKustomization("unknown-field")));
        assertTrue(e.getMessage().contains("resorces"), e.getMessage());
    }

    private static Path testKustomization(String name) {
        try {
            return Path.of(KustomizationTest.class.getResource("/deploy/kustomize/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
