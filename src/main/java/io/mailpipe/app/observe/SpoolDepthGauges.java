package io.mailpipe.app.observe;

import io.mailpipe.camel.spool.SpoolConsumer;
import io.mailpipe.queue.spool.Spool;
import io.mailpipe.queue.spool.SpoolState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * Queue depth in spool mode: messages per {@link SpoolState} (incoming, active, deferred, dead) as gauges
 * {@code mailpipe.queue.messages{state}}. Each reading counts the spool's in-memory index (no directory walk); with
 * several spools the counts add up (consumers sharing a spool count it once).
 */
public final class SpoolDepthGauges {

    private SpoolDepthGauges() {
    }

    public static void register(MeterRegistry registry, CamelContext context) {
        for (SpoolState state : SpoolState.values()) {
            Gauge.builder("mailpipe.queue.messages", () -> count(context, state))
                    .description("Messages in the spool, by state").tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    static int count(CamelContext context, SpoolState state) {
        Set<Spool> spools = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof SpoolConsumer consumer && consumer.getSpool() != null) {
                spools.add(consumer.getSpool());
            }
        }
        return spools.stream().mapToInt(spool -> spool.counts().getOrDefault(state, 0)).sum();
    }
}
