package io.mailpipe.smtp;

/**
 * One parsed SMTP command line (RFC 5321 §4.1.1): a verb and its typed arguments. Produced by
 * {@link CommandParser}; each implementation carries exactly what its verb needs.
 */
public sealed interface SmtpCommand permits HeloCommand, MailCommand, RcptCommand, BdatCommand, AuthCommand,
        SimpleCommand {
    Verb verb();
}
