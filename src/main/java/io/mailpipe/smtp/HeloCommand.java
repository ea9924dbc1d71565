package io.mailpipe.smtp;

/** HELO or EHLO with the client's domain or address literal (RFC 5321 §4.1.1.1). */
public record HeloCommand(Verb verb, String domain) implements SmtpCommand {
    public HeloCommand {
        if (verb != Verb.HELO && verb != Verb.EHLO) {
            throw new IllegalArgumentException("not a greeting verb: " + verb);
        }
    }

    public boolean extended() {
        return verb == Verb.EHLO;
    }
}
