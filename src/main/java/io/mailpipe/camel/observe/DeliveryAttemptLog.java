package io.mailpipe.camel.observe;

import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.smtp.SmtpReply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logfmt line per delivery attempt of a message on logger {@code mailpipe.delivery}, one per group of recipients
 * that got the same reply from the same mail exchanger: queue id, Message-ID (RFC 5322 §3.6.4), attempt number,
 * recipients, MX host, reply code, enhanced status (RFC 3463) and text, and outcome (delivered, transient,
 * permanent).
 */
public final class DeliveryAttemptLog {

    static final String LOGGER = "mailpipe.delivery";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /** What identifies the attempt: queue id, Message-ID and attempt number, each may be null. */
    public record Attempt(String queueId, String messageId, Integer number) {
    }

    private DeliveryAttemptLog() {
    }

    public static void log(Attempt attempt, DeliveryReport report) {
        if (LOG.isInfoEnabled()) {
            lines(attempt, report).forEach(LOG::info);
        }
    }

    static List<String> lines(Attempt attempt, DeliveryReport report) {
        Map<List<Object>, List<String>> groups = new LinkedHashMap<>();
        for (RecipientResult r : report.results()) {
            groups.computeIfAbsent(List.of(r.outcome(), Objects.toString(r.mxHost(), ""), r.reply()),
                    k -> new ArrayList<>()).add(r.recipient());
        }
        List<String> lines = new ArrayList<>();
        groups.forEach((key, recipients) -> lines.add(line(attempt, key, recipients)));
        return lines;
    }

    private static String line(Attempt attempt, List<Object> key, List<String> recipients) {
        SmtpReply reply = (SmtpReply) key.get(2);
        String mx = (String) key.get(1);
        return Logfmt.line().add("queue_id", attempt.queueId()).add("message_id", attempt.messageId())
                .add("attempt", attempt.number()).add("rcpt", String.join(",", recipients))
                .add("mx", mx.isEmpty() ? null : mx).add("code", reply.code())
                .add("status", reply.enhancedStatus()).add("reply", String.join(" ", reply.lines()))
                .add("outcome", key.get(0).toString().toLowerCase(Locale.ROOT)).toString();
    }
}
