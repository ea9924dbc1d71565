package io.mailpipe.queue;

import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** Queue records for tests. */
public final class QueueRecords {

    private QueueRecords() {
    }

    public static QueueRecord accepted(String queueId, Instant at, String from, String... recipients) {
        MailFrom mailFrom = new MailFrom(from, OptionalLong.empty(), MailFrom.BodyType.EIGHT_BIT_MIME, false, null,
                null);
        List<Recipient> rcpts = Arrays.stream(recipients).map(a -> new Recipient(a, Set.of(), null)).toList();
        return QueueRecord.accepted(queueId, at, mailFrom, rcpts, "192.0.2.7", "client.example");
    }

    /** A fresh record whose sender's cut-off is {@code notAfter}. */
    public static QueueRecord acceptedUntil(String queueId, Instant at, Instant notAfter, String from,
                                            String... recipients) {
        QueueRecord record = accepted(queueId, at, from, recipients);
        return QueueRecord.accepted(queueId, at, record.mailFrom(),
                record.recipients().stream().map(RecipientState::recipient).toList(), record.clientIp(),
                record.heloName(), MessageTags.NONE, notAfter);
    }
}
