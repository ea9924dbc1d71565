package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.BdatCommand;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.ReceivedField;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SessionInfo;
import io.mailpipe.smtp.SmtpCommand;
import io.mailpipe.smtp.SmtpReplies;
import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.server.SessionSummary;
import io.mailpipe.smtp.server.SmtpServerConfig;
import io.mailpipe.smtp.server.auth.SaslMechanism;
import io.mailpipe.smtp.server.command.SessionContext;
import io.mailpipe.smtp.server.command.SessionState;
import io.mailpipe.smtp.server.command.Transaction;
import io.mailpipe.smtp.server.tls.StartTlsCommandInjectionGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One SMTP session on one connection (RFC 5321 §3, §4.1.4): its state, client facts, open transaction and input
 * loop. Runs on its channel's event loop only; work that may block is handed to the worker executor, and the loop
 * is suspended (input buffered, not processed) until the result comes back.
 */
final class SmtpSession implements SessionContext {

    /** Input buffered while suspended beyond which the channel stops reading. */
    private static final int SUSPENDED_INPUT_LIMIT = 64 * 1024;

    private final ServerContext server;
    private final Channel channel;
    private final ByteBuf input;
    private final CommandInput commandInput;
    private final MessageBodyInput body;
    private final SerialExecutor work;
    private InputMode mode;
    private SessionState state = SessionState.CONNECTED;
    private String heloName;
    private boolean extended;
    private Transaction transaction;
    private String tlsProtocol;
    private String tlsCipher;
    private String authenticatedUser;
    private int errors;
    private int authFailures;
    private boolean suspended;
    private boolean closing;
    private boolean draining;
    private final long startedNanos = System.nanoTime();
    private final List<String> acceptedQueueIds = new ArrayList<>();
    private int rejectedMessages;
    private SmtpReply closingReply;

    SmtpSession(ServerContext server, Channel channel) {
        this.server = server;
        this.channel = channel;
        this.input = channel.alloc().buffer();
        this.commandInput = new CommandInput(this, server.config().maxCommandLineLength());
        this.work = new SerialExecutor(server.config().workerExecutor());
        this.body = new MessageBodyInput(this);
        this.mode = commandInput;
    }

    // ---- input loop -------------------------------------------------------------------------------------------

    void received(ByteBuf bytes) {
        if (!closing) {
            input.writeBytes(bytes);
        }
        if (suspended && input.readableBytes() > SUSPENDED_INPUT_LIMIT) {
            channel.config().setAutoRead(false);
        }
        process();
    }

    void process() {
        while (!suspended && !closing && mode.process(input)) {
            if (draining && mode == commandInput && !suspended) {
                close(SmtpReplies.SHUTTING_DOWN);
            }
        }
        flush();
        input.discardSomeReadBytes();
    }

    /**
     * Stops processing input until {@link #resume}. The channel keeps reading into the buffer, since a client that
     * waits for its reply sends nothing meanwhile; one that does not is stopped once {@link #SUSPENDED_INPUT_LIMIT}
     * octets wait (back-pressure without an epoll change per message).
     */
    void suspend() {
        suspended = true;
        flush();
    }

