package io.mailpipe.camel.mx;

import io.mailpipe.delivery.shaping.TrafficShaper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mx: component builds its traffic shaper from the properties at start, and refuses a bad limits file. */
class MxShapingSetupTest {

    @TempDir
    Path directory;

    private static CamelContext context(String enabled, String file) {
        CamelContext context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty(ShapingSetup.ENABLED, enabled);
        properties.setProperty(ShapingSetup.FILE, file);
        context.getPropertiesComponent().setInitialProperties(properties);
        return context;
    }

    @Test
    void presetsAreUsedWhenNoFileIsNamedAndTheShaperIsShared() throws Exception {
        try (CamelContext context = context("true", "")) {
            context.start();
            MxEndpoint endpoint = context.getEndpoint("mx:a?tlsPolicy=none", MxEndpoint.class);
            endpoint.start();
            TrafficShaper shaper = context.getRegistry().lookupByNameAndType(ShapingSetup.BEAN, TrafficShaper.class);
            assertNotNull(shaper);
            assertEquals(3, shaper.policy().sites().size());
            assertEquals(shaper, endpoint.getComponent().engineFor(endpoint.getConfiguration()).delivery().shaper());
        }
    }

    @Test
    void offByDefault() throws Exception {
        try (CamelContext context = context("false", "")) {
            context.start();
            MxEndpoint endpoint = context.getEndpoint("mx:a?tlsPolicy=none", MxEndpoint.class);
            assertNull(endpoint.getComponent().engineFor(endpoint.getConfiguration()).delivery().shaper());
        }
    }

    @Test
    void badFileStopsTheStartNamingFileAndEntry() throws Exception {
        Path limits = Files.writeString(directory.resolve("limits.yaml"), "tenants:\n  acme: {max-rate: 3}\n");
        try (CamelContext context = context("true", limits.toString())) {
            context.addComponent("mx", new MxComponent());
            Exception error = assertThrows(Exception.class, () -> {
                context.start();
                context.getComponent("mx").start();
            });
            String message = rootMessage(error);
            assertTrue(message.contains(limits + " (mailpipe.shaping.file): tenants.acme.max-rate: unknown key"),
                    message);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
