package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.SessionInfo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The Received trace field this server prepends to each message (RFC 5321 §4.4, RFC 3848 protocol names). */
final class TraceFields {

    private TraceFields() {
    }

    static byte[] received(SmtpSession session, String queueId, Instant receivedAt) {
        SessionInfo info = session.sessionInfo();
        return ("Received: from " + info.heloName() + " by " + session.config().serverName() + " with "
                + info.protocol() + " id " + queueId + "; " + receivedAt + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
