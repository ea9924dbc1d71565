package io.mailpipe.smtp.client;

import io.mailpipe.smtp.SmtpReply;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The service extensions a server announced in its EHLO reply (RFC 5321 §4.1.1.1): each line after the first is a
 * keyword with optional parameters. Recognised: PIPELINING (RFC 2920), SIZE (RFC 1870), 8BITMIME (RFC 6152),
 * SMTPUTF8 (RFC 6531), DSN (RFC 3461), STARTTLS (RFC 3207), AUTH (RFC 4954), ENHANCEDSTATUSCODES (RFC 2034),
 * CHUNKING (RFC 3030). A HELO session has none of them.
 */
public record ServerCapabilities(boolean esmtp, Set<String> keywords, long maxSize, Set<String> authMechanisms) {

    public static final ServerCapabilities HELO_ONLY = new ServerCapabilities(false, Set.of(), 0, Set.of());

    public ServerCapabilities {
        keywords = Set.copyOf(keywords);
        authMechanisms = Set.copyOf(authMechanisms);
    }

    /** Parses a positive EHLO reply; unknown keywords are kept, malformed SIZE values count as "no limit given". */
    public static ServerCapabilities fromEhlo(SmtpReply reply) {
        Set<String> keywords = new HashSet<>();
        Set<String> mechanisms = new HashSet<>();
        long size = 0;
        List<String> lines = reply.lines();
        for (String line : lines.subList(1, lines.size())) {
            String[] words = line.trim().split("[ =]+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            String keyword = words[0].toUpperCase(Locale.ROOT);
            keywords.add(keyword);
            if (keyword.equals("SIZE") && words.length > 1) {
                size = parseSize(words[1]);
            } else if (keyword.equals("AUTH")) {
                for (int i = 1; i < words.length; i++) {
                    mechanisms.add(words[i].toUpperCase(Locale.ROOT));
                }
            }
        }
        return new ServerCapabilities(true, keywords, size, mechanisms);
    }

    private static long parseSize(String value) {
        try {
            return Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean has(String keyword) {
        return keywords.contains(keyword);
    }

    public boolean pipelining() {
        return has("PIPELINING");
    }

    public boolean startTls() {
        return has("STARTTLS");
    }

    public boolean dsn() {
        return has("DSN");
    }

    public boolean smtputf8() {
        return has("SMTPUTF8");
    }

    public boolean eightBitMime() {
        return has("8BITMIME");
    }

    public boolean size() {
        return has("SIZE");
    }
}
