package io.mailpipe.camel.dkim;

import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.camel.support.RawMessages;
import io.mailpipe.dkim.Canonicalization;
import io.mailpipe.dkim.DkimKeyException;
import io.mailpipe.dkim.DkimSigner;
import io.mailpipe.dkim.KeyTable;
import io.mailpipe.dkim.KeyTableSigning;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dkim:sign}: signs the raw message with every key-table key for its domain (RFC 6376 §5) and prepends the
 * DKIM-Signature fields, first key on top, without re-serialising the message. Loads the key table at start-up so
 * that a bad key stops the route from starting, naming the file. An empty keyTable option means no keys at all:
 * messages pass unsigned, which start-up says once in the log.
 */
public class DkimSignProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(DkimSignProducer.class);

    private final DkimEndpoint endpoint;
    private final DkimSigner signer = new DkimSigner();
    private KeyTableSigning signing;

    public DkimSignProducer(DkimEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (endpoint.getKeyTable() == null || endpoint.getKeyTable().isBlank()) {
            LOG.info("dkim:sign has no key table: messages pass unsigned");
            return;
        }
        KeyTable table;
        try {
            table = KeyTable.load(Path.of(endpoint.getKeyTable()), Duration.ofSeconds(endpoint.getKeyReloadInterval()));
        } catch (DkimKeyException e) {
            throw new IllegalArgumentException("dkim:sign cannot start: " + e.getMessage(), e);
        }
        Canonicalization[] c = endpoint.canonicalizationPair();
        Duration lifetime = endpoint.getSignatureLifetime() > 0 ? Duration.ofSeconds(endpoint.getSignatureLifetime())
                : null;
        signing = new KeyTableSigning(table, endpoint.algorithmSet(), c[0], c[1], endpoint.headerPolicy(),
                endpoint.isTimestamp(), lifetime, endpoint.isBodyLength());
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (signing == null) {
            exchange.getMessage().setHeader(DkimConstants.SIGNATURE_COUNT, 0);
            return;
        }
        RawMessage message = RawMessages.body(exchange);
        String domain = exchange.getMessage().getHeader(DkimConstants.DOMAIN, endpoint.getDomain(), String.class);
        List<String> fields;
        try (InputStream in = message.open()) {
            fields = signer.sign(in, headers -> signing.specsFor(headers, domain));
        }
        for (int i = fields.size() - 1; i >= 0; i--) {
            message = message.prepend(fields.get(i).getBytes(StandardCharsets.UTF_8));
        }
        exchange.getMessage().setBody(message);
        exchange.getMessage().setHeader(DkimConstants.SIGNATURE_COUNT, fields.size());
    }
}
