package io.mailpipe.camel.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailpipe.bulk.BulkRequestRejectedException;
import io.mailpipe.bulk.Rejection;
import io.mailpipe.smtp.MessageRejectedException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.util.ObjectHelper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Builds the record for {@code <prefix>.submit.rejected} from a failed send request (the exception caught by the
 * route): JSON of schema {@value #SCHEMA} with the reason code, message and JSON Pointer of the {@link Rejection},
 * where the request came from (topic, partition, offset, key) and the request itself, cut to its first
 * {@value #KEPT_OCTETS} octets ("request" when that is UTF-8, else "requestBase64"). The record keeps the request's
 * Kafka key. The request is taken from the exchange property {@value #REQUEST_PROPERTY} when the route kept it
 * there, else from the body. A message the queue refuses as too big (552, RFC 3463 5.3.4) counts as a size rejection.
 */
public final class BulkRejections {

    public static final String SCHEMA = "mailpipe.rejected/1";
    /** The exchange property the route keeps the request octets in while the body becomes messages. */
    public static final String REQUEST_PROPERTY = "MailpipeBulkRequest";
    static final int KEPT_OCTETS = 65536;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BulkRejections() {
    }

    /** Replaces the body with the rejected record; the original request must still be the body. */
    public static void toRecord(Exchange exchange) throws Exception {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Rejection rejection = rejectionOf(caught);
        Message in = exchange.getMessage();
        ObjectNode record = JSON.createObjectNode();
        record.put("schema", SCHEMA);
        record.put("at", Instant.now().toString());
        record.put("reason", rejection.reason().code());
        record.put("message", rejection.message());
        record.put("field", rejection.field());
        ObjectNode source = record.putObject("source");
        source.put("topic", in.getHeader(KafkaConstants.TOPIC, String.class));
        source.put("partition", in.getHeader(KafkaConstants.PARTITION, Integer.class));
        source.put("offset", in.getHeader(KafkaConstants.OFFSET, Long.class));
        byte[] key = in.getHeader(KafkaConstants.KEY, byte[].class);
        source.put("key", key == null ? null : new String(key, StandardCharsets.UTF_8));
        byte[] request = exchange.getProperty(REQUEST_PROPERTY, byte[].class);
        putRequest(record, request != null ? request : in.getBody(byte[].class));
        in.setBody(JSON.writeValueAsBytes(record));
    }

    /** The rejection an exception stands for; anything else is not a rejection and is thrown on. */
    static Rejection rejectionOf(Throwable caught) throws Exception {
        BulkRequestRejectedException rejected = ObjectHelper.getException(BulkRequestRejectedException.class, caught);
        if (rejected != null) {
            return rejected.rejection();
        }
        MessageRejectedException refused = ObjectHelper.getException(MessageRejectedException.class, caught);
        if (refused != null) {
            return new Rejection(Rejection.Reason.SIZE, "the queue refused a message: " + refused.getMessage(), "");
        }
        throw caught instanceof Exception e ? e : new IllegalStateException(caught);
    }

    private static void putRequest(ObjectNode record, byte[] request) {
        if (request == null) {
            return;
        }
        byte[] kept = request.length > KEPT_OCTETS ? Arrays.copyOf(request, KEPT_OCTETS) : request;
        record.put("requestOctets", request.length);
        record.put("requestTruncated", kept.length < request.length);
        try {
            record.put("request", StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(kept)).toString());
        } catch (CharacterCodingException notUtf8) {
            record.put("requestBase64", Base64.getEncoder().encodeToString(kept));
        }
    }
}
