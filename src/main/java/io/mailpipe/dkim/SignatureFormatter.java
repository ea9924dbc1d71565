package io.mailpipe.dkim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Writes a DKIM-Signature header field (RFC 6376 §3.5) with tags in the order v a c d i q s t x l h bh b and folds
 * it at spaces to lines of at most 78 characters (RFC 5322 §2.1.1). The b= value comes last so that the field with
 * b= empty, which is what gets hashed (§3.7), is a prefix of the final field.
 */
final class SignatureFormatter {

    static final String FIELD_NAME = "DKIM-Signature";
    private static final int LINE = 78;

    private final StringBuilder out = new StringBuilder(FIELD_NAME + ":");
    private int lineLength = out.length();

    /** Builds the unsigned field: everything up to and including "b=". */
    static SignatureFormatter unsigned(SignatureSpec spec, List<String> signedNames, byte[] bodyHash,
                                       long timestamp, long bodyLength) {
        SignatureFormatter f = new SignatureFormatter();
        f.words("v=1; a=" + spec.key().algorithm().tagValue() + "; c=" + spec.headerCanonicalization().tagValue()
                + "/" + spec.bodyCanonicalization().tagValue() + "; d=" + spec.domain() + ";");
        if (spec.identity() != null) {
            f.words("i=" + spec.identity() + ";");
        }
        f.words("q=dns/txt; s=" + spec.selector() + ";");
        if (timestamp >= 0) {
            f.words("t=" + timestamp + ";");
            if (spec.expiry() != null) {
                f.words("x=" + (timestamp + spec.expiry().toSeconds()) + ";");
            }
        }
        if (bodyLength >= 0) {
            f.words("l=" + bodyLength + ";");
        }
        f.words("h=" + String.join(" : ", signedNames) + ";");
        f.words("bh=" + Base64.getEncoder().encodeToString(bodyHash) + ";");
        f.words("b=");
        return f;
    }

    private void words(String text) {
        for (String word : text.split(" ")) {
            if (lineLength + 1 + word.length() > LINE && lineLength > 1) {
                out.append("\r\n ");
                lineLength = 1;
            } else {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
    }

    /** The field with b= empty and no trailing CRLF, as hashed. */
    byte[] hashedForm() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The complete field with the signature value folded in, ending with CRLF. */
    String complete(byte[] signature) {
        String value = Base64.getEncoder().encodeToString(signature);
        StringBuilder field = new StringBuilder(out);
        int pos = 0;
        int line = lineLength;
        while (pos < value.length()) {
            int room = LINE - line;
            if (room <= 0) {
                field.append("\r\n ");
                line = 1;
                continue;
            }
            int take = Math.min(room, value.length() - pos);
            field.append(value, pos, pos + take);
            pos += take;
            line += take;
        }
        return field.append("\r\n").toString();
    }
}