    /** Continues reading after an asynchronous step; must run on the event loop. */
    void resume() {
        suspended = false;
        if (closing) {
            return;
        }
        if (draining && mode == commandInput) {
            close(SmtpReplies.SHUTTING_DOWN);
            return;
        }
        if (!channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
        process();
    }

    /** Puts bytes handed to a worker and not consumed back in front of the buffered input. */
    void unread(ByteBuffer leftover) {
        if (closing || !leftover.hasRemaining()) {
            return;
        }
        ByteBuf rest = input.readBytes(input.readableBytes());
        input.clear().writeBytes(leftover).writeBytes(rest);
        rest.release();
    }

    void mode(InputMode next) {
        mode = next;
    }

    void commandMode() {
        mode = commandInput;
    }

    boolean readingContent() {
        return mode.readingContent();
    }

    boolean suspended() {
        return suspended;
    }

    boolean draining() {
        return draining;
    }

    /** Graceful shutdown: an idle session closes now, one receiving a message after its final reply. */
    void drain() {
        draining = true;
        if (!suspended && mode == commandInput && !closing) {
            close(SmtpReplies.SHUTTING_DOWN);
        }
    }

    void dispatch(SmtpCommand command) {
        server.dispatcher().dispatch(command, this);
    }

    // ---- replies ----------------------------------------------------------------------------------------------

    @Override
    public void reply(SmtpReply reply) {
        write(reply);
        if (!reply.isPositive() && !closing && ++errors >= server.config().maxErrors()) {
            close(SmtpReplies.TOO_MANY_ERRORS);
        }
    }

    /** Sends the outcome of a message; not counted as a client error. */
    void replyOutcome(SmtpReply reply) {
        write(reply);
        flush();
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public void close(SmtpReply lastReply) {
        if (closing) {
            return;
        }
        closing = true;
        closingReply = lastReply;
        channel.writeAndFlush(Unpooled.wrappedBuffer(lastReply.toWire())).addListener(ChannelFutureListener.CLOSE);
    }

    boolean closing() {
        return closing;
    }

    private void write(SmtpReply reply) {
        if (!closing) {
            channel.write(Unpooled.wrappedBuffer(reply.toWire()), channel.voidPromise());
        }
    }

    // ---- session facts ----------------------------------------------------------------------------------------

    @Override
    public SmtpServerConfig config() {
        return server.config();
    }

    ServerContext server() {
        return server;
    }

    Channel channel() {
        return channel;
    }

    /** This session's blocking work, run in order on the worker executor. */
    SerialExecutor work() {
        return work;
    }

    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public boolean tlsActive() {
        return tlsProtocol != null;
    }

    @Override
    public boolean authenticated() {
        return authenticatedUser != null;
    }

    @Override
    public Transaction transaction() {
        return transaction;
    }

    @Override
    public boolean relayAllowed(Recipient recipient) {
        InetSocketAddress client = (InetSocketAddress) channel.remoteAddress();
        return server.relayPolicy().allows(recipient, client.getAddress(), authenticated());
    }

    SessionInfo sessionInfo() {
        boolean utf8 = transaction != null && transaction.mailFrom().smtputf8();
        return new SessionInfo((InetSocketAddress) channel.remoteAddress(), heloName,
                ReceivedField.protocolName(extended, tlsActive(), authenticated(), utf8), tlsProtocol, tlsCipher,
                authenticatedUser);
    }

    String heloName() {
        return heloName;
    }

    /** Counts the outcome of a message at the end of data; runs on the event loop. */
    void messageAnswered(SmtpReply reply, String queueId) {
        if (reply.isPositive()) {
            acceptedQueueIds.add(queueId);
        } else {
            rejectedMessages++;
        }
    }

    /** What this session amounted to; for when it has ended. */
    SessionSummary summary() {
        return new SessionSummary((InetSocketAddress) channel.remoteAddress(), heloName, tlsProtocol, tlsCipher,
                authenticatedUser, acceptedQueueIds.size(), rejectedMessages, acceptedQueueIds,
                Duration.ofNanos(System.nanoTime() - startedNanos), SessionSummary.endingOf(closingReply),
                closingReply);
    }

    // ---- state machine ----------------------------------------------------------------------------------------

    @Override
    public void greeted(String name, boolean isExtended) {
        resetTransaction();
        heloName = name;
        extended = isExtended;
        state = SessionState.GREETED;
    }

    @Override
    public void beginTransaction(MailFrom mailFrom) {
        transaction = new Transaction(mailFrom);
        state = SessionState.MAIL;
    }

    @Override
    public void addRecipient(Recipient recipient) {
        transaction.addRecipient(recipient);
        state = SessionState.RCPT;
    }

    /** Marks that BDAT chunks are being collected for the transaction (RFC 3030 §2). */
    void chunking() {
        state = SessionState.BDAT;
    }

    @Override
    public void resetTransaction() {
        body.abandon();
        transaction = null;
        state = heloName == null ? SessionState.CONNECTED : SessionState.GREETED;
    }

    /** Session facts learnt before TLS are forgotten once it is up (RFC 3207 §4.2). */
    void tlsEstablished(String protocol, String cipher) {
        resetTransaction();
        heloName = null;
        extended = false;
        authenticatedUser = null;
        state = SessionState.CONNECTED;
        tlsProtocol = protocol;
        tlsCipher = cipher;
    }

    void authenticatedAs(String user) {
        authenticatedUser = user;
    }

    /** Counts a failed AUTH; true when the limit is reached. */
    boolean authFailed() {
        return ++authFailures >= server.config().maxAuthFailures();
    }

    // ---- exchanges that leave command mode ---------------------------------------------------------------------

    @Override
    public void receiveData() {
        body.startData();
    }

    @Override
    public void receiveChunk(BdatCommand command) {
        body.startChunk(command);
    }

    @Override
    public void discardChunk(BdatCommand command, SmtpReply refusal) {
        body.discardChunk(command, refusal);
    }

    @Override
    public void startTls() {
        flush();
        StartTlsCommandInjectionGuard.switchToTls(channel, server.sslContext(), input);
        resetTransaction();
        heloName = null;
        authenticatedUser = null;
        state = SessionState.CONNECTED;
        channel.writeAndFlush(Unpooled.wrappedBuffer(SmtpReplies.READY_TLS.toWire()));
    }

    @Override
    public void authenticate(SaslMechanism mechanism, String initialResponse) {
        new AuthExchange(this, mechanism).start(initialResponse);
    }

    /** The connection went away: drop buffered input and any message in progress. */
    void closed() {
        closing = true;
        body.abandon();
        input.release();
    }
}
