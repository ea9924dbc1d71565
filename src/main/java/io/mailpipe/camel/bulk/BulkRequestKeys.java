package io.mailpipe.camel.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

import java.io.IOException;

/**
 * The duplicate-detection identity of a send request, for the idempotent consumer: {@code key:TENANT/KEY} from the
 * request's tenant and idempotencyKey (so two tenants may use the same key), or, when the request has no key,
 * {@code record:TOPIC/PARTITION/OFFSET}, which still stops the same Kafka record from being sent twice when it is
 * read again after a restart. Reads only those two members; whether the request is valid is decided later.
 */
public final class BulkRequestKeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BulkRequestKeys() {
    }

    public static String of(Exchange exchange) {
        Message in = exchange.getMessage();
        String key = fromRequest(in.getBody(byte[].class));
        if (key != null) {
            return key;
        }
        return "record:" + in.getHeader(KafkaConstants.TOPIC, String.class) + "/"
                + in.getHeader(KafkaConstants.PARTITION, Integer.class) + "/"
                + in.getHeader(KafkaConstants.OFFSET, Long.class);
    }

    private static String fromRequest(byte[] body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode key = root == null ? null : root.get("idempotencyKey");
            if (key == null || !key.isTextual() || key.asText().isEmpty()) {
                return null;
            }
            JsonNode tenant = root.get("tenant");
            return "key:" + (tenant != null && tenant.isTextual() ? tenant.asText() : "") + "/" + key.asText();
        } catch (IOException notJson) {
            return null;
        }
    }
}
