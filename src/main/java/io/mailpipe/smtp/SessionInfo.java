package io.mailpipe.smtp;

import java.net.InetSocketAddress;

/**
 * What the server knows about the client when a message is accepted: its address, the HELO/EHLO name, the
 * protocol name for the Received field (RFC 3848: SMTP, ESMTP, ESMTPS, ESMTPA, ESMTPSA, UTF8SMTP…), the TLS
 * protocol and cipher suite (null without TLS) and the authenticated identity (null without AUTH).
 */
public record SessionInfo(InetSocketAddress client, String heloName, String protocol, String tlsProtocol,
                          String tlsCipher, String authenticatedUser) {
}
