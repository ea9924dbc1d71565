package io.mailpipe.camel.smtpd;

import io.mailpipe.camel.observe.PipelineMeters;
import io.mailpipe.camel.observe.SmtpServerMeters;
import io.mailpipe.smtp.server.SmtpServerConfig;
import io.mailpipe.smtp.server.auth.Authenticator;
import io.mailpipe.smtp.server.auth.PasswordFileAuthenticator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Turns the endpoint's URI options into the server engine's configuration, checking at start-up that every file it
 * names is readable so a wrong path fails loudly with the option's name.
 */
final class ServerConfigMapper {

    private ServerConfigMapper() {
    }

    static SmtpServerConfig toServerConfig(SmtpdEndpoint endpoint, Executor workers) {
        SmtpdConfiguration c = endpoint.getConfiguration();
        SmtpServerConfig.Builder builder = SmtpServerConfig.builder()
                .host(endpoint.getHost())
                .port(endpoint.getPort())
                .maxMessageSize(c.getMaxMessageSize())
                .maxRecipients(c.getMaxRecipients())
                .maxCommandLineLength(c.getMaxCommandLineLength())
                .maxDataLineLength(c.getMaxDataLineLength())
                .commandTimeout(Duration.ofMillis(c.getCommandTimeout()))
                .dataTimeout(Duration.ofMillis(c.getDataTimeout()))
                .maxConnections(c.getMaxConnections())
                .maxConnectionsPerClient(c.getMaxConnectionsPerClient())
                .maxErrors(c.getMaxErrors())
                .ioThreads(c.getIoThreads())
                .bareLineEndings(c.getBareLineEndings())
                .startTls(c.isStartTls())
                .implicitTls(c.isImplicitTls())
                .requireTls(c.isRequireTls())
                .requireAuth(c.isRequireAuth())
                .authAllowPlaintext(c.isAuthAllowPlaintext())
                .authFailureDelay(Duration.ofMillis(c.getAuthFailureDelay()))
                .maxAuthFailures(c.getMaxAuthFailures())
                .localDomains(commaSet(c.getLocalDomains()))
                .trustedNetworks(List.copyOf(commaSet(c.getTrustedNetworks())))
                .memoryThreshold(c.getMemoryThreshold())
                .shutdownTimeout(Duration.ofMillis(c.getShutdownTimeout()))
                .workerExecutor(workers)
                .metrics(new SmtpServerMeters(PipelineMeters.of(endpoint.getCamelContext()),
                        endpoint.getHost() + ":" + endpoint.getPort()));
        if (c.getServerName() != null) {
            builder.serverName(c.getServerName());
        }
        if (c.getMaxPendingMessages() > 0) {
            builder.maxPendingMessages(c.getMaxPendingMessages());
        } else {
            builder.maxPendingMessages(c.getWorkerThreads() * 4);
        }
        if (c.getTempDirectory() != null) {
            builder.tempDirectory(Path.of(c.getTempDirectory()));
        }
        if (c.getTlsCertificateFile() != null || c.getTlsKeyFile() != null) {
            builder.tlsCertificateFile(readable("tlsCertificateFile", c.getTlsCertificateFile()))
                    .tlsKeyFile(readable("tlsKeyFile", c.getTlsKeyFile()));
        }
        Authenticator authenticator = c.getAuthenticator();
        if (authenticator == null && c.getPasswordFile() != null) {
            authenticator = new PasswordFileAuthenticator(readable("passwordFile", c.getPasswordFile()));
        }
        if (authenticator != null) {
            builder.authenticator(authenticator);
        }
        return builder.build();
    }

    private static Path readable(String option, String file) {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("smtpd: option " + option + " needs a file");
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new IllegalArgumentException("smtpd: option " + option + ": cannot read file " + path.toAbsolutePath());
        }
        return path;
    }

    private static Set<String> commaSet(String list) {
        Set<String> values = new LinkedHashSet<>();
        if (list != null) {
            Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
        }
        return values;
    }
}
