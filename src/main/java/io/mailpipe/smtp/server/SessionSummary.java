package io.mailpipe.smtp.server;

import io.mailpipe.smtp.SmtpReply;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * What one SMTP session (RFC 5321 §3) amounted to when its connection closed: the client, the HELO/EHLO name it
 * gave last, TLS protocol and cipher (RFC 3207; null without TLS), the authenticated identity (RFC 4954; null
 * without AUTH), the messages answered at the end of data (accepted with their queue ids, rejected), how long the
 * session lasted and how it ended. {@code closingReply} is the reply the server sent last (221 after QUIT, a 421
 * on timeout or shutdown, ...), null when the client went away without one.
 */
public record SessionSummary(InetSocketAddress client, String heloName, String tlsProtocol, String tlsCipher,
                             String authenticatedUser, int accepted, int rejected, List<String> queueIds,
                             Duration duration, Ending ending, SmtpReply closingReply) {

    /** How the session ended. */
    public enum Ending {
        /** The client sent QUIT and got 221 (RFC 5321 §4.1.1.10). */
        QUIT,
        /** The connection was closed by the client without QUIT. */
        CLIENT_DISCONNECTED,
        /** The server closed the connection after a final reply (timeout, too many errors, shutting down). */
        CLOSED_BY_SERVER
    }

    public SessionSummary {
        queueIds = List.copyOf(queueIds);
    }

    /** The ending told by the server's last reply: 221 is the answer to QUIT, none means the client left. */
    public static Ending endingOf(SmtpReply closingReply) {
        if (closingReply == null) {
            return Ending.CLIENT_DISCONNECTED;
        }
        return closingReply.code() == 221 ? Ending.QUIT : Ending.CLOSED_BY_SERVER;
    }
}
