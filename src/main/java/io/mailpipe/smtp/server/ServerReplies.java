package io.mailpipe.smtp.server;

import io.mailpipe.smtp.SmtpReplies;
import io.mailpipe.smtp.SmtpReply;

/**
 * Replies the server engine needs beyond {@link SmtpReplies}: the AUTH exchange outcomes of RFC 4954 §4 and the
 * per-chunk BDAT acknowledgement of RFC 3030 §2.
 */
public final class ServerReplies {

    /** RFC 4954 §4: the client cancelled the exchange with "*". */
    public static final SmtpReply AUTH_CANCELLED = SmtpReply.of(501, "5.7.0", "Authentication cancelled");
    /** RFC 4954 §4: a client response that is not valid base64. */
    public static final SmtpReply AUTH_BAD_BASE64 = SmtpReply.of(501, "5.5.2", "Cannot decode response");
    /** RFC 4954 §4: an AUTH mechanism this server does not offer. */
    public static final SmtpReply AUTH_UNKNOWN_MECHANISM = SmtpReply.of(504, "5.5.4",
            "Unrecognized authentication type");
    /** RFC 4954 §6: the credentials could not be checked right now (the authenticator failed). */
    public static final SmtpReply AUTH_TEMPORARY_FAILURE = SmtpReply.of(454, "4.7.0",
            "Temporary authentication failure");

    private ServerReplies() {
    }

    /** The reply to a BDAT chunk that is not the last one (RFC 3030 §2). */
    public static SmtpReply chunkReceived(long octets) {
        return SmtpReplies.CHUNK_OK.withText(octets + " octets received");
    }
}
