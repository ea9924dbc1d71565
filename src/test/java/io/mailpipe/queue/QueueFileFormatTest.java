package io.mailpipe.queue;

import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The versioned queue file: every envelope and state field survives a round trip; torn files are refused. */
class QueueFileFormatTest {

    @TempDir
    Path dir;

    private static final byte[] BODY =
            "Received: from x\r\nSubject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyFieldOfTheRecordAndTheExactBodySurviveARoundTrip() throws IOException {
        MailFrom from = new MailFrom("a@example.org", OptionalLong.of(1234), MailFrom.BodyType.BINARY_MIME, true,
                MailFrom.DsnReturn.HDRS, "env-42");
        Recipient notifying = new Recipient("b@example.net",
                Set.of(Recipient.Notify.FAILURE, Recipient.Notify.DELAY), "rfc822;B@example.net");
        Recipient silent = new Recipient("c@example.com", Set.of(Recipient.Notify.NEVER), null);
        QueueRecord record = new QueueRecord("Q1.x-2", Instant.parse("2026-11-23T10:15:30Z"), from,
                List.of(new RecipientState(notifying, RecipientStatus.PENDING,
                                new SmtpReply(451, "4.7.1", List.of("greylisted", "come back later")),
                                "mx.example.net"),
                        new RecipientState(silent, RecipientStatus.DELIVERED, SmtpReply.of(250, "2.0.0", "ok"), "mx2")),
                3, Instant.parse("2026-11-23T11:00:00Z"), "451 4.7.1 greylisted", 7, "192.0.2.1", "client.example");

        Path file = write(record, BODY);
        QueueFileFormat.Layout layout = QueueFileFormat.readVerified(file);

        assertEquals(record, layout.record());
        assertEquals(BODY.length, layout.bodyLength());
        assertEquals(layout, QueueFileFormat.readHeader(file), "the header alone gives the same layout");
        try (InputStream body = QueueFileFormat.openBody(file, layout)) {
            assertArrayEquals(BODY, body.readAllBytes());
        }
    }

    @Test
    void theNullSenderAndAbsentParametersStayAbsent() throws IOException {
        MailFrom nullSender = new MailFrom("", OptionalLong.empty(), null, false, null, null);
        QueueRecord record = QueueRecord.accepted("Q2", Instant.EPOCH, nullSender,
                List.of(new Recipient("postmaster@example.org", Set.of(), null)), null, null);

        QueueRecord read = QueueFileFormat.readVerified(write(record, BODY)).record();

        assertEquals(record, read);
        assertTrue(read.mailFrom().isNullSender());
        assertEquals(null, read.nextAttemptAt());
    }

    @Test
    void aTruncatedFileIsRefusedAtEveryLength() throws IOException {
        byte[] whole = Files.readAllBytes(write(QueueRecords.accepted("Q3", Instant.EPOCH, "a@x", "b@y"), BODY));
        for (int length = 0; length < whole.length; length++) {
            Path torn = Files.write(dir.resolve("torn" + length), java.util.Arrays.copyOf(whole, length));
            assertThrows(IOException.class, () -> QueueFileFormat.readVerified(torn), "length " + length);
        }
    }

    @Test
    void aFlippedBodyOctetFailsTheChecksum() throws IOException {
        Path file = write(QueueRecords.accepted("Q4", Instant.EPOCH, "a@x", "b@y"), BODY);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 10] ^= 0x20;
        Files.write(file, bytes);

        assertThrows(IOException.class, () -> QueueFileFormat.readVerified(file));
    }

    @Test
    void aNewerRecordVersionIsRefused() {
        byte[] json = new String(QueueRecordJson.toBytes(QueueRecords.accepted("Q5", Instant.EPOCH, "a@x", "b@y")),
                StandardCharsets.UTF_8).replace("\"v\":1", "\"v\":" + (QueueRecordJson.VERSION + 1))
                .getBytes(StandardCharsets.UTF_8);

        assertThrows(IOException.class, () -> QueueRecordJson.fromBytes(json));
    }

    @Test
    void aBodyShorterThanDeclaredIsAnError() {
        assertThrows(IOException.class, () -> QueueFileFormat.write(OutputStream.nullOutputStream(),
                QueueRecords.accepted("Q6", Instant.EPOCH, "a@x", "b@y"), new ByteArrayInputStream(BODY),
                BODY.length + 1));
    }

    @Test
    void unsafeQueueIdsAreRefused() {
        for (String unsafe : new String[] {"../etc", ".hidden", "a/b", ""}) {
            assertThrows(IllegalArgumentException.class,
                    () -> QueueRecords.accepted(unsafe, Instant.EPOCH, "a@x", "b@y"), unsafe);
        }
    }

    private Path write(QueueRecord record, byte[] body) throws IOException {
        Path file = dir.resolve(record.queueId());
        try (OutputStream out = Files.newOutputStream(file)) {
            QueueFileFormat.write(out, record, new ByteArrayInputStream(body), body.length);
        }
        return file;
    }
}
