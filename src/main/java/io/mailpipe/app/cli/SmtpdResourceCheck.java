package io.mailpipe.app.cli;

import io.mailpipe.camel.smtpd.SmtpdConfiguration;
import io.mailpipe.camel.smtpd.SmtpdEndpoint;
import io.mailpipe.smtp.server.auth.PasswordFileAuthenticator;
import io.mailpipe.smtp.server.tls.TlsContexts;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.Endpoint;

/**
 * The files an {@code smtpd:} consumer reads only when it starts, which a check that starts no consumer must read
 * itself: the TLS certificate chain and key (parsed as the server would, RFC 3207 / RFC 8314) and the AUTH password
 * file. Producers need no such check: Camel starts them while loading even with auto-startup off, so their files
 * (DKIM key tables) are read then.
 */
final class SmtpdResourceCheck {

    private SmtpdResourceCheck() {
    }

    /** Adds one error per unreadable file of {@code endpoint} when it is an smtpd: endpoint. */
    static void check(Endpoint endpoint, List<String> errors) {
        if (!(endpoint instanceof SmtpdEndpoint smtpd)) {
            return;
        }
        SmtpdConfiguration configuration = smtpd.getConfiguration();
        String where = endpoint.getEndpointUri() + ": ";
        String certificate = configuration.getTlsCertificateFile();
        String key = configuration.getTlsKeyFile();
        if ((certificate == null) != (key == null)) {
            errors.add(where + "tlsCertificateFile and tlsKeyFile go together");
        } else if (certificate != null) {
            try {
                TlsContexts.server(Path.of(certificate), Path.of(key));
            } catch (RuntimeException e) {
                errors.add(where + e.getMessage());
            }
        }
        if (configuration.getPasswordFile() != null && configuration.getAuthenticator() == null) {
            try {
                new PasswordFileAuthenticator(Path.of(configuration.getPasswordFile()));
            } catch (RuntimeException e) {
                errors.add(where + "passwordFile: " + e.getMessage());
            }
        }
    }
}
