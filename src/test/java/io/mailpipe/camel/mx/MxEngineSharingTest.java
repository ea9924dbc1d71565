package io.mailpipe.camel.mx;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Endpoints with equal settings share one engine, so per-destination limits hold across routes. */
class MxEngineSharingTest {

    @Test
    void equalSettingsShareTheEngineOtherSettingsDoNot() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            MxEndpoint a = context.getEndpoint("mx:a?maxConnectionsPerDestination=3&tlsPolicy=none", MxEndpoint.class);
            MxEndpoint b = context.getEndpoint("mx:b?tlsPolicy=none&maxConnectionsPerDestination=3", MxEndpoint.class);
            MxEndpoint c = context.getEndpoint("mx:c?maxConnectionsPerDestination=4&tlsPolicy=none", MxEndpoint.class);
            MxComponent component = a.getComponent();
            assertSame(component.engineFor(a.getConfiguration()), component.engineFor(b.getConfiguration()));
            assertNotSame(component.engineFor(a.getConfiguration()), component.engineFor(c.getConfiguration()));
        }
    }
}
