package io.mailpipe.smtp.client;

import java.time.Duration;

/**
 * Client time limits (RFC 5321 §4.5.3.2): the RFC's minimums are the defaults — greeting 5 min, MAIL 5 min, RCPT
 * 5 min, DATA initiation 2 min, each data block 3 min, final "." 10 min — plus limits the RFC leaves open: the TCP
 * connect, EHLO/HELO, STARTTLS with its handshake, AUTH, RSET and QUIT.
 */
public record ClientTimeouts(Duration connect, Duration greeting, Duration hello, Duration startTls, Duration auth,
                             Duration mail, Duration rcpt, Duration dataInit, Duration dataBlock,
                             Duration dataTermination, Duration rset, Duration quit) {

    public static ClientTimeouts rfc5321() {
        return new ClientTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(5),
                Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(5),
                Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(10), Duration.ofMinutes(2),
                Duration.ofSeconds(30));
    }

    /** Every limit set to the same value; for tests and for callers that want one knob. */
    public static ClientTimeouts uniform(Duration limit) {
        return new ClientTimeouts(limit, limit, limit, limit, limit, limit, limit, limit, limit, limit, limit, limit);
    }
}
