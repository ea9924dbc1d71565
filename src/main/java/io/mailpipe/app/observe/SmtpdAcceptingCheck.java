package io.mailpipe.app.observe;

import io.mailpipe.camel.smtpd.SmtpdConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * Readiness of the SMTP listeners: down while any {@code smtpd:} consumer does not take new mail, which is the case
 * from the moment it starts draining at shutdown (new connections get 421, RFC 5321 §3.8) until it has stopped.
 */
public final class SmtpdAcceptingCheck implements HealthCheck {

    private final CamelContext context;

    public SmtpdAcceptingCheck(CamelContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "smtpd";
    }

    @Override
    public CheckResult check() {
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof SmtpdConsumer smtpd && !smtpd.isAcceptingMail()) {
                return CheckResult.unhealthy("route " + route.getRouteId() + " is not accepting mail");
            }
        }
        return CheckResult.healthy();
    }
}
