package io.mailpipe.app.observe;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthReportTest {

    private static HealthCheck check(String name, HealthCheck.CheckResult result) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CheckResult check() {
                return result;
            }
        };
    }

    @Test
    void allChecksUpIs200WithEveryCheckListed() {
        HealthReport report = HealthReport.of(List.of(check("a", HealthCheck.CheckResult.healthy()),
                check("b", HealthCheck.CheckResult.healthy())));

        assertTrue(report.up());
        assertEquals(200, report.httpStatus());
        assertEquals("{\"status\":\"UP\",\"checks\":[{\"name\":\"a\",\"status\":\"UP\"},"
                + "{\"name\":\"b\",\"status\":\"UP\"}]}", report.toJson());
    }

    @Test
    void oneCheckDownIs503AndTellsWhy() {
        HealthReport report = HealthReport.of(List.of(check("a", HealthCheck.CheckResult.healthy()),
                check("spool", HealthCheck.CheckResult.unhealthy("the spool \"x\" is closed"))));

        assertFalse(report.up());
        assertEquals(503, report.httpStatus());
        assertEquals("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"a\",\"status\":\"UP\"},"
                + "{\"name\":\"spool\",\"status\":\"DOWN\",\"detail\":\"the spool \\\"x\\\" is closed\"}]}",
                report.toJson());
    }

    @Test
    void aContextIsAliveWhileRunningButReadyOnlyWhenStarted() throws Exception {
        CamelContext context = new DefaultCamelContext();
        CamelContextCheck live = new CamelContextCheck(context, false);
        CamelContextCheck ready = new CamelContextCheck(context, true);

        assertFalse(ready.check().up());
        context.start();
        assertTrue(live.check().up());
        assertTrue(ready.check().up());
        context.stop();
        assertFalse(live.check().up());
        assertFalse(ready.check().up());
        assertEquals("context stopped", ready.check().detail());
    }

    @Test
    void withoutSmtpdOrSpoolRoutesTheirChecksAreUp() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertTrue(new SmtpdAcceptingCheck(context).check().up());
            assertTrue(new SpoolCheck(context).check().up());
        }
    }

    @Test
    void aListenerSwitchedOffByConfigurationDoesNotMakeTheServerUnready() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            // a lambda, not a RouteBuilder class, which camel-main's scan of io.mailpipe.app would pick up
            org.apache.camel.builder.RouteBuilder.addRoutes(context, routes -> {
                routes.from("smtpd:127.0.0.1:0").routeId("switched-off").autoStartup(false).to("log:off");
                routes.from("smtpd:127.0.0.1:0").routeId("running").to("log:on");
            });
            context.start();
            assertTrue(new SmtpdAcceptingCheck(context).check().up());
            context.getRouteController().stopRoute("running");
            assertFalse(new SmtpdAcceptingCheck(context).check().up());
        }
    }
}
