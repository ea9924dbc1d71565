package io.mailpipe.camel.spool;

import io.mailpipe.camel.support.MessageTagHeaders;
import io.mailpipe.queue.MessageTags;
import io.mailpipe.queue.QueueRecord;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The spool's enqueue step stores the tag headers with the message, and a message without them has no tags. */
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
        assertEquals(MessageTags.NONE, ExchangeRecords.toRecord(message(), Clock.systemUTC()).tags());
    }

    private static Message message() {
        Message message = new DefaultMessage(new DefaultCamelContext());
        message.setHeader(SpoolConstants.MAIL_FROM, "a@x.example");
        message.setHeader(SpoolConstants.RCPT_TO, List.of("b@y.example"));
        return message;
    }
}
