package io.mailpipe.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spool mode's route files (routes/*.camel.yaml and routes/spool/) load with Camel's production YAML DSL loader
 * without any YAML DSL warning, every route file belongs to a mode, and a compact-notation route is caught.
 * The Kafka mode's files are loaded by {@link KafkaRoutesLoadIT}, since their queue bean connects to a broker.
 */
class RoutesLoadTest {

    @Test
    void spoolModeRoutesLoadWithoutWarnings() throws Exception {
        RouteLoading.assertModeLoadsWithoutWarnings("spool", Map.of());
    }

    @Test
    void everyRouteFileBelongsToAMode() {
        Path routes = ProjectFiles.routes();
        var covered = new java.util.TreeSet<String>();
        List.of("spool", "kafka").forEach(mode -> covered.addAll(RouteMountChecks.repositoryRoutes(mode).keySet()));
        var all = ProjectFiles.filesEndingWith(routes, ".camel.yaml").stream()
                .map(p -> routes.relativize(p).toString().replace('\\', '/')).toList();
        assertEquals(all, List.copyOf(covered));
    }

    @Test
    void compactNotationIsCaught() throws Exception {
        Path compact = Path.of(RoutesLoadTest.class.getResource("/deploy/compact-notation.camel.yaml").toURI());

        var loaded = YamlDslWarnings.during(() -> RouteLoading.load("spool", List.of(compact), Map.of()));

        assertEquals(1, loaded.result().size());
        assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
        assertTrue(loaded.warnings().get(0).contains("compact notation"), loaded.warnings().get(0));
    }
}
