package io.mailpipe.smtp.client;

import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EHLO keyword parsing (RFC 5321 §4.1.1.1) and the MAIL/RCPT parameters sent for what the server offers. */
class ServerCapabilitiesTest {

    private static ServerCapabilities caps(String... extensions) {
        List<String> lines = new java.util.ArrayList<>(List.of("mx.test greets you"));
        lines.addAll(List.of(extensions));
        return ServerCapabilities.fromEhlo(new SmtpReply(250, "2.0.0", lines));
    }

    @Test
    void keywordsSizeAndAuthMechanismsAreRead() {
        ServerCapabilities c = caps("pipelining", "SIZE 10240000", "AUTH PLAIN LOGIN", "AUTH=LOGIN", "DSN",
                "STARTTLS", "X-UNKNOWN thing");
        assertTrue(c.pipelining() && c.dsn() && c.startTls() && c.size() && c.has("X-UNKNOWN"));
        assertFalse(c.smtputf8());
        assertEquals(10_240_000, c.maxSize());
        assertEquals(java.util.Set.of("PLAIN", "LOGIN"), c.authMechanisms());
    }

    @Test
    void sizeWithoutNumberMeansNoLimitGiven() {
        assertEquals(0, caps("SIZE").maxSize());
        assertEquals(0, caps("SIZE lots").maxSize());
    }

    @Test
    void parametersAreSentOnlyWhenOffered() {
        MailFrom from = new MailFrom("a@x.test", OptionalLong.empty(), MailFrom.BodyType.EIGHT_BIT_MIME, false,
                MailFrom.DsnReturn.HDRS, "id+1 x");
        Recipient to = new Recipient("b@y.test", EnumSet.of(Recipient.Notify.FAILURE, Recipient.Notify.DELAY),
                "rfc822;b=c@y.test");
        OutboundMessage message = new OutboundMessage(from, List.of(to), ClientFixtures.content("hello"));

        assertEquals("MAIL FROM:<a@x.test>", TransactionCommands.mail(message, caps()));
        assertEquals("RCPT TO:<b@y.test>", TransactionCommands.rcpt(to, caps()));
        ServerCapabilities all = caps("SIZE 100", "8BITMIME", "DSN");
        assertEquals("MAIL FROM:<a@x.test> SIZE=5 BODY=8BITMIME RET=HDRS ENVID=id+2B1+20x",
                TransactionCommands.mail(message, all));
        assertEquals("RCPT TO:<b@y.test> NOTIFY=FAILURE,DELAY ORCPT=rfc822;b+3Dc@y.test",
                TransactionCommands.rcpt(to, all));
    }

    @Test
    void nonAsciiEnvelopeAsksForSmtputf8() {
        OutboundMessage message = new OutboundMessage(ClientFixtures.sender("a@x.test"),
                List.of(ClientFixtures.rcpt("jörg@y.test")), ClientFixtures.content("x"));
        assertTrue(message.needsSmtputf8());
        assertEquals("MAIL FROM:<a@x.test> SMTPUTF8", TransactionCommands.mail(message, caps("SMTPUTF8")));
    }
}
