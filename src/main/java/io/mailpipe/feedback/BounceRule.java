package io.mailpipe.feedback;

import io.mailpipe.smtp.SmtpReply;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One classification rule: a name (for errors and logs), an optional {@link StatusPattern} over the RFC 3463
 * enhanced status code and an optional case-insensitive regular expression searched in the reply text; a reply
 * matches when every condition given matches (at least one is required). The category is what a match yields.
 */
public record BounceRule(String name, StatusPattern status, Pattern text, BounceCategory category) {

    public BounceRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        if (status == null && text == null) {
            throw new IllegalArgumentException("rule " + name + " needs a status pattern or a text expression");
        }
    }

    public boolean matches(SmtpReply reply) {
        if (status != null && !status.matches(reply.enhancedStatus())) {
            return false;
        }
        return text == null || text.matcher(String.join(" ", reply.lines())).find();
    }
}
