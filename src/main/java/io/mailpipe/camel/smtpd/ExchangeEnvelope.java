package io.mailpipe.camel.smtpd;

import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.ReceivedMessage;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SessionInfo;
import org.apache.camel.Message;

import java.util.List;

/** Copies one received message onto a Camel message: the raw bytes as body, envelope and session as headers. */
final class ExchangeEnvelope {

    private ExchangeEnvelope() {
    }

    static void populate(Message target, ReceivedMessage received) {
        target.setBody(RawMessage.of(new MessageContentSource(received.content())));
        target.setHeader(SmtpdConstants.QUEUE_ID, received.queueId());
        target.setHeader(SmtpdConstants.RECEIVED_AT, received.receivedAt());
        setEnvelope(target, received.envelope());
        setSession(target, received.session());
    }

    private static void setEnvelope(Message target, Envelope envelope) {
        MailFrom from = envelope.mailFrom();
        List<String> recipients = envelope.recipients().stream().map(Recipient::address).toList();
        target.setHeader(SmtpdConstants.ENVELOPE, envelope);
        target.setHeader(SmtpdConstants.MAIL_FROM, from.reversePath());
        target.setHeader(SmtpdConstants.RCPT_TO, recipients);
        target.setHeader(SmtpdConstants.BODY_TYPE, from.bodyKeyword());
        target.setHeader(SmtpdConstants.SMTPUTF8, from.smtputf8());
        if (from.ret() != null) {
            target.setHeader(SmtpdConstants.DSN_RET, from.ret().name());
        }
        if (from.envelopeId() != null) {
            target.setHeader(SmtpdConstants.DSN_ENVID, from.envelopeId());
        }
    }

    private static void setSession(Message target, SessionInfo session) {
        target.setHeader(SmtpdConstants.CLIENT_IP, session.client().getAddress().getHostAddress());
        target.setHeader(SmtpdConstants.CLIENT_PORT, session.client().getPort());
        target.setHeader(SmtpdConstants.HELO_NAME, session.heloName());
        target.setHeader(SmtpdConstants.PROTOCOL, session.protocol());
        setIfPresent(target, SmtpdConstants.TLS_PROTOCOL, session.tlsProtocol());
        setIfPresent(target, SmtpdConstants.TLS_CIPHER, session.tlsCipher());
        setIfPresent(target, SmtpdConstants.AUTHENTICATED_USER, session.authenticatedUser());
    }

    private static void setIfPresent(Message target, String header, String value) {
        if (value != null) {
            target.setHeader(header, value);
        }
    }

}
