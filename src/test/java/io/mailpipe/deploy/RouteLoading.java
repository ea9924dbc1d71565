package io.mailpipe.deploy;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads route files with Camel's production YAML DSL loader into a context that is never started (no consumer,
 * no port), with application.properties for the placeholders, the queue mode set, and test overrides on top.
 * The files of a mode load together, as camel-main loads them: beans of one file refer to beans of another.
 */
final class RouteLoading {

    private RouteLoading() {
    }

    static List<RouteDefinition> load(String mode, List<Path> files, Map<String, String> overrides)
            throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            Properties properties = MailpipeSettings.applicationProperties();
            properties.setProperty("mailpipe.queue", mode);
            properties.putAll(overrides);
            context.getPropertiesComponent().setInitialProperties(properties);
            context.setAutoStartup(false);
            List<Resource> resources = files.stream()
                    .map(f -> PluginHelper.getResourceLoader(context).resolveResource("file:" + f)).toList();
            PluginHelper.getRoutesLoader(context).loadRoutes(resources);
            return List.copyOf(((ModelCamelContext) context).getRouteDefinitions());
        }
    }

    /** The repository's route files of {@code mode} load without YAML DSL warnings, at least one route each. */
    static void assertModeLoadsWithoutWarnings(String mode, Map<String, String> overrides) throws Exception {
        Map<String, String> files = RouteMountChecks.repositoryRoutes(mode);
        assertTrue(files.keySet().stream().anyMatch(f -> f.startsWith(mode + "/")), files.keySet().toString());
        List<Path> paths = files.keySet().stream().map(f -> ProjectFiles.routes().resolve(f)).toList();

        var loaded = YamlDslWarnings.during(() -> load(mode, paths, overrides));

        assertEquals(List.of(), loaded.warnings());
        assertTrue(loaded.result().size() >= files.size(), "routes loaded: " + loaded.result().size());
    }
}
