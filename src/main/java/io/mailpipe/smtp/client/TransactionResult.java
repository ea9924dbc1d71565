package io.mailpipe.smtp.client;

import io.mailpipe.smtp.SmtpReply;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one transaction with one server ended: the reply that decided each recipient (its RCPT reply when that failed,
 * else the reply to the end of data, or the MAIL reply or a derived session reply), whether the failure happened
 * before the transaction started so another host may be tried (RFC 5321 §5.1), and the TLS protocol used, or null.
 */
public record TransactionResult(Map<String, SmtpReply> replies, boolean tryNextHost, String tlsProtocol) {

    public TransactionResult {
        replies = Collections.unmodifiableMap(new LinkedHashMap<>(replies));
    }

    /** Every recipient of {@code message} gets {@code reply}. */
    public static TransactionResult all(OutboundMessage message, SmtpReply reply, boolean tryNextHost,
                                        String tlsProtocol) {
        Map<String, SmtpReply> replies = new LinkedHashMap<>();
        message.recipients().forEach(r -> replies.put(r.address(), reply));
        return new TransactionResult(replies, tryNextHost, tlsProtocol);
    }
}
