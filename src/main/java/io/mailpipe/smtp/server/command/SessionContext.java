package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.BdatCommand;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.server.SmtpServerConfig;
import io.mailpipe.smtp.server.auth.SaslMechanism;

/**
 * What a verb handler may see and do in one SMTP session: read the session facts, answer, move the RFC 5321 §4.1.4
 * state machine, and start the exchanges that leave command mode (DATA, BDAT chunks, STARTTLS, AUTH).
 */
public interface SessionContext {

    SmtpServerConfig config();

    SessionState state();

    boolean tlsActive();

    boolean authenticated();

    /** The open transaction; only valid in states MAIL, RCPT and BDAT. */
    Transaction transaction();

    /** Queues a reply; replies of a pipelined group go out together (RFC 2920 §3.2). */
    void reply(SmtpReply reply);

    /** Sends everything queued now. */
    void flush();

    /** Sends this last reply and closes the connection. */
    void close(SmtpReply lastReply);

    /** After HELO/EHLO: remembers the client's name and clears any transaction (RFC 5321 §4.1.4). */
    void greeted(String heloName, boolean extended);

    void beginTransaction(MailFrom mailFrom);

    void addRecipient(Recipient recipient);

    /** Aborts the transaction and drops any message data received for it. */
    void resetTransaction();

    /** RCPT relay control: local domain, authenticated client or trusted network. */
    boolean relayAllowed(Recipient recipient);

    /** Answers 354 and reads the message (RFC 5321 §4.1.1.4). */
    void receiveData();

    /** Reads one BDAT chunk into the transaction (RFC 3030 §2). */
    void receiveChunk(BdatCommand command);

    /** Reads and drops a refused BDAT chunk, then sends the refusal (RFC 3030 §2: the octets always follow). */
    void discardChunk(BdatCommand command, SmtpReply refusal);

    /** Answers 220 and negotiates TLS (RFC 3207 §4). */
    void startTls();

    /** Runs a SASL exchange (RFC 4954 §4). */
    void authenticate(SaslMechanism mechanism, String initialResponse);
}
