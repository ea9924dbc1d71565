package io.mailpipe.camel.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mailpipe.camel.smtpd.SmtpdConstants;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores each received message durably as {@code <queue id>.eml} (the raw bytes) with {@code <queue id>.json} (its
 * envelope) beside it: each file is written under a temporary name, forced to disk, renamed into place and the
 * directory forced, so a message whose exchange completed (and got its 250, RFC 5321 §6.1) survives a crash. The
 * envelope file lands first; a present .eml therefore always has its envelope.
 */
public class MaildropWriter implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Path directory = Path.of("data", "maildrop");

    public void setDirectory(String directory) {
        this.directory = Path.of(directory);
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        String queueId = exchange.getMessage().getHeader(SmtpdConstants.QUEUE_ID, String.class);
        if (queueId == null || !queueId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("maildrop: missing or unsafe queue id header " + SmtpdConstants.QUEUE_ID);
        }
        Files.createDirectories(directory);
        byte[] envelope = JSON.writeValueAsBytes(envelopeDocument(exchange));
        writeDurably(queueId + ".json", out -> out.write(envelope));
        RawMessage message = RawMessages.body(exchange);
        writeDurably(queueId + ".eml", message::writeTo);
        forceDirectory();
    }

    private static Map<String, Object> envelopeDocument(Exchange exchange) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", 1);
        document.put("queueId", exchange.getMessage().getHeader(SmtpdConstants.QUEUE_ID));
        document.put("receivedAt", exchange.getMessage().getHeader(SmtpdConstants.RECEIVED_AT, String.class));
        Envelope envelope = exchange.getMessage().getHeader(SmtpdConstants.ENVELOPE, Envelope.class);
        if (envelope != null) {
            document.put("mailFrom", mailFromDocument(envelope.mailFrom()));
            document.put("recipients", envelope.recipients().stream().map(MaildropWriter::recipientDocument).toList());
        }
        document.put("clientIp", exchange.getMessage().getHeader(SmtpdConstants.CLIENT_IP));
        document.put("heloName", exchange.getMessage().getHeader(SmtpdConstants.HELO_NAME));
        document.put("protocol", exchange.getMessage().getHeader(SmtpdConstants.PROTOCOL));
        document.put("tlsProtocol", exchange.getMessage().getHeader(SmtpdConstants.TLS_PROTOCOL));
        document.put("tlsCipher", exchange.getMessage().getHeader(SmtpdConstants.TLS_CIPHER));
        document.put("authenticatedUser", exchange.getMessage().getHeader(SmtpdConstants.AUTHENTICATED_USER));
        return document;
    }

    private static Map<String, Object> mailFromDocument(MailFrom from) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("reversePath", from.reversePath());
        from.declaredSize().ifPresent(size -> document.put("size", size));
        document.put("body", from.body() == null ? null : from.body().name());
        document.put("smtputf8", from.smtputf8());
        document.put("ret", from.ret() == null ? null : from.ret().name());
        document.put("envid", from.envelopeId());
        return document;
    }

    private static Map<String, Object> recipientDocument(Recipient recipient) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("address", recipient.address());
        document.put("notify", recipient.notifyOn().stream().map(Enum::name).sorted().toList());
        document.put("orcpt", recipient.originalRecipient());
        return document;
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private void writeDurably(String name, Content content) throws IOException {
        Path temporary = directory.resolve("." + name + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
        Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
