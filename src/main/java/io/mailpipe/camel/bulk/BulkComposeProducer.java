package io.mailpipe.camel.bulk;

import io.mailpipe.bulk.BulkComposer;
import io.mailpipe.bulk.ComposedMessage;
import io.mailpipe.camel.smtpd.SmtpdConstants;
import io.mailpipe.camel.spool.SpoolConstants;
import io.mailpipe.camel.support.MessageTagHeaders;
import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.smtp.server.SmtpServerConfig;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.DefaultProducer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code bulk:compose}: the request's JSON octets in, a {@code List<Message>} out, one Camel message per composed
 * message with the RFC 5322 octets as {@link RawMessage} body and the envelope (RFC 5321 §3.3; SMTPUTF8 per RFC 6531,
 * BODY per RFC 6152) and tags as headers, ready for {@code direct:enqueue} after a split. Trace field dates are in
 * the system's time zone, as smtpd: writes them.
 */
public class BulkComposeProducer extends DefaultProducer {

    private final BulkEndpoint endpoint;
    private final Clock clock = Clock.systemDefaultZone();
    private BulkComposer composer;

    public BulkComposeProducer(BulkEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String serverName = endpoint.getServerName();
        composer = new BulkComposer(endpoint.settings(), clock, serverName == null || serverName.isBlank()
                ? SmtpServerConfig.localHostName() : serverName.strip());
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        byte[] request = exchange.getMessage().getBody(byte[].class);
        if (request == null) {
            throw new InvalidPayloadException(exchange, byte[].class);
        }
        List<Message> messages = new ArrayList<>();
        for (ComposedMessage composed : composer.compose(request)) {
            messages.add(toMessage(exchange, composed));
        }
        exchange.getMessage().setHeader(BulkConstants.MESSAGE_COUNT, messages.size());
        exchange.getMessage().setBody(messages);
    }

    private Message toMessage(Exchange exchange, ComposedMessage composed) {
        Message message = new DefaultMessage(exchange);
        MailFrom mailFrom = new MailFrom(composed.mailFrom(), OptionalLong.empty(),
                composed.eightBit() ? MailFrom.BodyType.EIGHT_BIT_MIME : MailFrom.BodyType.SEVEN_BIT,
                composed.smtputf8(), null, null);
        List<Recipient> recipients = composed.recipients().stream()
                .map(address -> new Recipient(address, Set.of(), null)).toList();
        message.setBody(RawMessage.of(composed.message()));
        message.setHeader(SmtpdConstants.QUEUE_ID, composed.queueId());
        message.setHeader(SmtpdConstants.RECEIVED_AT, clock.instant());
        message.setHeader(SmtpdConstants.ENVELOPE, new Envelope(mailFrom, recipients));
        message.setHeader(SmtpdConstants.MAIL_FROM, composed.mailFrom());
        message.setHeader(SmtpdConstants.RCPT_TO, composed.recipients());
        message.setHeader(SmtpdConstants.SMTPUTF8, composed.smtputf8());
        message.setHeader(SmtpdConstants.BODY_TYPE, composed.eightBit() ? "8BITMIME" : "7BIT");
        if (composed.messageId() != null) {
            message.setHeader(BulkConstants.MESSAGE_ID, composed.messageId());
        }
        MessageTagHeaders.write(message, composed.tags());
        if (composed.notAfter() != null) {
            message.setHeader(SpoolConstants.NOT_AFTER, composed.notAfter());
        }
        return message;
    }
}
