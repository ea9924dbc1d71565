package io.mailpipe.camel.support;

import io.mailpipe.smtp.MessageRejectedException;
import io.mailpipe.smtp.SmtpReply;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link MessageRejectedException} a YAML route can throw with the reply written as text, so a route step chooses
 * what smtpd: answers (RFC 5321 §4.2 reply code, RFC 3463 enhanced status code, text):
 * {@code throwException: {exceptionType: io.mailpipe.camel.support.SmtpRejection, message: "550 5.7.1 no thanks"}}.
 * The text must start with a 4xx or 5xx code; the enhanced status code after it is optional (x.0.0 when absent) and
 * of the same class.
 */
public class SmtpRejection extends MessageRejectedException {
    private static final long serialVersionUID = 1L;

    private static final Pattern REPLY = Pattern.compile(
            "([45][0-5][0-9])(?: +([45]\\.[0-9]{1,3}\\.[0-9]{1,3}))?(?: +(.*))?", Pattern.DOTALL);

    public SmtpRejection(String reply) {
        super(parse(reply));
    }

    static SmtpReply parse(String text) {
        Matcher m = REPLY.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a rejection reply starts with a 4xx or 5xx code: " + text);
        }
        String code = m.group(1);
        String status = m.group(2) != null ? m.group(2) : code.charAt(0) + ".0.0";
        if (status.charAt(0) != code.charAt(0)) {
            throw new IllegalArgumentException("the enhanced status class must match the reply code (RFC 3463 §3.1): "
                    + text);
        }
        String words = m.group(3) != null ? m.group(3).replaceAll("[\\r\\n]+", " ") : "rejected";
        return SmtpReply.of(Integer.parseInt(code), status, words);
    }
}
