package io.mailpipe.smtp.client;

import io.mailpipe.smtp.SmtpReply;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles server reply lines into typed replies (RFC 5321 §4.2, §4.2.1): "xyz-text" continues a reply,
 * "xyz text" or a bare "xyz" ends it; every line of one reply must carry the same code. The enhanced status code
 * (RFC 2034 §4) is taken from the first line when its class matches, else derived from the basic code (RFC 3463).
 * Stateful per connection; not thread-safe.
 */
public final class ReplyAssembler {

    private final int maxLines;
    private final List<String> lines = new ArrayList<>();
    private int code = -1;

    public ReplyAssembler(int maxLines) {
        this.maxLines = maxLines;
    }

    /**
     * Takes one line without its line terminator; returns the reply it completes, or null when more lines follow.
     *
     * @throws SmtpProtocolException when the line is not a reply line or belongs to a different code
     */
    public SmtpReply accept(String line) throws SmtpProtocolException {
        int lineCode = codeOf(line);
        boolean last = line.length() == 3 || line.charAt(3) == ' ';
        if (!last && line.charAt(3) != '-') {
            throw new SmtpProtocolException("malformed reply line: " + printable(line));
        }
        if (code >= 0 && lineCode != code) {
            throw new SmtpProtocolException("multi-line reply mixes codes " + code + " and " + lineCode);
        }
        code = lineCode;
        lines.add(line.length() > 4 ? line.substring(4) : "");
        if (lines.size() > maxLines) {
            throw new SmtpProtocolException("reply has more than " + maxLines + " lines");
        }
        return last ? complete() : null;
    }

    private SmtpReply complete() {
        String enhanced = EnhancedStatus.parse(code, lines.get(0));
        List<String> text = new ArrayList<>(lines.size());
        for (String l : lines) {
            String stripped = enhanced == null ? l : EnhancedStatus.stripLeading(l);
            text.add(stripped);
        }
        SmtpReply reply = new SmtpReply(code, enhanced == null ? EnhancedStatus.derive(code) : enhanced, text);
        lines.clear();
        code = -1;
        return reply;
    }

    private static int codeOf(String line) throws SmtpProtocolException {
        if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                || !Character.isDigit(line.charAt(2))) {
            throw new SmtpProtocolException("reply does not start with a three-digit code: " + printable(line));
        }
        int value = Integer.parseInt(line.substring(0, 3));
        if (value < 200 || value > 599) {
            throw new SmtpProtocolException("reply code out of range: " + value);
        }
        return value;
    }

    /** At most 80 characters of {@code line}, control characters shown as '?', for error texts. */
    static String printable(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length() && i < 80; i++) {
            char c = line.charAt(i);
            out.append(c < 0x20 || c > 0x7E ? '?' : c);
        }
        return line.length() > 80 ? out + "..." : out.toString();
    }
}
