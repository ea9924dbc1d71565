package io.mailpipe.smtp;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The MAIL parameters: SIZE (RFC 1870 §6), BODY (RFC 6152 §2, RFC 3030 §3), SMTPUTF8 (RFC 6531 §3.4), RET and
 * ENVID (RFC 3461 §4.3, §4.4) and AUTH (RFC 4954 §5, checked and then ignored: we never trust a client's claim of
 * an earlier authentication, which §5 permits by treating it as AUTH=&lt;&gt;). Unknown keywords get 555 5.5.4.
 * A reverse-path with non-ASCII characters needs SMTPUTF8 (RFC 6531 §3.3), else 553 5.6.7.
 */
final class MailParameters {

    private static final int MAX_SIZE_DIGITS = 20;
    private static final int MAX_ENVID_LENGTH = 100;

    private MailParameters() {
    }

    static MailFrom toMailFrom(String reversePath, Map<String, String> parameters) throws SmtpSyntaxException {
        OptionalLong size = OptionalLong.empty();
        MailFrom.BodyType body = MailFrom.BodyType.SEVEN_BIT;
        boolean smtputf8 = false;
        MailFrom.DsnReturn ret = null;
        String envelopeId = null;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "SIZE" -> size = OptionalLong.of(size(EsmtpParameters.requireValue(value)));
                case "BODY" -> body = body(EsmtpParameters.requireValue(value));
                case "SMTPUTF8" -> smtputf8 = flag(value);
                case "RET" -> ret = ret(EsmtpParameters.requireValue(value));
                case "ENVID" -> envelopeId = envelopeId(EsmtpParameters.requireValue(value));
                case "AUTH" -> checkAuth(EsmtpParameters.requireValue(value));
                default -> throw new SmtpSyntaxException(SmtpReplies.UNKNOWN_PARAMETER);
            }
        }
        if (!smtputf8 && !Mailboxes.isAscii(reversePath)) {
            throw new SmtpSyntaxException(SmtpReplies.UTF8_REQUIRED);
        }
        return new MailFrom(reversePath, size, body, smtputf8, ret, envelopeId);
    }

    /** size-value = 1*20DIGIT; a number beyond any long is certainly too big (552 5.3.4). */
    private static long size(String value) throws SmtpSyntaxException {
        if (value.length() > MAX_SIZE_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException overflow) {
            throw new SmtpSyntaxException(SmtpReplies.MESSAGE_TOO_BIG);
        }
    }

    private static MailFrom.BodyType body(String value) throws SmtpSyntaxException {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "7BIT" -> MailFrom.BodyType.SEVEN_BIT;
            case "8BITMIME" -> MailFrom.BodyType.EIGHT_BIT_MIME;
            case "BINARYMIME" -> MailFrom.BodyType.BINARY_MIME;
            default -> throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        };
    }

    private static boolean flag(String value) throws SmtpSyntaxException {
        if (value != null) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        return true;
    }

    private static MailFrom.DsnReturn ret(String value) throws SmtpSyntaxException {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "FULL" -> MailFrom.DsnReturn.FULL;
            case "HDRS" -> MailFrom.DsnReturn.HDRS;
            default -> throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        };
    }

    /** ENVID = xtext of at most 100 characters, decoded; decoded control characters are refused. */
    private static String envelopeId(String value) throws SmtpSyntaxException {
        if (value.length() > MAX_ENVID_LENGTH || !Xtext.isValid(value)) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        String decoded = Xtext.decode(value);
        if (EsmtpParameters.hasControl(decoded)) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        return decoded;
    }

    /** AUTH=&lt;&gt; or AUTH=xtext (RFC 4954 §5). */
    private static void checkAuth(String value) throws SmtpSyntaxException {
        if (!value.equals("<>") && !Xtext.isValid(value)) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
    }
}
