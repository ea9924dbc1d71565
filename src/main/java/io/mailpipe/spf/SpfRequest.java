package io.mailpipe.spf;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The inputs of an SPF check (RFC 7208 §4.1): the SMTP client's address, the MAIL FROM address without angle
 * brackets ({@code ""} for the null reverse-path) and the HELO/EHLO name.
 */
public record SpfRequest(InetAddress clientIp, String mailFrom, String helo) {

    public SpfRequest {
        Objects.requireNonNull(clientIp, "clientIp");
        mailFrom = mailFrom == null ? "" : mailFrom;
        helo = helo == null ? "" : helo;
    }
}
