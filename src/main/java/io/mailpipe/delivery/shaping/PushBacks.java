package io.mailpipe.delivery.shaping;

import io.mailpipe.smtp.SmtpReply;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Classifies the replies of one transaction for back-off: a push-back is a 421 (RFC 5321 §4.2.3, service closing),
 * a 4.7.x enhanced status (RFC 3463 §3.8, security or policy status — providers use it for rate limits) or a 4xx
 * whose text speaks of rate limits or too many messages or connections; any other 4xx is a transient failure; a
 * transaction whose replies are all positive is a delivery.
 */
final class PushBacks {

    private static final Pattern RATE_WORDING = Pattern.compile(
            "rate.?limit|too many|throttl|sending rate|slow down|deferred due to", Pattern.CASE_INSENSITIVE);

    private PushBacks() {
    }

    static SiteBackOff.ReplyKind classify(Collection<SmtpReply> replies) {
        boolean transientSeen = false;
        boolean allPositive = !replies.isEmpty();
        for (SmtpReply reply : replies) {
            if (isPushBack(reply)) {
                return SiteBackOff.ReplyKind.PUSH_BACK;
            }
            transientSeen |= reply.isTransientFailure();
            allPositive &= reply.isPositive();
        }
        if (transientSeen) {
            return SiteBackOff.ReplyKind.TRANSIENT;
        }
        return allPositive ? SiteBackOff.ReplyKind.DELIVERED : SiteBackOff.ReplyKind.OTHER;
    }

    static boolean isPushBack(SmtpReply reply) {
        if (!reply.isTransientFailure()) {
            return false;
        }
        String status = reply.enhancedStatus() == null ? "" : reply.enhancedStatus();
        return reply.code() == 421 || status.startsWith("4.7.")
                || RATE_WORDING.matcher(String.join(" ", reply.lines()).toLowerCase(Locale.ROOT)).find();
    }
}
