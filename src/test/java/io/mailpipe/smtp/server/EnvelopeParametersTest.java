package io.mailpipe.smtp.server;

import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DSN parameters (RFC 3461) and SMTPUTF8 (RFC 6531) reach the envelope handed to the receiver. */
class EnvelopeParametersTest {

    @Test
    void dsnParametersArriveInTheEnvelope() throws Exception {
        try (TestServer server = TestServer.start(); SmtpTestClient client = server.connect()) {
            client.hello();
            assertEquals(250, client.command("MAIL FROM:<a@example.com> RET=HDRS ENVID=QQ+2B314").code());
            assertEquals(250, client.command(
                    "RCPT TO:<b@example.org> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;b+2B1@example.org").code());
            assertEquals(354, client.command("DATA").code());
            client.sendRaw("Subject: dsn\r\n\r\n.\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(250, client.reply().code());
            RecordingReceiver.Received received = server.receiver.next();
            MailFrom from = received.message().envelope().mailFrom();
            assertEquals(MailFrom.DsnReturn.HDRS, from.ret());
            assertEquals("QQ+314", from.envelopeId());
            Recipient rcpt = received.message().envelope().recipients().get(0);
            assertEquals(Set.of(Recipient.Notify.SUCCESS, Recipient.Notify.DELAY), rcpt.notifyOn());
            assertEquals("rfc822;b+1@example.org", rcpt.originalRecipient());
        }
    }

    @Test
    void utf8AddressesNeedSmtputf8() throws Exception {
        try (TestServer server = TestServer.start(); SmtpTestClient client = server.connect()) {
            client.hello();
            SmtpTestClient.Reply refused = client.command("MAIL FROM:<jörg@example.com>");
            assertEquals(553, refused.code());
            assertTrue(refused.last().startsWith("5.6.7"));
            assertEquals(250, client.command("MAIL FROM:<a@example.com>").code());
            assertEquals(553, client.command("RCPT TO:<jörg@example.org>").code());
            client.command("RSET");
            assertEquals(250, client.command("MAIL FROM:<jörg@example.com> SMTPUTF8").code());
            assertEquals(250, client.command("RCPT TO:<δοκιμή@example.org>").code());
            client.command("DATA");
            client.sendRaw("Subject: ü\r\n\r\n.\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(250, client.reply().code());
            RecordingReceiver.Received received = server.receiver.next();
            assertTrue(received.message().envelope().mailFrom().smtputf8());
            assertEquals("UTF8SMTP", received.message().session().protocol());
        }
    }
}
