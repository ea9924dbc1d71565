package io.mailpipe.bulk;

import io.mailpipe.queue.MessageTags;
import io.mailpipe.smtp.server.SortableQueueIdGenerator;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Identifiers of composed messages. A Message-ID (RFC 5322 §3.6.4) is {@code <128 random bits in hex@domain>} with
 * the sender's domain in ASCII (A-labels, RFC 5890), unique without coordination. A queue id is derived from the
 * request's tenant, idempotency key and the message's position in the request when the request has a key: the same
 * request composed again after a crash gets the same queue ids, so the Kafka queue's delivered ledger skips the
 * recipients that already have the message. Without a key, queue ids come from the time-ordered generator.
 */
final class MessageIds {

    private static final SortableQueueIdGenerator QUEUE_IDS = new SortableQueueIdGenerator();
    private final SecureRandom random = new SecureRandom();

    String messageId(NamedAddress from) {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return "<" + HexFormat.of().formatHex(bits) + "@" + asciiDomain(from.domain()) + ">";
    }

    static String queueId(MessageTags tags, int index) {
        if (tags.idempotencyKey() == null) {
            return QUEUE_IDS.get();
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String identity = (tags.tenant() == null ? "" : tags.tenant()) + "\u0000" + tags.idempotencyKey()
                    + "\u0000" + index;
            byte[] digest = sha256.digest(identity.getBytes(StandardCharsets.UTF_8));
            return "B" + HexFormat.of().formatHex(digest, 0, 15);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String asciiDomain(String domain) {
        if (domain.startsWith("[")) {
            return "localhost.invalid";
        }
        try {
            return IDN.toASCII(domain);
        } catch (IllegalArgumentException e) {
            return "localhost.invalid";
        }
    }
}
