package io.mailpipe.app.observe;

import org.apache.camel.CamelContext;
import java.util.Locale;
import org.apache.camel.ServiceStatus;

/**
 * The Camel context's own state. For liveness it is up unless the context has stopped (starting, running and
 * draining at shutdown are all alive); for readiness only a started context is up.
 */
public final class CamelContextCheck implements HealthCheck {

    private final CamelContext context;
    private final boolean readiness;

    public CamelContextCheck(CamelContext context, boolean readiness) {
        this.context = context;
        this.readiness = readiness;
    }

    @Override
    public String name() {
        return "camel-context";
    }

    @Override
    public CheckResult check() {
        ServiceStatus status = context.getStatus();
        boolean up = readiness ? status == ServiceStatus.Started : !status.isStopped();
        return up ? CheckResult.healthy()
                : CheckResult.unhealthy("context " + status.name().toLowerCase(Locale.ROOT));
    }
}
