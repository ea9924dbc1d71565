package io.mailpipe.smtp;

import java.util.OptionalLong;

/**
 * The MAIL command's reverse-path and parameters: SIZE (RFC 1870), BODY (RFC 6152, RFC 3030), SMTPUTF8 (RFC 6531),
 * RET and ENVID (RFC 3461 §4.3, §4.4; ENVID already xtext-decoded). An empty reverse-path is the null sender "<>".
 */
public record MailFrom(String reversePath, OptionalLong declaredSize, BodyType body, boolean smtputf8,
                       DsnReturn ret, String envelopeId) {

    /** The BODY values of RFC 6152 §2 and RFC 3030 §3, with their keywords; 7BIT when MAIL FROM named none. */
    public enum BodyType {
        SEVEN_BIT("7BIT"), EIGHT_BIT_MIME("8BITMIME"), BINARY_MIME("BINARYMIME");

        private final String keyword;

        BodyType(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public enum DsnReturn { FULL, HDRS }

    public MailFrom {
        if (reversePath == null) {
            throw new IllegalArgumentException("reverse-path must not be null; use \"\" for <>");
        }
    }

    public boolean isNullSender() {
        return reversePath.isEmpty();
    }

    /** The BODY keyword this transaction declared, 7BIT when none (RFC 6152 §2). */
    public String bodyKeyword() {
        return body == null ? BodyType.SEVEN_BIT.keyword() : body.keyword();
    }
}
