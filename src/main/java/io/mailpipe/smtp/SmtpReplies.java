package io.mailpipe.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's replies as typed constants: basic code (RFC 5321 §4.2.2, §4.2.3), enhanced status code (RFC 3463
 * classes/subjects/details, carried as in RFC 2034 §4) and text. Choices where the RFCs leave room:
 * <ul>
 * <li>The greeting (220) and the HELO/EHLO replies carry no enhanced code: RFC 2034 §3 exempts them, and
 * RFC 5321 §4.3.1 / §4.1.1.1 make the first word of their text the server's domain.</li>
 * <li>Intermediate 3xx replies (354 for DATA, 334 for AUTH) carry no enhanced code: RFC 2034 §3 defines the codes
 * for 2xx, 4xx and 5xx only, and the text of a 334 is the SASL challenge itself (RFC 4954 §4).</li>
 * <li>Address syntax errors use 501 with 5.1.7 (sender) or 5.1.3 (recipient): RFC 5321 §4.3.2 lists 501 for
 * MAIL and RCPT argument syntax; 553 stays for policy-refused names (and 5.6.7, RFC 6531 §3.6).</li>
 * <li>Message content faults found while reading DATA (line too long, bare CR/LF, NUL) use 554 with 5.6.0,
 * "Other or undefined media error" (RFC 3463 §3.7); 554 is RFC 5321 §4.3.2's "Transaction failed" for DATA.</li>
 * </ul>
 */
public final class SmtpReplies {

    public static final SmtpReply CLOSING = SmtpReply.of(221, "2.0.0", "Bye");
    public static final SmtpReply OK = SmtpReply.of(250, "2.0.0", "Ok");
    public static final SmtpReply SENDER_OK = SmtpReply.of(250, "2.1.0", "Sender ok");
    public static final SmtpReply RECIPIENT_OK = SmtpReply.of(250, "2.1.5", "Recipient ok");
    public static final SmtpReply RESET_OK = SmtpReply.of(250, "2.0.0", "Reset ok");
    public static final SmtpReply CHUNK_OK = SmtpReply.of(250, "2.0.0", "Chunk received");
    public static final SmtpReply START_MAIL_INPUT = new SmtpReply(354, null,
            List.of("End data with <CR><LF>.<CR><LF>"));
    public static final SmtpReply CANNOT_VRFY = SmtpReply.of(252, "2.5.0",
            "Cannot VRFY user, but will accept message and attempt delivery");
    public static final SmtpReply HELP = SmtpReply.of(214, "2.0.0", "See RFC 5321");
    public static final SmtpReply READY_TLS = SmtpReply.of(220, "2.0.0", "Ready to start TLS");
    public static final SmtpReply AUTH_SUCCESS = SmtpReply.of(235, "2.7.0", "Authentication successful");
    /** An empty SASL challenge ("334 "); use {@link #authChallenge(String)} for one with data. */
    public static final SmtpReply AUTH_CONTINUE = authChallenge("");

    public static final SmtpReply SERVICE_UNAVAILABLE = SmtpReply.of(421, "4.3.2",
            "Service not available, closing transmission channel");
    public static final SmtpReply SHUTTING_DOWN = SmtpReply.of(421, "4.3.2",
            "Server shutting down, closing transmission channel");
    public static final SmtpReply TIMEOUT = SmtpReply.of(421, "4.4.2", "Timeout exceeded, closing connection");
    public static final SmtpReply TOO_MANY_CONNECTIONS = SmtpReply.of(421, "4.7.0",
            "Too many connections, try again later");
    public static final SmtpReply TOO_MANY_ERRORS = SmtpReply.of(421, "4.7.0", "Too many errors, closing connection");
    /** RFC 3207 §4: STARTTLS is offered but cannot start now. */
    public static final SmtpReply TLS_NOT_AVAILABLE = SmtpReply.of(454, "4.7.0",
            "TLS not available due to temporary reason");
    /** RFC 4954 §6: the authentication could not be checked now. */
    public static final SmtpReply AUTH_TEMPORARY_FAILURE = SmtpReply.of(454, "4.7.0",
            "Temporary authentication failure");
    public static final SmtpReply LOCAL_ERROR = SmtpReply.of(451, "4.3.0",
            "Requested action aborted: local error in processing");
    public static final SmtpReply TOO_MANY_RECIPIENTS = SmtpReply.of(452, "4.5.3", "Too many recipients");
    public static final SmtpReply INSUFFICIENT_STORAGE = SmtpReply.of(452, "4.3.1", "Insufficient system storage");

