package io.mailpipe.camel.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;

/**
 * The meter registry the components record into, found in the Camel registry: the application binds one instance
 * (with the registry its metrics endpoint scrapes); without it, as in unit tests, meters go to a registry that keeps
 * nothing. Holds the values of gauges that must outlive a component restart, and caps the destination-domain tag
 * of delivery meters (first {@value #MAX_DOMAINS} domains by name, the rest as {@code other}) so one campaign to
 * many domains cannot blow up the number of series.
 */
public final class PipelineMeters {

    /** Distinct destination domains given their own series; later ones are counted as {@code other}. */
    public static final int MAX_DOMAINS = 200;
    static final String OTHER_DOMAIN = "other";

    private final MeterRegistry registry;
    private final Set<String> domains = ConcurrentHashMap.newKeySet();
    private final Map<List<String>, AtomicLong> gaugeValues = new ConcurrentHashMap<>();

    public PipelineMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The instance bound in the Camel registry, or one over a registry that keeps nothing. */
    public static PipelineMeters of(CamelContext context) {
        PipelineMeters bound = context == null ? null : context.getRegistry().findSingleByType(PipelineMeters.class);
        return bound != null ? bound : new PipelineMeters(new CompositeMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * The value behind the gauge {@code name} with one tag, registered on first use and shared afterwards, so a
     * component that stops and starts again keeps feeding the same series.
     */
    public AtomicLong gaugeValue(String name, String description, String tagKey, String tagValue) {
        return gaugeValues.computeIfAbsent(List.of(name, tagKey, tagValue), key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).description(description).tag(tagKey, tagValue)
                    .strongReference(true).register(registry);
            return value;
        });
    }

    /** The tag value for a destination domain: itself (lower case) while under the cap, else {@code other}. */
    public String domainTag(String domain) {
        if (domain == null || domain.isEmpty()) {
            return OTHER_DOMAIN;
        }
        String name = domain.toLowerCase(Locale.ROOT);
        if (domains.contains(name)) {
            return name;
        }
        synchronized (domains) {
            if (domains.size() < MAX_DOMAINS) {
                domains.add(name);
                return name;
            }
        }
        return OTHER_DOMAIN;
    }
}
