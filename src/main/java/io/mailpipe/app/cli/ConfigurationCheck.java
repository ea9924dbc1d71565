package io.mailpipe.app.cli;

import io.mailpipe.app.config.ConfigurationProblem;
import io.mailpipe.app.config.ConfigurationSources;
import io.mailpipe.app.config.ConfigurationValidator;
import io.mailpipe.app.config.SettingReferences;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.Route;
import org.apache.camel.main.Main;

/**
 * Runs the start-up check of {@code run} ({@link ConfigurationValidator}), then loads the pipeline as {@code run}
 * would (same camel-main, properties and routes pattern) with auto-startup off: routes are created (endpoints resolved, options and placeholders checked) and their producers started (DKIM key
 * tables read), but no consumer starts and no port is bound; then reads the files consumers would read at start
 * ({@link SmtpdResourceCheck}). Camel stops at the first route it cannot create or warm up, so a failed route is
 * excluded by id and the load repeated, once per failing route, to report them all.
 */
final class ConfigurationCheck {

    /** Bound on reloads: one per failing route, far more than any real configuration has. */
    private static final int MAX_ATTEMPTS = 50;
    /** Shorter values ("1", "25") could appear in an unrelated message by chance. */
    private static final int MIN_QUOTED_VALUE = 3;
    private static final String BINDING = "property (";
    private static final Pattern BINDING_ERROR = Pattern.compile("Error binding property \\(([^=)]+)=");

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
        ConfigurationValidator validator = ConfigurationValidator.shipped();
        PipelineOptions.Configured first = pipeline.newMain(validator.shippedConfiguration());
        List<ConfigurationProblem> problems = validator.validate(first.sources());
        List<String> errors = new ArrayList<>();
        problems.forEach(problem -> errors.add(problem.describe()));
        Outcome loaded = load(validator, first);
        List<String> badValues = badValues(first.sources(), problems);
        loaded.errors().stream().filter(error -> badValues.stream().noneMatch(normalisedBinding(error)::contains))
                .map(error -> withSettings(error, first.sources())).forEach(errors::add);
        return new Outcome(loaded.routes(), errors);
    }

    private static String withSettings(String error, ConfigurationSources sources) {
        StringBuilder out = new StringBuilder(error);
        SettingReferences.in(error, sources).forEach(setting -> out.append("\n  set by ").append(setting));
        return out.toString();
    }

    /**
     * What Camel's errors quote when they repeat a problem the check already reported: a value found wrong, or
     * the option of a misspelt camel.* key in camel-main's "Error binding property (option=value)", compared as
     * camel-main binds names (case and dashes ignored).
     */
    private static List<String> badValues(ConfigurationSources sources, List<ConfigurationProblem> problems) {
        List<String> quoted = new ArrayList<>();
        for (ConfigurationProblem problem : problems) {
            if (problem.key() == null) {
                continue;
            }
            String value = sources.value(problem.key()).orElse("").strip();
            if (value.length() >= MIN_QUOTED_VALUE) {
                quoted.add(value);
            }
            if (problem.key().startsWith("camel.")) {
                quoted.add(BINDING + bindingName(problem.key().substring(problem.key().lastIndexOf('.') + 1)) + "=");
            }
        }
        return quoted;
    }

    /** The error with the option of camel-main's binding message in binding-name form, so it matches the above. */
    private static String normalisedBinding(String error) {
        Matcher binding = BINDING_ERROR.matcher(error);
        return binding.find() ? error + " " + BINDING + bindingName(binding.group(1)) + "=" : error;
    }

    private static String bindingName(String option) {
        return option.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private Outcome load(ConfigurationValidator validator, PipelineOptions.Configured first) {
        List<String> errors = new ArrayList<>();
        Set<String> failedRoutes = new LinkedHashSet<>();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            PipelineOptions.Configured configured = attempt == 0 ? first
                    : pipeline.newMain(validator.shippedConfiguration());
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