    public static final SmtpReply SYNTAX_UNRECOGNIZED = SmtpReply.of(500, "5.5.1",
            "Syntax error, command unrecognized");
    public static final SmtpReply LINE_TOO_LONG = SmtpReply.of(500, "5.5.2", "Line too long");
    /** A command line holding a control character, such as a CR that is not part of the line's CRLF. */
    public static final SmtpReply CONTROL_CHARACTER_IN_COMMAND = SmtpReply.of(500, "5.5.2",
            "Syntax error: control character in command");
    public static final SmtpReply SYNTAX_PARAMETERS = SmtpReply.of(501, "5.5.4",
            "Syntax error in parameters or arguments");
    /** RFC 4954 §4: the client answered a challenge with "*". */
    public static final SmtpReply AUTH_CANCELLED = SmtpReply.of(501, "5.0.0", "Authentication cancelled");
    /** RFC 4954 §4: a SASL response that is not valid base64. */
    public static final SmtpReply AUTH_BAD_RESPONSE = SmtpReply.of(501, "5.5.2", "Cannot decode response");
    public static final SmtpReply BAD_ADDRESS = SmtpReply.of(501, "5.1.3", "Bad recipient address syntax");
    public static final SmtpReply BAD_SENDER_ADDRESS = SmtpReply.of(501, "5.1.7", "Bad sender address syntax");
    public static final SmtpReply NOT_IMPLEMENTED = SmtpReply.of(502, "5.5.1", "Command not implemented");
    public static final SmtpReply BAD_SEQUENCE = SmtpReply.of(503, "5.5.1", "Bad sequence of commands");
    /** RFC 3030 §2: DATA and BDAT must not be mixed in one transaction (503). */
    public static final SmtpReply DATA_BDAT_MIXED = SmtpReply.of(503, "5.5.1",
            "Bad sequence of commands: DATA and BDAT cannot be mixed in one transaction");
    /** RFC 5321 §3.3: DATA or BDAT without any accepted recipient. */
    public static final SmtpReply NO_VALID_RECIPIENTS = SmtpReply.of(554, "5.5.1", "No valid recipients");
    /**
     * A command sent before the previous reply where RFC 2920 does not allow it, for example after DATA or with
     * PIPELINING not offered: the signature of a smuggled transaction (Postfix smtpd_forbid_unauth_pipelining).
     */
    public static final SmtpReply PROTOCOL_SYNCHRONIZATION = SmtpReply.of(554, "5.5.0",
            "Error: SMTP protocol synchronization");
    public static final SmtpReply PARAMETER_NOT_IMPLEMENTED = SmtpReply.of(504, "5.5.4",
            "Command parameter not implemented");
    public static final SmtpReply UNKNOWN_PARAMETER = SmtpReply.of(555, "5.5.4",
            "MAIL FROM/RCPT TO parameters not recognized or not implemented");
    public static final SmtpReply MESSAGE_TOO_BIG = SmtpReply.of(552, "5.3.4", "Message size exceeds fixed limit");
    /** RFC 5321 §4.2.3 with RFC 3463 X.1.1: no such mailbox here. */
    public static final SmtpReply MAILBOX_UNKNOWN = SmtpReply.of(550, "5.1.1", "Recipient address rejected: "
            + "user unknown");
    public static final SmtpReply RELAY_DENIED = SmtpReply.of(554, "5.7.1", "Relay access denied");
    public static final SmtpReply AUTH_REQUIRED = SmtpReply.of(530, "5.7.0", "Authentication required");
    public static final SmtpReply TLS_REQUIRED = SmtpReply.of(530, "5.7.0", "Must issue a STARTTLS command first");
    /** RFC 4954 §6: the mechanism needs an encrypted channel. */
    public static final SmtpReply ENCRYPTION_REQUIRED = SmtpReply.of(538, "5.7.11",
            "Encryption required for requested authentication mechanism");
    public static final SmtpReply AUTH_FAILED = SmtpReply.of(535, "5.7.8",
            "Authentication credentials invalid");
    public static final SmtpReply AUTH_MECHANISM_TOO_WEAK = SmtpReply.of(534, "5.7.9",
            "Authentication mechanism is too weak");
    /** RFC 6531 §3.6 with the 5.6.7 detail of RFC 6533 §5: a non-ASCII address without SMTPUTF8. */
    public static final SmtpReply UTF8_REQUIRED = SmtpReply.of(553, "5.6.7",
            "Non-ASCII addresses require the SMTPUTF8 parameter");
    public static final SmtpReply TRANSACTION_FAILED = SmtpReply.of(554, "5.0.0", "Transaction failed");
    /** A message line longer than the configured limit (RFC 5321 §4.5.3.1.6); never truncated silently. */
    public static final SmtpReply DATA_LINE_TOO_LONG = SmtpReply.of(554, "5.6.0",
            "Message content rejected: line too long");
    /** A CR or LF outside a CRLF pair in DATA (RFC 5321 §2.3.8); refused to stop SMTP smuggling. */
    public static final SmtpReply BARE_LINE_ENDING = SmtpReply.of(554, "5.6.0",
            "Message content rejected: bare <CR> or <LF> received");
    /** A NUL octet in DATA: neither 7bit nor 8bitmime text may contain one (RFC 6152 §3, RFC 2045 §2.8). */
    public static final SmtpReply NUL_CHARACTER = SmtpReply.of(554, "5.6.0",
            "Message content rejected: NUL character received");

    private SmtpReplies() {
    }

    /** The opening greeting (RFC 5321 §4.3.1): the host name first, no enhanced code. */
    public static SmtpReply greeting(String host) {
        return new SmtpReply(220, null, List.of(host + " ESMTP mailpipe"));
    }

    /** The reply to HELO (RFC 5321 §4.1.1.1): our domain first, no enhanced code. */
    public static SmtpReply helo(String host) {
        return new SmtpReply(250, null, List.of(host));
    }

    /** The reply to EHLO: our domain, then one line per extension keyword (RFC 5321 §4.1.1.1). */
    public static SmtpReply ehlo(String host, List<String> extensions) {
        List<String> lines = new ArrayList<>(extensions.size() + 1);
        lines.add(host);
        lines.addAll(extensions);
        return new SmtpReply(250, null, lines);
    }

    /** A SASL challenge, already base64-encoded (RFC 4954 §4); "" sends "334 ". */
    public static SmtpReply authChallenge(String base64Challenge) {
        return new SmtpReply(334, null, List.of(base64Challenge));
    }

    /** The end of DATA or BDAT LAST once the message is durable. */
    public static SmtpReply queued(String queueId) {
        return SmtpReply.of(250, "2.0.0", "Ok: queued as " + queueId);
    }
}
