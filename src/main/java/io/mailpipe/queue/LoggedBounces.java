package io.mailpipe.queue;

import io.mailpipe.smtp.MessageBytes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;

/**
 * The bounce sink used until a DSN builder (RFC 3464) is configured: logs each failure report that would have been
 * sent, with the sender, the failed recipients and their last replies, so no bounce goes unnoticed.
 */
public final class LoggedBounces implements BounceSink {

    private static final Logger LOG = LoggerFactory.getLogger(LoggedBounces.class);

    @Override
    public void bounce(QueueRecord message, MessageBytes body, List<RecipientState> failed, BounceReason reason) {
        for (RecipientState recipient : failed) {
            LOG.warn("no bounce sink configured; failure report not sent: queue id {} from <{}> to <{}> {} ({})",
                    message.queueId(), message.mailFrom().reversePath(), recipient.address(), reason,
                    recipient.lastReply());
        }
    }
}
