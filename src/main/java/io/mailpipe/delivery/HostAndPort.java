package io.mailpipe.delivery;

import java.util.Locale;

/**
 * A host name or IP address with a port, as written in configuration: "mx.example.org:2525", "192.0.2.1:25",
 * "[2001:db8::1]:25", or without port (then the default). Host names are lower-cased and lose a trailing dot.
 */
public record HostAndPort(String host, int port) {

    public HostAndPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static HostAndPort parse(String text, int defaultPort) {
        String value = text.trim();
        String host;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in " + text);
            }
            host = value.substring(1, close);
            if (value.length() > close + 1) {
                if (value.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("expected ':' after ']' in " + text);
                }
                port = value.substring(close + 2);
            }
        } else {
            int colon = value.lastIndexOf(':');
            if (colon >= 0 && value.indexOf(':') == colon) {
                host = value.substring(0, colon);
                port = value.substring(colon + 1);
            } else {
                host = value;
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        try {
            return new HostAndPort(host, port == null ? defaultPort : Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in " + text, e);
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
