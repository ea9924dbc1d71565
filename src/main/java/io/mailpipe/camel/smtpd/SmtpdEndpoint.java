package io.mailpipe.camel.smtpd;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code smtpd:host:port} — listens for SMTP (RFC 5321, ESMTP extensions, STARTTLS per RFC 3207, implicit TLS per
 * RFC 8314, AUTH per RFC 4954) and turns each accepted message into an exchange whose body is the raw message.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "smtpd", title = "SMTP Server", syntax = "smtpd:host:port",
             consumerOnly = true, category = { Category.MAIL }, headersClass = SmtpdConstants.class)
public class SmtpdEndpoint extends DefaultEndpoint {

    @UriPath(description = "The local address to listen on.", defaultValue = "127.0.0.1")
    private String host = "127.0.0.1";
    @UriPath(description = "The TCP port to listen on; 0 picks a free port.", defaultValue = "2525")
    private int port = 2525;
    @UriParam
    private SmtpdConfiguration configuration = new SmtpdConfiguration();

    public SmtpdEndpoint(String uri, SmtpdComponent component) {
        super(uri, component);
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("smtpd: only receives mail; deliver with mx: or smtp:");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SmtpdConsumer consumer = new SmtpdConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Sets host and port from the {@code host:port} part of the URI ({@code [v6addr]:port} for IPv6). */
    void setListenAddress(String remaining) {
        if (remaining == null || remaining.isBlank()) {
            return;
        }
        int colon = remaining.lastIndexOf(':');
        if (colon < 0 || remaining.endsWith("]")) {
            host = unbracket(remaining);
            return;
        }
        host = unbracket(remaining.substring(0, colon));
        try {
            port = Integer.parseInt(remaining.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("smtpd: port is not a number in '" + remaining + "'", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("smtpd: port out of range in '" + remaining + "'");
        }
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public SmtpdConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SmtpdConfiguration configuration) {
        this.configuration = configuration;
    }
}
