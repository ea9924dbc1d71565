package io.mailpipe.smtp;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Received trace field (RFC 5321 §4.4, RFC 3848, RFC 6531 §3.7.3, RFC 5322 §3.3 dates), and the one of a message
 * injected on this host (RFC 5322 §3.6.7).
 */
class ReceivedFieldTest {

    private static final ZonedDateTime DATE = ZonedDateTime.of(2026, 11, 3, 13, 9, 4, 0, ZoneOffset.ofHours(1));

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void plainSmtpWithOneRecipient() throws UnknownHostException {
        ReceivedField field = new ReceivedField("client.example", ip("192.0.2.7"), "mx.example.org", "ESMTP",
                "4F2A9C", List.of("bob@example.org"), null, null, DATE);
        assertEquals("Received: from client.example ([192.0.2.7]) by mx.example.org with ESMTP\r\n"
                + "\tid 4F2A9C for <bob@example.org>; Tue, 3 Nov 2026 13:09:04 +0100\r\n", field.text());
    }

    @Test
    void anInjectedMessageHasNoFromOrWithClauseAndNamesTheSoftware() {
        ReceivedField one = ReceivedField.injected("mx.example.org", "mailpipe", "acme-4F2A9C-0",
                List.of("bob@example.org"), DATE);
        ReceivedField two = ReceivedField.injected("mx.example.org", "mailpipe", "Q5",
                List.of("a@example.org", "b@example.org"), DATE);

        assertEquals("Received: by mx.example.org (mailpipe) id acme-4F2A9C-0 for <bob@example.org>;\r\n"
                + "\tTue, 3 Nov 2026 13:09:04 +0100\r\n", one.text());
        assertEquals("Received: by mx.example.org (mailpipe) id Q5; Tue, 3 Nov 2026 13:09:04 +0100\r\n",
                two.text());
    }

    @Test
    void noForClauseWithSeveralRecipients() throws UnknownHostException {
        ReceivedField field = new ReceivedField("client.example", ip("192.0.2.7"), "mx.example.org", "SMTP",
                "Q1", List.of("a@example.org", "b@example.org"), null, null, DATE);
        assertEquals("Received: from client.example ([192.0.2.7]) by mx.example.org with SMTP id Q1;\r\n"
                + "\tTue, 3 Nov 2026 13:09:04 +0100\r\n", field.text());
    }

    @Test
    void tlsIsNamedInAComment() throws UnknownHostException {
        ReceivedField field = new ReceivedField("[IPv6:2001:db8::7]", ip("2001:db8::7"), "mx.example.org",
                "ESMTPS", "Q2", List.of("bob@example.org"), "TLSv1.3", "TLS_AES_256_GCM_SHA384", DATE);
        String text = field.text();
        assertTrue(text.startsWith("Received: from [IPv6:2001:db8::7] ([IPv6:2001:db8:0:0:0:0:0:7])\r\n"), text);
        assertTrue(text.contains("with ESMTPS (TLSv1.3 with cipher TLS_AES_256_GCM_SHA384)"), text);
        assertTrue(text.endsWith("for <bob@example.org>; Tue, 3 Nov 2026 13:09:04 +0100\r\n"), text);
    }

    @Test
    void everyLineFitsAndContinuationLinesAreFolded() throws UnknownHostException {
        ReceivedField field = new ReceivedField("client.example", ip("192.0.2.7"), "mx.example.org", "ESMTPSA",
                "4F2A9C", List.of("someone.with.a.long.name@example.org"), "TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256",
                DATE);
        String[] lines = field.text().split("\r\n", -1);
        assertEquals("", lines[lines.length - 1]);
        for (int i = 0; i < lines.length - 1; i++) {
            assertTrue(lines[i].length() <= 78, lines[i]);
            assertFalse(lines[i].isBlank());
            assertEquals(i > 0, lines[i].startsWith("\t"), lines[i]);
        }
        assertTrue(lines.length > 2);
    }

    @Test
    void headerInjectionThroughHeloNameIsNeutralised() throws UnknownHostException {
        ReceivedField field = new ReceivedField("evil)(by-forged;", ip("192.0.2.7"), "mx.example.org", "ESMTP",
                "Q3", List.of(), null, null, DATE);
        String text = field.text();
        assertTrue(text.startsWith("Received: from unknown ([192.0.2.7]) (HELO evil\\)\\(by-forged;)"), text);
    }

    @Test
    void missingHeloIsUnknown() throws UnknownHostException {
        ReceivedField field = new ReceivedField(null, ip("192.0.2.7"), "mx.example.org", "SMTP", "Q4", List.of(),
                null, null, DATE);
        assertTrue(field.text().startsWith("Received: from unknown ([192.0.2.7]) (HELO none) by mx.example.org"));
    }

    @Test
    void utf8RecipientIsEncodedAsUtf8() throws UnknownHostException {
        ReceivedField field = new ReceivedField("client.example", ip("192.0.2.7"), "mx.example.org", "UTF8SMTP",
                "Q5", List.of("jösé@bücher.example"), null, null, DATE);
        assertArrayEquals(field.text().getBytes(StandardCharsets.UTF_8), field.toBytes());
        assertTrue(new String(field.toBytes(), StandardCharsets.UTF_8).contains("for <jösé@bücher.example>"));
    }

    @Test
    void builtFromTheSession() throws UnknownHostException {
        SessionInfo session = new SessionInfo(new InetSocketAddress(ip("127.0.0.1"), 40000), "localhost",
                "ESMTPA", null, null, "alice");
        ReceivedField field = ReceivedField.of(session, "mx.example.org", "Q6",
                List.of(new Recipient("bob@example.org", Set.of(), null)), DATE);
        assertEquals("Received: from localhost ([127.0.0.1]) by mx.example.org with ESMTPA id Q6\r\n"
                + "\tfor <bob@example.org>; Tue, 3 Nov 2026 13:09:04 +0100\r\n", field.text());
    }

    @Test
    void protocolNamesFollowRfc3848AndRfc6531() {
        assertEquals("SMTP", ReceivedField.protocolName(false, false, false, false));
        assertEquals("ESMTP", ReceivedField.protocolName(true, false, false, false));
        assertEquals("ESMTPS", ReceivedField.protocolName(true, true, false, false));
        assertEquals("ESMTPA", ReceivedField.protocolName(true, false, true, false));
        assertEquals("ESMTPSA", ReceivedField.protocolName(true, true, true, false));
        assertEquals("UTF8SMTP", ReceivedField.protocolName(true, false, false, true));
        assertEquals("UTF8SMTPA", ReceivedField.protocolName(true, false, true, true));
        assertEquals("UTF8SMTPS", ReceivedField.protocolName(true, true, false, true));
        assertEquals("UTF8SMTPSA", ReceivedField.protocolName(true, true, true, true));
    }
}
