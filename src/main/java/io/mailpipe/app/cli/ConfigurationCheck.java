package io.mailpipe.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.Route;
import org.apache.camel.main.Main;

/**
 * Loads the pipeline as {@code run} would (same camel-main, properties and routes pattern) with auto-startup off:
 * routes are created (endpoints resolved, options and placeholders checked) and their producers started (DKIM key
 * tables read), but no consumer starts and no port is bound; then reads the files consumers would read at start
 * ({@link SmtpdResourceCheck}). Camel stops at the first route it cannot create or warm up, so a failed route is
 * excluded by id and the load repeated, once per failing route, to report them all.
 */
final class ConfigurationCheck {

    /** Bound on reloads: one per failing route, far more than any real configuration has. */
    private static final int MAX_ATTEMPTS = 50;

    private final PipelineOptions pipeline;

    ConfigurationCheck(PipelineOptions pipeline) {
        this.pipeline = pipeline;
    }

    /** The routes that loaded and every error met; valid when there is no error. */
    record Outcome(List<String> routes, List<String> errors) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    Outcome run() {
        List<String> errors = new ArrayList<>();
        Set<String> failedRoutes = new LinkedHashSet<>();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            PipelineOptions.Configured configured = pipeline.newMain();
            if (attempt == 0) {
                errors.addAll(configured.errors());
            }
            Main main = configured.main();
            main.addOverrideProperty("camel.main.auto-startup", "false");
            main.addOverrideProperty("mailpipe.management.enabled", "false");
            if (!failedRoutes.isEmpty()) {
                main.addOverrideProperty("camel.main.route-filter-exclude-pattern", String.join(",", failedRoutes));
            }
            try {
                main.start();
                return new Outcome(checkLoaded(main.getCamelContext(), errors), errors);
            } catch (RuntimeException e) {
                errors.add(describe(e));
                String routeId = failedRouteId(e);
                if (routeId == null || !failedRoutes.add(routeId)) {
                    return new Outcome(List.of(), errors);
                }
            } finally {
                main.stop();
            }
        }
        return new Outcome(List.of(), errors);
    }

    private static List<String> checkLoaded(CamelContext context, List<String> errors) {
        List<String> routes = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            routes.add(route.getRouteId());
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            SmtpdResourceCheck.check(endpoint, errors);
        }
        return routes;
    }

    private static String failedRouteId(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FailedToCreateRouteException failed) {
                return failed.getRouteId();
            }
            if (t instanceof FailedToStartRouteException failed) {
                return failed.getRouteId();
            }
        }
        return null;
    }

    /** Camel's own message for a route that failed (it names the route, the step and the cause), else the cause. */
    private static String describe(Throwable error) {
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FailedToCreateRouteException || t instanceof FailedToStartRouteException) {
                return t.getMessage();
            }
            root = t;
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
