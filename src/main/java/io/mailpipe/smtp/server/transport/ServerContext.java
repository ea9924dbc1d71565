package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.server.MessageReceiver;
import io.mailpipe.smtp.server.RelayPolicy;
import io.mailpipe.smtp.server.SmtpServerConfig;
import io.mailpipe.smtp.server.SmtpServerMetrics;
import io.mailpipe.smtp.server.command.CommandDispatcher;
import io.mailpipe.smtp.server.command.CommandTable;
import io.mailpipe.smtp.server.tls.TlsContexts;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * What all sessions of one listener share: configuration, verb table, relay policy (RFC 5321 §7.1), TLS context
 * (RFC 3207), admission gate, pending-message permits, the receiver and the set of open channels.
 */
final class ServerContext {

    private final SmtpServerConfig config;
    private final MessageReceiver receiver;
    private final CommandDispatcher dispatcher;
    private final RelayPolicy relayPolicy;
    private final SslContext sslContext;
    private final ConnectionGate gate;
    private final MessagePermits permits;
    private final ChannelGroup channels = new DefaultChannelGroup("smtp-sessions", GlobalEventExecutor.INSTANCE);

    ServerContext(SmtpServerConfig config, MessageReceiver receiver) {
        this.config = config;
        this.receiver = receiver;
        this.dispatcher = new CommandDispatcher(new CommandTable(config));
        this.relayPolicy = new RelayPolicy(config.localDomains(), config.trustedNetworks());
        this.sslContext = config.tlsCertificateFile() == null ? null
                : TlsContexts.server(config.tlsCertificateFile(), config.tlsKeyFile());
        this.gate = new ConnectionGate(config.maxConnections(), config.maxConnectionsPerClient(), config.metrics());
        this.permits = new MessagePermits(config.maxPendingMessages());
    }

    SmtpServerConfig config() { return config; }
    MessageReceiver receiver() { return receiver; }
    CommandDispatcher dispatcher() { return dispatcher; }
    RelayPolicy relayPolicy() { return relayPolicy; }
    SslContext sslContext() { return sslContext; }
    ConnectionGate gate() { return gate; }
    MessagePermits permits() { return permits; }
    ChannelGroup channels() { return channels; }
    SmtpServerMetrics metrics() { return config.metrics(); }
}
