package io.mailpipe.queue;

import io.mailpipe.smtp.MessageBytes;
import io.mailpipe.smtp.Recipient;

import java.util.List;

/**
 * Hands the recipients of an {@link AttemptResolution} to a {@link BounceSink} when a report is due: not for the
 * null reverse-path (RFC 5321 §4.5.5, RFC 3464 §2), and only for recipients whose NOTIFY asks for failure reports
 * (RFC 3461 §4.1: absent NOTIFY means FAILURE and DELAY).
 */
public final class BounceNotices {

    private final BounceSink sink;

    public BounceNotices(BounceSink sink) {
        this.sink = sink;
    }

    /** Reports the resolution's failed recipients under {@code failedReason} and its expired ones as EXPIRED. */
    public void send(AttemptResolution resolution, MessageBytes body, BounceReason failedReason) throws Exception {
        send(resolution.record(), body, resolution.failed(), failedReason);
        send(resolution.record(), body, resolution.expired(), BounceReason.EXPIRED);
    }

    public void send(QueueRecord record, MessageBytes body, List<RecipientState> recipients, BounceReason reason)
            throws Exception {
        if (record.mailFrom().isNullSender()) {
            return;
        }
        List<RecipientState> wanted = recipients.stream().filter(BounceNotices::wantsFailureReport).toList();
        if (!wanted.isEmpty()) {
            sink.bounce(record, body, wanted, reason);
        }
    }

    static boolean wantsFailureReport(RecipientState state) {
        var notify = state.recipient().notifyOn();
        return notify.isEmpty() || notify.contains(Recipient.Notify.FAILURE);
    }
}
