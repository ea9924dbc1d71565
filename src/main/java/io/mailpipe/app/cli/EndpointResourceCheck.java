package io.mailpipe.app.cli;

import io.mailpipe.camel.dkim.DkimEndpoint;
import io.mailpipe.camel.smtpd.SmtpdConfiguration;
import io.mailpipe.camel.smtpd.SmtpdEndpoint;
import io.mailpipe.camel.spf.SpfEndpoint;
import io.mailpipe.dkim.DkimKeyException;
import io.mailpipe.dkim.KeyTable;
import io.mailpipe.dns.DnsjavaResolverSettings;
import io.mailpipe.smtp.server.auth.PasswordFileAuthenticator;
import io.mailpipe.smtp.server.tls.TlsContexts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Endpoint;

/**
 * What the components only read when a consumer or producer starts, checked without starting anything: the TLS
 * certificate and key (parsed as the server would) and the password file of {@code smtpd:}, the key table and keys
 * of {@code dkim:sign}, and the DNS server lists of {@code spf:} and {@code dkim:}. Each problem is added to the
 * list with the endpoint it belongs to.
 */
final class EndpointResourceCheck {

    private EndpointResourceCheck() {
    }

    static void check(Endpoint endpoint, List<String> errors) {
        String where = endpoint.getEndpointUri() + ": ";
        try {
            if (endpoint instanceof SmtpdEndpoint smtpd) {
                checkSmtpd(smtpd.getConfiguration());
            } else if (endpoint instanceof DkimEndpoint dkim) {
                checkDkim(dkim);
            } else if (endpoint instanceof SpfEndpoint spf) {
                checkDnsServers(spf.getDnsServers());
            }
        } catch (RuntimeException | DkimKeyException e) {
            errors.add(where + e.getMessage());
        }
    }

    private static void checkSmtpd(SmtpdConfiguration configuration) {
        if (configuration.getTlsCertificateFile() != null || configuration.getTlsKeyFile() != null) {
            if (configuration.getTlsCertificateFile() == null || configuration.getTlsKeyFile() == null) {
                throw new IllegalArgumentException("tlsCertificateFile and tlsKeyFile go together");
            }
            TlsContexts.server(Path.of(configuration.getTlsCertificateFile()),
                    Path.of(configuration.getTlsKeyFile()));
        }
        if (configuration.getPasswordFile() != null && configuration.getAuthenticator() == null) {
            new PasswordFileAuthenticator(Path.of(configuration.getPasswordFile()));
        }
    }

    private static void checkDkim(DkimEndpoint dkim) throws DkimKeyException {
        checkDnsServers(dkim.getDnsServers());
        if (!"sign".equals(dkim.getOperation())) {
            return;
        }
        if (dkim.getKeyTable() == null) {
            throw new IllegalArgumentException("dkim:sign needs the keyTable option");
        }
        KeyTable.load(Path.of(dkim.getKeyTable()), Duration.ofSeconds(dkim.getKeyReloadInterval()));
    }

    private static void checkDnsServers(String servers) {
        if (servers != null) {
            DnsjavaResolverSettings.parseServers(servers);
        }
    }
}
