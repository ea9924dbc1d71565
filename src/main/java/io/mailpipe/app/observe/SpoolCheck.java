package io.mailpipe.app.observe;

import io.mailpipe.camel.spool.SpoolConsumer;
import io.mailpipe.queue.spool.Spool;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * Readiness of the spool back-end: every {@code spool:} consumer has its spool open, and the spool's directories
 * are still writable directories ({@link Spool#unavailableReason()}).
 */
public final class SpoolCheck implements HealthCheck {

    private final CamelContext context;

    public SpoolCheck(CamelContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "spool";
    }

    @Override
    public CheckResult check() {
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof SpoolConsumer consumer) {
                Spool spool = consumer.getSpool();
                if (spool == null) {
                    return CheckResult.unhealthy("the spool of route " + route.getRouteId() + " is not open");
                }
                Optional<String> reason = spool.unavailableReason();
                if (reason.isPresent()) {
                    return CheckResult.unhealthy(reason.get());
                }
            }
        }
        return CheckResult.healthy();
    }
}
