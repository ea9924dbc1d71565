package io.mailpipe.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The descriptor camel-package-maven-plugin generates for a component ({@code META-INF/<package>/<scheme>.json}):
 * its title and description, the component-level options ({@code camel.component.<scheme>.*}) and the endpoint
 * options (URI path and query parameters). Found for any scheme on the classpath through the
 * {@code META-INF/services/org/apache/camel/component/<scheme>} file that names the component class, as Camel does.
 */
public record ComponentMetadata(String scheme, String title, String description, String syntax,
                                List<OptionMetadata> componentOptions, List<OptionMetadata> endpointOptions) {

    private static final String SERVICES = "META-INF/services/org/apache/camel/component/";
    private static final String OUR_DESCRIPTORS = "META-INF/io/mailpipe/camel/";

    /** The descriptor of the component {@code scheme}, if one is on the classpath. */
    public static Optional<ComponentMetadata> forScheme(String scheme) {
        Properties service = new Properties();
        try (InputStream in = resource(SERVICES + scheme)) {
            if (in == null) {
                return Optional.empty();
            }
            service.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String componentClass = service.getProperty("class", "");
        int dot = componentClass.lastIndexOf('.');
        String descriptor = "META-INF/" + componentClass.substring(0, Math.max(dot, 0)).replace('.', '/') + "/"
                + scheme + ".json";
        return Optional.ofNullable(read(descriptor));
    }

    /** mailpipe's own components, sorted by scheme. */
    public static List<ComponentMetadata> ours() {
        List<ComponentMetadata> components = new ArrayList<>();
        for (String name : ProjectResources.under(OUR_DESCRIPTORS)) {
            if (name.endsWith(".json")) {
                components.add(read(name));
            }
        }
        components.sort(Comparator.comparing(ComponentMetadata::scheme));
        return components;
    }

    /**
     * The endpoint option an application key feeds, by name: a key whose segments name one of {@code components}
     * ({@code smtpd.max-recipients}, {@code mailpipe.mx.tls-policy}) feeds its option named after the last segment.
     */
    static Optional<OptionMetadata> optionForKey(String key, List<ComponentMetadata> components) {
        List<String> segments = Arrays.asList(key.split("\\."));
        String option = segments.get(segments.size() - 1).replace("-", "");
        return components.stream().filter(c -> segments.subList(0, segments.size() - 1).contains(c.scheme()))
                .findFirst().flatMap(c -> c.endpointOption(option));
    }

    public Optional<OptionMetadata> endpointOption(String name) {
        return find(endpointOptions, name);
    }

    public Optional<OptionMetadata> componentOption(String name) {
        return find(componentOptions, name);
    }

    static Optional<OptionMetadata> find(List<OptionMetadata> options, String name) {
        String wanted = OptionMetadata.bindingName(name);
        return options.stream().filter(o -> OptionMetadata.bindingName(o.name()).equals(wanted)).findFirst();
    }

    private static ComponentMetadata read(String resource) {
        try (InputStream in = resource(resource)) {
            if (in == null) {
                return null;
            }
            JsonNode root = new ObjectMapper().readTree(in);
            JsonNode component = root.path("component");
            return new ComponentMetadata(component.path("scheme").asText(), component.path("title").asText(),
                    component.path("description").asText(), component.path("syntax").asText(),
                    options(root.path("componentProperties")), options(root.path("properties")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static List<OptionMetadata> options(JsonNode properties) {
        List<OptionMetadata> options = new ArrayList<>();
        properties.fields().forEachRemaining(field -> options.add(OptionMetadata.of(field.getKey(), field.getValue())));
        return List.copyOf(options);
    }

    private static InputStream resource(String name) {
        return ComponentMetadata.class.getClassLoader().getResourceAsStream(name);
    }
}
