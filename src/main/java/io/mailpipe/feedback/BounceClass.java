package io.mailpipe.feedback;

import io.mailpipe.smtp.SmtpReply;

import java.util.Objects;

/**
 * How one failure reply was read: its {@link BounceCategory} and the RFC 3463 §2 class of its status
 * ({@code success}, {@code transient} for a persistent transient failure, {@code permanent}), taken from the
 * enhanced status code, else from the first digit of the basic code (RFC 5321 §4.2.1).
 */
public record BounceClass(BounceCategory category, String statusClass) {

    public BounceClass {
        Objects.requireNonNull(category, "category");
    }

    /** The RFC 3463 class text of a reply, or null when there is no reply. */
    public static String statusClassOf(SmtpReply reply) {
        if (reply == null) {
            return null;
        }
        char digit = reply.enhancedStatus() != null && !reply.enhancedStatus().isEmpty()
                ? reply.enhancedStatus().charAt(0) : Integer.toString(reply.code()).charAt(0);
        return switch (digit) {
            case '2' -> "success";
            case '4' -> "transient";
            case '5' -> "permanent";
            default -> null;
        };
    }
}
