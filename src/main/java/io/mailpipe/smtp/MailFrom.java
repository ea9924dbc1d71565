package io.mailpipe.smtp;

import java.util.OptionalLong;

/**
 * The MAIL command's reverse-path and parameters: SIZE (RFC 1870), BODY (RFC 6152, RFC 3030), SMTPUTF8 (RFC 6531),
 * RET and ENVID (RFC 3461 §4.3, §4.4; ENVID already xtext-decoded). An empty reverse-path is the null sender "<>".
 */
public record MailFrom(String reversePath, OptionalLong declaredSize, BodyType body, boolean smtputf8,
                       DsnReturn ret, String envelopeId) {

    public enum BodyType { SEVEN_BIT, EIGHT_BIT_MIME, BINARY_MIME }

    public enum DsnReturn { FULL, HDRS }

    public MailFrom {
        if (reversePath == null) {
            throw new IllegalArgumentException("reverse-path must not be null; use \"\" for <>");
        }
    }

    public boolean isNullSender() {
        return reversePath.isEmpty();
    }
}
