package io.mailpipe.queue.dsn;

import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 3464 reports, checked by parsing them back with a MIME parser (Angus Mail, from camel-mail in test scope). */
class DsnBuilderTest {

    private static final String ORIGINAL = "Subject: quarterly figures\r\nFrom: a@x.test\r\n\r\nbody line\r\n";

    private static MailFrom from(String path, MailFrom.DsnReturn ret, String envid) {
        return new MailFrom(path, OptionalLong.empty(), MailFrom.BodyType.SEVEN_BIT, false, ret, envid);
    }

    private static RecipientResult failed(String address) {
        return new RecipientResult(address, RecipientOutcome.PERMANENT, SmtpReply.of(550, "5.1.1", "no such user"),
                "mx.y.test", "127.0.0.2");
    }

    private static RecipientResult delivered(String address) {
        return new RecipientResult(address, RecipientOutcome.DELIVERED, SmtpReply.of(250, "2.0.0", "ok"),
                "mx.y.test", "127.0.0.2");
    }

    private static String build(DsnRequest request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DsnBuilder.write(request, new ByteArrayInputStream(ORIGINAL.getBytes(StandardCharsets.US_ASCII)), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static MimeMessage parse(String dsn) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(dsn.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reportIsAMultipartReportWithThreeParts() throws Exception {
        Recipient bob = new Recipient("bob@y.test", Set.of(), "rfc822;bobby@y.test");
        DsnRequest request = new DsnRequest("mta.x.test", from("a@x.test", MailFrom.DsnReturn.HDRS, "env-42"),
                List.of(bob, new Recipient("carol@y.test", Set.of(), null)),
                List.of(failed("bob@y.test"), delivered("carol@y.test")), Instant.parse("2026-01-02T03:04:05Z"));
        MimeMessage dsn = parse(build(request));
        assertTrue(dsn.getContentType().startsWith("multipart/report"), dsn.getContentType());
        assertTrue(dsn.getContentType().contains("report-type=delivery-status"));
        assertEquals("<a@x.test>", dsn.getHeader("To")[0]);
        Multipart parts = (Multipart) dsn.getContent();
        assertEquals(3, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("message/delivery-status"));
        assertTrue(parts.getBodyPart(2).isMimeType("text/rfc822-headers"));
        String status = new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(status.contains("Reporting-MTA: dns; mta.x.test\r\n"), status);
        assertTrue(status.contains("Original-Envelope-Id: env-42\r\n"));
        assertTrue(status.contains("Arrival-Date: Fri, 2 Jan 2026 03:04:05 GMT\r\n"), status);
        assertTrue(status.contains("Original-Recipient: rfc822; bobby@y.test\r\nFinal-Recipient: rfc822; bob@y.test\r\n"
                + "Action: failed\r\nStatus: 5.1.1\r\nRemote-MTA: dns; mx.y.test\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 no such user\r\n"), status);
        assertFalse(status.contains("carol"));
        String headers = new String(parts.getBodyPart(2).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(headers.contains("Subject: quarterly figures"));
        assertFalse(headers.contains("body line"));
    }

    @Test
    void retFullReturnsTheWholeMessage() throws Exception {
        DsnRequest request = new DsnRequest("mta.x.test", from("a@x.test", MailFrom.DsnReturn.FULL, null),
                List.of(), List.of(failed("bob@y.test")), Instant.now());
        String dsn = build(request);
        Multipart parts = (Multipart) parse(dsn).getContent();
        assertTrue(parts.getBodyPart(2).isMimeType("message/rfc822"));
        assertTrue(dsn.contains("body line"));
        assertFalse(dsn.contains("Original-Envelope-Id"));
    }

    @Test
    void noReportForTheNullSenderOrWhenNotifyExcludesFailure() {
        DsnRequest bounceOfBounce = new DsnRequest("mta.x.test", from("", null, null), List.of(),
                List.of(failed("bob@y.test")), Instant.now());
        assertFalse(bounceOfBounce.isRequired());
        assertThrows(IllegalStateException.class, () -> build(bounceOfBounce));
        DsnRequest never = new DsnRequest("mta.x.test", from("a@x.test", null, null),
                List.of(new Recipient("bob@y.test", EnumSet.of(Recipient.Notify.NEVER), null),
                        new Recipient("dan@y.test", EnumSet.of(Recipient.Notify.SUCCESS), null)),
                List.of(failed("bob@y.test"), failed("dan@y.test")), Instant.now());
        assertFalse(never.isRequired());
        DsnRequest delayOnly = new DsnRequest("mta.x.test", from("a@x.test", null, null),
                List.of(new Recipient("bob@y.test", EnumSet.of(Recipient.Notify.FAILURE, Recipient.Notify.DELAY),
                        null)), List.of(failed("bob@y.test"), delivered("eve@y.test")), Instant.now());
        assertEquals(1, delayOnly.reportableFailures().size());
    }

    @Test
    void headerCopyStopsAtTheEmptyLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OriginalHeader.copy(new ByteArrayInputStream("A: 1\r\nB: 2\r\n\r\nbody\r\n".getBytes()), out);
        assertEquals("A: 1\r\nB: 2\r\n", out.toString(StandardCharsets.US_ASCII));
        out.reset();
        OriginalHeader.copy(new ByteArrayInputStream("A: 1\nB: 2\n\nbody\n".getBytes()), out);
        assertEquals("A: 1\nB: 2\n", out.toString(StandardCharsets.US_ASCII));
    }
}
