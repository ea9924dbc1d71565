package io.mailpipe.smtp;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The RCPT parameters of RFC 3461: NOTIFY (§4.1: NEVER alone, or a comma list of SUCCESS, FAILURE, DELAY) and
 * ORCPT (§4.2: addr-type ";" xtext, at most 500 characters; kept as addr-type ";" decoded address). The "utf-8"
 * addr-type is decoded as utf-8-addr-xtext / utf-8-addr-unitext (RFC 6533 §3). Unknown keywords get 555 5.5.4.
 */
final class RcptParameters {

    private static final int MAX_ORCPT_LENGTH = 500;
    private static final String UTF8_ADDRESS_TYPE = "utf-8";

    private RcptParameters() {
    }

    static Recipient toRecipient(String forwardPath, Map<String, String> parameters) throws SmtpSyntaxException {
        Set<Recipient.Notify> notify = Set.of();
        String originalRecipient = null;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "NOTIFY" -> notify = notify(EsmtpParameters.requireValue(value));
                case "ORCPT" -> originalRecipient = originalRecipient(EsmtpParameters.requireValue(value));
                default -> throw new SmtpSyntaxException(SmtpReplies.UNKNOWN_PARAMETER);
            }
        }
        return new Recipient(forwardPath, notify, originalRecipient);
    }

    private static Set<Recipient.Notify> notify(String value) throws SmtpSyntaxException {
        Set<Recipient.Notify> notify = EnumSet.noneOf(Recipient.Notify.class);
        for (String item : value.split(",", -1)) {
            try {
                notify.add(Recipient.Notify.valueOf(item.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
            }
        }
        if (notify.contains(Recipient.Notify.NEVER) && notify.size() > 1) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        return notify;
    }

    /** addr-type is an RFC 5322 atom; the decoded address must not hold control characters. */
    private static String originalRecipient(String value) throws SmtpSyntaxException {
        int semicolon = value.indexOf(';');
        if (value.length() > MAX_ORCPT_LENGTH || semicolon < 1 || semicolon == value.length() - 1) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        String addressType = value.substring(0, semicolon);
        String encoded = value.substring(semicolon + 1);
        if (!Mailboxes.isDotString(addressType) || addressType.contains(".") || !Mailboxes.isAscii(addressType)) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        try {
            String address = addressType.equalsIgnoreCase(UTF8_ADDRESS_TYPE)
                    ? Xtext.decodeUtf8Address(encoded)
                    : Xtext.decode(encoded);
            if (EsmtpParameters.hasControl(address)) {
                throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
            }
            return addressType + ";" + address;
        } catch (IllegalArgumentException malformed) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
    }
}
