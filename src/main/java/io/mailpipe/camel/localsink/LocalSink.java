package io.mailpipe.camel.localsink;

import io.mailpipe.camel.mx.DeliveryEnvelope;
import io.mailpipe.camel.mx.MxConstants;
import io.mailpipe.camel.smtpd.SmtpdConstants;
import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.camel.support.RawMessages;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A delivery endpoint that keeps mail on local disk instead of sending it on (final delivery in the sense of
 * RFC 5321 §6.1: once it returns, the message is ours to keep): each delivery becomes {@code NAME.eml}, the message
 * exactly as queued, and {@code NAME.json}, its envelope ({@link EnvelopeJson}), both written atomically and
 * durably, the envelope last, so a reader that sees the {@code .json} finds the whole message beside it. NAME is
 * the queue id (the exchange id when there is none) and a digest of the recipients, so delivering the same
 * recipients again (at-least-once redelivery) rewrites the same pair, while other recipients of the same message get
 * their own. Every recipient is reported delivered (250 2.0.0) in {@code MailpipeDeliveryReport}; a write failure is
 * thrown and the queue retries it.
 */
public class LocalSink {

    private Path directory = Path.of("data/outbox");

    public void setDirectory(String directory) {
        this.directory = Path.of(directory);
    }

    public String getDirectory() {
        return directory.toString();
    }

    /** Stores the exchange's message and envelope; sets the per-recipient report. */
    public void write(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        Envelope envelope = DeliveryEnvelope.ofHeaders(message);
        RawMessage body = RawMessages.body(exchange);
        String queueId = message.getHeader(SmtpdConstants.QUEUE_ID, String.class);
        String name = fileName(queueId != null ? queueId : exchange.getExchangeId(), envelope);
        Files.createDirectories(directory);
        AtomicFiles.write(directory.resolve(name + ".eml"), body::writeTo);
        byte[] json = EnvelopeJson.render(message, envelope, name + ".eml");
        AtomicFiles.write(directory.resolve(name + ".json"), out -> out.write(json));
        AtomicFiles.syncDirectory(directory);
        SmtpReply stored = SmtpReply.of(250, "2.0.0", "stored as " + name + ".eml");
        message.setHeader(MxConstants.DELIVERY_REPORT, new DeliveryReport(envelope.recipients().stream()
                .map(r -> new RecipientResult(r.address(), RecipientOutcome.DELIVERED, stored, null, null)).toList()));
    }

    static String fileName(String queueId, Envelope envelope) {
        MessageDigest digest = sha256();
        envelope.recipients().stream().map(Recipient::address).map(a -> a.toLowerCase(Locale.ROOT)).sorted()
                .forEach(a -> digest.update((a + "\n").getBytes(StandardCharsets.UTF_8)));
        String recipients = HexFormat.of().formatHex(digest.digest(), 0, 6);
        return queueId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + recipients;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
