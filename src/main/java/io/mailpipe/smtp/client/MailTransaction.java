package io.mailpipe.smtp.client;

import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One mail transaction on an open session (RFC 5321 §3.3): checks first what the server cannot take (SMTPUTF8 per
 * RFC 6531 §3.4 without downgrade, binary content, the SIZE limit of RFC 1870 §6), then MAIL, every RCPT and DATA —
 * written in one batch when the server offers PIPELINING (RFC 2920 §3.1), one by one otherwise — and, when at least
 * one recipient was accepted, the dot-stuffed content. On a reused connection RSET goes first (§4.1.1.5).
 * Each recipient ends with the reply that decided it.
 */
final class MailTransaction {

    static final SmtpReply NEEDS_SMTPUTF8 = SmtpReply.of(553, "5.6.7",
            "message needs SMTPUTF8, which the server does not offer; not downgraded");
    static final SmtpReply NEEDS_BDAT = SmtpReply.of(554, "5.6.3",
            "binary content needs BDAT, which this client does not send");

    private final ClientSession session;
    private final OutboundMessage message;
    private final ClientTimeouts timeouts;
    private final boolean reset;

    MailTransaction(ClientSession session, OutboundMessage message, ClientTimeouts timeouts, boolean reset) {
        this.session = session;
        this.message = message;
        this.timeouts = timeouts;
        this.reset = reset;
    }

    CompletableFuture<TransactionResult> run() {
        SmtpReply refusal = precheck();
        if (refusal != null) {
            return CompletableFuture.completedFuture(all(refusal));
        }
        CompletableFuture<Map<String, SmtpReply>> replies = session.capabilities().pipelining() ? pipelined()
                : stepwise();
        return replies.handle((map, error) -> {
            if (error != null) {
                return all(ClientFailure.of(error).reply());
            }
            return new TransactionResult(map, false, session.tlsProtocol());
        });
    }

    private SmtpReply precheck() {
        ServerCapabilities caps = session.capabilities();
        if (message.needsSmtputf8() && !caps.smtputf8()) {
            return NEEDS_SMTPUTF8;
        }
        if (message.mailFrom().body() == MailFrom.BodyType.BINARY_MIME) {
            return NEEDS_BDAT;
        }
        long length = message.content().length();
        if (caps.size() && caps.maxSize() > 0 && length > caps.maxSize()) {
            return SmtpReply.of(552, "5.3.4", "message size " + length + " exceeds the server's limit of "
                    + caps.maxSize() + " (" + session.destination().hostName() + ")");
        }
        return null;
    }

    private CompletableFuture<Map<String, SmtpReply>> pipelined() {
        List<String> lines = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        List<Duration> limits = new ArrayList<>();
        if (reset) {
            add(lines, steps, limits, "RSET", "RSET", timeouts.rset());
        }
        add(lines, steps, limits, TransactionCommands.mail(message, session.capabilities()), "MAIL", timeouts.mail());
        for (Recipient r : message.recipients()) {
            add(lines, steps, limits, TransactionCommands.rcpt(r, session.capabilities()), "RCPT", timeouts.rcpt());
        }
        add(lines, steps, limits, "DATA", "DATA", timeouts.dataInit());
        List<CompletableFuture<SmtpReply>> replies = session.connection().pipeline(lines, steps, limits);
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                .thenCompose(ignored -> {
                    int first = reset ? 1 : 0;
                    List<SmtpReply> rcpt = new ArrayList<>();
                    for (int i = 0; i < message.recipients().size(); i++) {
                        rcpt.add(replies.get(first + 1 + i).join());
                    }
                    return afterData(replies.get(first).join(), rcpt, replies.get(replies.size() - 1).join());
                });
    }

    private static void add(List<String> lines, List<String> steps, List<Duration> limits, String line, String step,
                            Duration limit) {
        lines.add(line);
        steps.add(step);
        limits.add(limit);
    }

    private CompletableFuture<Map<String, SmtpReply>> stepwise() {
        SmtpConnection connection = session.connection();
        CompletableFuture<SmtpReply> start = reset ? connection.command("RSET", "RSET", timeouts.rset())
                : CompletableFuture.completedFuture(null);
        return start.thenCompose(ignored -> connection.command(TransactionCommands.mail(message,
                        session.capabilities()), "MAIL", timeouts.mail()))
                .thenCompose(mail -> {
                    if (!mail.isPositive()) {
                        return CompletableFuture.completedFuture(sameForAll(mail));
                    }
                    return recipientsOneByOne(0, new ArrayList<>()).thenCompose(rcpt -> {
                        if (rcpt.stream().noneMatch(SmtpReply::isPositive)) {
                            return CompletableFuture.completedFuture(perRecipient(rcpt, null));
                        }
                        return connection.command("DATA", "DATA", timeouts.dataInit())
                                .thenCompose(data -> afterData(mail, rcpt, data));
                    });
                });
    }

    private CompletableFuture<List<SmtpReply>> recipientsOneByOne(int index, List<SmtpReply> done) {
        if (index == message.recipients().size()) {
            return CompletableFuture.completedFuture(done);
        }
        Recipient recipient = message.recipients().get(index);
        return session.connection().command(TransactionCommands.rcpt(recipient, session.capabilities()), "RCPT",
                timeouts.rcpt()).thenCompose(reply -> {
                    done.add(reply);
                    return recipientsOneByOne(index + 1, done);
                });
    }

    private CompletableFuture<Map<String, SmtpReply>> afterData(SmtpReply mail, List<SmtpReply> rcpt,
                                                                SmtpReply data) {
        if (!mail.isPositive()) {
            return CompletableFuture.completedFuture(sameForAll(mail));
        }
        boolean anyAccepted = rcpt.stream().anyMatch(SmtpReply::isPositive);
        if (data.code() != 354) {
            return CompletableFuture.completedFuture(perRecipient(rcpt, data));
        }
        if (!anyAccepted) {
            return session.connection().command(".", "empty data", timeouts.dataTermination())
                    .thenApply(ignored -> perRecipient(rcpt, null));
        }
        return session.connection().sendContent(openContent(), timeouts.dataBlock(), timeouts.dataTermination())
                .thenApply(end -> perRecipient(rcpt, end));
    }

    private InputStream openContent() {
        try {
            return message.content().open();
        } catch (IOException e) {
            session.connection().fail(new ClientFailure(ClientFailure.Kind.CONNECTION_LOST,
                    "cannot read the message content: " + e.getMessage(), e));
            throw new ClientFailure(ClientFailure.Kind.CONNECTION_LOST,
                    "cannot read the message content: " + e.getMessage(), e).unchecked();
        }
    }

    /** The RCPT reply for refused recipients; for accepted ones the final reply (or the DATA refusal). */
    private Map<String, SmtpReply> perRecipient(List<SmtpReply> rcpt, SmtpReply finalReply) {
        Map<String, SmtpReply> result = new LinkedHashMap<>();
        for (int i = 0; i < rcpt.size(); i++) {
            SmtpReply r = rcpt.get(i);
            result.put(message.recipients().get(i).address(), r.isPositive() && finalReply != null ? finalReply : r);
        }
        return result;
    }

    private Map<String, SmtpReply> sameForAll(SmtpReply reply) {
        Map<String, SmtpReply> result = new LinkedHashMap<>();
        message.recipients().forEach(r -> result.put(r.address(), reply));
        return result;
    }

    private TransactionResult all(SmtpReply reply) {
        return TransactionResult.all(message, reply, false, session.tlsProtocol());
    }
}
