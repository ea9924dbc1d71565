package io.mailpipe.queue.dsn;

import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a delivery status notification reports on (RFC 3464 §2.2, §2.3): the reporting MTA's name, the original
 * envelope (reverse-path, RET and ENVID; each recipient's NOTIFY and ORCPT of RFC 3461), when the message arrived,
 * and the per-recipient results of the last attempt.
 */
public record DsnRequest(String reportingMta, MailFrom originalFrom, List<Recipient> originalRecipients,
                         List<RecipientResult> results, Instant arrivalDate) {

    public DsnRequest {
        Objects.requireNonNull(reportingMta, "reportingMta");
        Objects.requireNonNull(originalFrom, "originalFrom");
        originalRecipients = List.copyOf(originalRecipients);
        results = List.copyOf(results);
        Objects.requireNonNull(arrivalDate, "arrivalDate");
    }

    /**
     * The failed recipients a DSN must name (RFC 3461 §4.1): permanent failures whose NOTIFY includes FAILURE or
     * was not given; none at all for the null reverse-path (RFC 5321 §4.5.5, no bounce of a bounce).
     */
    public List<RecipientResult> reportableFailures() {
        if (originalFrom.isNullSender()) {
            return List.of();
        }
        return results.stream().filter(r -> r.outcome() == RecipientOutcome.PERMANENT)
                .filter(r -> wantsFailureNotice(recipient(r.recipient()))).toList();
    }

    public boolean isRequired() {
        return !reportableFailures().isEmpty();
    }

    /** The envelope recipient with this address, or a plain one when it is not in the envelope. */
    public Recipient recipient(String address) {
        return originalRecipients.stream().filter(r -> r.address().equalsIgnoreCase(address)).findFirst()
                .orElse(new Recipient(address, java.util.Set.of(), null));
    }

    private static boolean wantsFailureNotice(Recipient recipient) {
        return recipient.notifyOn().isEmpty() || recipient.notifyOn().contains(Recipient.Notify.FAILURE);
    }
}
