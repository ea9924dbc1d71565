package io.mailpipe.smtp;

/**
 * AUTH with the SASL mechanism name in upper case and the optional initial response (RFC 4954 §4): null when
 * absent, "" when the client sent "=" (an empty response), otherwise the base64 text as sent.
 */
public record AuthCommand(String mechanism, String initialResponse) implements SmtpCommand {
    @Override
    public Verb verb() {
        return Verb.AUTH;
    }
}
