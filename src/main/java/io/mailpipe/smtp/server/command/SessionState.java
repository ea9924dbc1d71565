package io.mailpipe.smtp.server.command;

/**
 * Where a session stands in the RFC 5321 §4.1.4 command order: before HELO/EHLO, greeted, inside a transaction
 * after MAIL, after at least one accepted RCPT, and between BDAT chunks of a transaction (RFC 3030 §2). DATA content
 * is read in a separate input mode and never reaches command dispatch.
 */
public enum SessionState {
    CONNECTED, GREETED, MAIL, RCPT, BDAT
}
