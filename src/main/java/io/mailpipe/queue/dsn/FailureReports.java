package io.mailpipe.queue.dsn;

import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.MessageBytes;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The failure report every bounce sink sends for the recipients the queue gave up on: an RFC 3464 delivery status
 * notification built by {@link DsnBuilder}, with each recipient's last reply (expired untried ones as 4.4.7,
 * RFC 3464 §2.3.3), sent from the null reverse-path to the original sender (RFC 5321 §4.5.5, §6.1; RFC 3461 §6).
 */
public final class FailureReports {

    private static final SmtpReply EXPIRED_UNTRIED = SmtpReply.of(451, "4.4.7", "delivery time expired");

    private FailureReports() {
    }

    /** The report for {@code failed}, or empty when no recipient's NOTIFY asks for one (RFC 3461 §4.1). */
    public static Optional<byte[]> render(String reportingMta, QueueRecord message, MessageBytes body,
            List<RecipientState> failed) throws IOException {
        DsnRequest request = new DsnRequest(reportingMta, message.mailFrom(),
                message.recipients().stream().map(RecipientState::recipient).toList(),
                failed.stream().map(FailureReports::failure).toList(), message.receivedAt());
        if (!request.isRequired()) {
            return Optional.empty();
        }
        ByteArrayOutputStream dsn = new ByteArrayOutputStream();
        try (InputStream original = body.open()) {
            DsnBuilder.write(request, original, dsn);
        }
        return Optional.of(dsn.toByteArray());
    }

    /** The reverse-path of a report: null, so that a report is never reported on (RFC 5321 §4.5.5). */
    public static MailFrom nullReversePath() {
        return new MailFrom("", OptionalLong.empty(), MailFrom.BodyType.EIGHT_BIT_MIME, false, null, null);
    }

    /** The one recipient of a report: the original sender, without DSN parameters. */
    public static Recipient reportRecipient(QueueRecord message) {
        return new Recipient(message.mailFrom().reversePath(), Set.of(), null);
    }

    /** Every given-up recipient as a permanent failure with its last reply. */
    private static RecipientResult failure(RecipientState state) {
        SmtpReply reply = state.lastReply() != null ? state.lastReply() : EXPIRED_UNTRIED;
        return new RecipientResult(state.address(), RecipientOutcome.PERMANENT, reply, state.mxHost(), null);
    }
}
