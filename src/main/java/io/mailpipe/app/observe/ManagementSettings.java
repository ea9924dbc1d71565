package io.mailpipe.app.observe;

import java.net.InetSocketAddress;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The {@code mailpipe.management.*} properties: whether the management endpoint runs ({@code enabled}, default
 * true), and the address it binds ({@code host}, default 127.0.0.1; {@code port}, default 9876, 0 for any free one).
 */
public record ManagementSettings(boolean enabled, String host, int port) {

    public static final String PREFIX = "mailpipe.management.";
    public static final int DEFAULT_PORT = 9876;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public static ManagementSettings from(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        String enabled = properties.resolveProperty(PREFIX + "enabled").orElse("true").trim();
        String host = properties.resolveProperty(PREFIX + "host").map(String::trim).filter(h -> !h.isEmpty())
                .orElse(DEFAULT_HOST);
        String port = properties.resolveProperty(PREFIX + "port").map(String::trim).filter(p -> !p.isEmpty())
                .orElse(String.valueOf(DEFAULT_PORT));
        if (!enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(PREFIX + "enabled must be true or false: " + enabled);
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + "port is not a number: " + port, e);
        }
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException(PREFIX + "port out of range: " + port);
        }
        return new ManagementSettings(Boolean.parseBoolean(enabled), host, number);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }
}
