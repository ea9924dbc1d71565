package io.mailpipe.camel.spool;

import io.mailpipe.camel.support.MessageTagHeaders;
import io.mailpipe.queue.MessageTags;
import io.mailpipe.queue.QueueRecord;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The spool's enqueue step stores the tag headers and the notAfter header with the message, and a message without
 * them has no tags and no cut-off.
 */
class ExchangeRecordsTagsTest {

    @Test
    void tagHeadersBecomeTheRecordsTags() throws Exception {
        Message message = message();
        message.setHeader(MessageTagHeaders.TENANT, "acme");
        message.setHeader(MessageTagHeaders.IDEMPOTENCY_KEY, "k-7");

        QueueRecord record = ExchangeRecords.toRecord(message, Clock.systemUTC());

        assertEquals(new MessageTags("acme", null, "k-7"), record.tags());
    }

    @Test
    void aMessageWithoutTagHeadersHasNoTags() throws Exception {
        QueueRecord record = ExchangeRecords.toRecord(message(), Clock.systemUTC());

        assertEquals(MessageTags.NONE, record.tags());
        assertNull(record.notAfter());
    }

    @Test
    void theNotAfterHeaderBecomesTheRecordsCutOff() throws Exception {
        Instant notAfter = Instant.parse("2026-11-24T00:00:00Z");
        Message message = message();
        message.setHeader(SpoolConstants.NOT_AFTER, notAfter);

        QueueRecord record = ExchangeRecords.toRecord(message, Clock.systemUTC());

        assertEquals(notAfter, record.notAfter());
    }

    private static Message message() {
        Message message = new DefaultMessage(new DefaultCamelContext());
        message.setHeader(SpoolConstants.MAIL_FROM, "a@x.example");
        message.setHeader(SpoolConstants.RCPT_TO, List.of("b@y.example"));
        return message;
    }
}
