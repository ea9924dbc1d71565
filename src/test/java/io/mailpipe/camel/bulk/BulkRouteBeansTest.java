package io.mailpipe.camel.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.bulk.BulkRequestRejectedException;
import io.mailpipe.bulk.Rejection;
import io.mailpipe.smtp.MessageRejectedException;
import io.mailpipe.smtp.SmtpReply;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The beans of the bulk route: the duplicate key of a request, and the rejected record. */
class BulkRouteBeansTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theKeyIsTenantAndIdempotencyKeyElseTheRecordItself() {
        assertEquals("key:acme/k1", BulkRequestKeys.of(exchange("{\"tenant\":\"acme\",\"idempotencyKey\":\"k1\"}")));
        assertEquals("key:/k1", BulkRequestKeys.of(exchange("{\"idempotencyKey\":\"k1\"}")));
        assertEquals("record:mail.submit/1/42", BulkRequestKeys.of(exchange("{\"tenant\":\"acme\"}")));
        assertEquals("record:mail.submit/1/42", BulkRequestKeys.of(exchange("not json")));
    }

    @Test
    void aRejectedRecordNamesReasonFieldSourceAndRequest() throws Exception {
        Exchange exchange = exchange("{\"bad\":1}");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new BulkRequestRejectedException(Rejection.Reason.SCHEMA,
                "/bad", "unknown field"));

        JsonNode record = rejected(exchange);

        assertEquals("mailpipe.rejected/1", record.path("schema").asText());
        assertEquals("schema", record.path("reason").asText());
        assertEquals("/bad", record.path("field").asText());
        assertEquals("unknown field", record.path("message").asText());
        assertEquals(42, record.path("source").path("offset").asLong());
        assertEquals("acme/k1", record.path("source").path("key").asText());
        assertEquals("{\"bad\":1}", record.path("request").asText());
        assertFalse(record.path("requestTruncated").asBoolean());
    }

    @Test
    void aLargeOrBinaryRequestIsCutAndKeptInBase64() throws Exception {
        byte[] binary = new byte[BulkRejections.KEPT_OCTETS + 10];
        Arrays.fill(binary, (byte) 0xff);
        Exchange exchange = exchange("");
        exchange.getMessage().setBody(binary);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new MessageRejectedException(
                SmtpReply.of(552, "5.3.4", "too big")));

        JsonNode record = rejected(exchange);

        assertEquals("size", record.path("reason").asText());
        assertTrue(record.path("requestTruncated").asBoolean());
        assertEquals(binary.length, record.path("requestOctets").asInt());
        assertEquals(BulkRejections.KEPT_OCTETS,
                java.util.Base64.getDecoder().decode(record.path("requestBase64").asText()).length);
    }

    @Test
    void aFaultThatIsNoRejectionIsThrownOn() {
        Exchange exchange = exchange("{}");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IOException("broker gone"));

        assertThrows(IOException.class, () -> BulkRejections.toRecord(exchange));
    }

    private static JsonNode rejected(Exchange exchange) throws Exception {
        BulkRejections.toRecord(exchange);
        return JSON.readTree(exchange.getMessage().getBody(byte[].class));
    }

    private static Exchange exchange(String body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        exchange.getMessage().setHeader(KafkaConstants.TOPIC, "mail.submit");
        exchange.getMessage().setHeader(KafkaConstants.PARTITION, 1);
        exchange.getMessage().setHeader(KafkaConstants.OFFSET, 42L);
        exchange.getMessage().setHeader(KafkaConstants.KEY, "acme/k1".getBytes(StandardCharsets.UTF_8));
        return exchange;
    }
}
