package io.mailpipe.app.observe;

import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ManagementSettingsTest {

    private static ManagementSettings settings(String... keyValues) throws Exception {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setInitialProperties(properties);
            return ManagementSettings.from(context);
        }
    }

    @Test
    void defaultsAreLoopbackPort9876Enabled() throws Exception {
        assertEquals(new ManagementSettings(true, "127.0.0.1", 9876), settings());
    }

    @Test
    void propertiesOverrideAndEmptyValuesMeanTheDefault() throws Exception {
        assertEquals(new ManagementSettings(false, "0.0.0.0", 0), settings("mailpipe.management.enabled", "false",
                "mailpipe.management.host", "0.0.0.0", "mailpipe.management.port", "0"));
        assertEquals(new ManagementSettings(true, "127.0.0.1", 9876), settings("mailpipe.management.host", " ",
                "mailpipe.management.port", ""));
    }

    @Test
    void badValuesNameTheProperty() {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> settings("mailpipe.management.port", "99999"));
        assertEquals("mailpipe.management.port out of range: 99999", port.getMessage());
        IllegalArgumentException enabled = assertThrows(IllegalArgumentException.class,
                () -> settings("mailpipe.management.enabled", "yes"));
        assertEquals("mailpipe.management.enabled must be true or false: yes", enabled.getMessage());
    }
}
