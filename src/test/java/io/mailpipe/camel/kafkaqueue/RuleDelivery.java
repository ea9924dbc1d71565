package io.mailpipe.camel.kafkaqueue;

import io.mailpipe.camel.smtpd.SmtpdConstants;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.PermanentDeliveryException;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.delivery.TransientDeliveryException;
import io.mailpipe.smtp.SmtpReply;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A delivery endpoint for tests that answers by the recipient's local part: {@code ok...} 250, {@code perm...} 550
 * 5.1.1, {@code tempN...} 451 4.3.0 for its first N attempts and 250 after, {@code tempforever...} always 451. It
 * raises the exceptions the mx: producer raises, with a per-recipient report, and records every recipient it
 * delivered (in memory, and as a line "queueId recipient" appended to {@code log} when set, written through before
 * it returns so a killed process leaves the line behind).
 */
public class RuleDelivery implements Processor {

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private Path log;

    public void setLog(String log) {
        this.log = Path.of(log);
    }

    public List<String> delivered() {
        return delivered;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String queueId = exchange.getMessage().getHeader(SmtpdConstants.QUEUE_ID, String.class);
        @SuppressWarnings("unchecked")
        List<String> recipients = exchange.getMessage().getHeader(SmtpdConstants.RCPT_TO, List.class);
        List<RecipientResult> results = new ArrayList<>();
        for (String recipient : recipients) {
            int attempt = attempts.computeIfAbsent(queueId + " " + recipient, k -> new AtomicInteger()).incrementAndGet();
            results.add(answer(recipient, attempt));
        }
        List<String> done = results.stream().filter(r -> r.outcome() == RecipientOutcome.DELIVERED)
                .map(r -> queueId + " " + r.recipient()).toList();
        record(done);
        DeliveryReport report = new DeliveryReport(results);
        if (!report.with(RecipientOutcome.TRANSIENT).isEmpty()) {
            throw new TransientDeliveryException("some recipients deferred", report);
        }
        if (!report.with(RecipientOutcome.PERMANENT).isEmpty()) {
            throw new PermanentDeliveryException("some recipients refused", report);
        }
    }

    private static RecipientResult answer(String recipient, int attempt) {
        String local = recipient.substring(0, recipient.indexOf('@'));
        if (local.startsWith("perm")) {
            return result(recipient, RecipientOutcome.PERMANENT, SmtpReply.of(550, "5.1.1", "no such user"));
        }
        if (local.startsWith("tempforever") || (local.startsWith("temp") && attempt <= digit(local))) {
            return result(recipient, RecipientOutcome.TRANSIENT, SmtpReply.of(451, "4.3.0", "try later " + attempt));
        }
        return result(recipient, RecipientOutcome.DELIVERED, SmtpReply.of(250, "2.0.0", "ok"));
    }

    private static int digit(String local) {
        return local.length() > 4 && Character.isDigit(local.charAt(4)) ? local.charAt(4) - '0' : 0;
    }

    private static RecipientResult result(String recipient, RecipientOutcome outcome, SmtpReply reply) {
        return new RecipientResult(recipient, outcome, reply, "mx.test", "127.0.0.1");
    }

    private synchronized void record(List<String> done) throws IOException {
        delivered.addAll(done);
        if (log == null || done.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        done.forEach(line -> lines.append(line).append('\n'));
        try (FileChannel out = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }
}
