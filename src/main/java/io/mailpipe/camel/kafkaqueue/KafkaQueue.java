package io.mailpipe.camel.kafkaqueue;

import io.mailpipe.camel.observe.DeliveryMeters;
import io.mailpipe.camel.observe.PipelineMeters;
import io.mailpipe.feedback.BounceClassifier;
import io.mailpipe.queue.kafka.HardBounceSuppression;
import io.mailpipe.feedback.SuppressionEntry;
import io.mailpipe.queue.AttemptResolution;
import io.mailpipe.queue.DeliveryEventSink;
import io.mailpipe.camel.smtpd.SmtpdConstants;
import io.mailpipe.camel.spool.SpoolConstants;
import io.mailpipe.camel.support.MessageTagHeaders;
import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.camel.support.RawMessages;
import io.mailpipe.delivery.DeliveryException;
import io.mailpipe.queue.AttemptResolver;
import io.mailpipe.queue.BounceNotices;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;
import io.mailpipe.queue.kafka.DeliveredLedger;
import io.mailpipe.queue.kafka.DueWait;
import io.mailpipe.queue.kafka.KafkaDeliveryCycle;
import io.mailpipe.queue.kafka.KafkaOutcomes;
import io.mailpipe.queue.kafka.KafkaQueueFormat;
import io.mailpipe.queue.kafka.KafkaQueueSettings;
import io.mailpipe.queue.kafka.KafkaQueueWriter;
import io.mailpipe.queue.kafka.KafkaSuppressions;
import io.mailpipe.queue.kafka.SuppressionList;
import io.mailpipe.queue.kafka.KafkaTopicSetup;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.Recipient;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.util.ObjectHelper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The Kafka queue as one YAML bean with three steps (DESIGN §5, "250 means durable"): {@code enqueue} puts an
 * accepted message on mail.incoming and returns only after the broker acknowledged it; on the consumer side
 * {@code prepare} reads a consumed record, waits until it is due and sets the envelope headers of the delivery
 * endpoint ({@code MailpipeDeliver} tells whether anything is left to deliver), and {@code complete} stores the
 * outcome, then commits the consumed offset. Created with initMethod {@code start} and destroyMethod {@code close}.
 */
public class KafkaQueue extends KafkaQueueOptions {

    /** Header set by {@code prepare}: true when the delivery endpoint has recipients to try. */
    public static final String DELIVER = "MailpipeDeliver";
    static final String PLAN = "MailpipeKafkaPlan";

    private KafkaQueueWriter writer;
    private DeliveredLedger ledger;
    private SuppressionList suppressionList;
    private KafkaDeliveryCycle cycle;
    private volatile DeliveryEventSink deliveryMeters;

    public void start() throws Exception {
        KafkaQueueSettings settings = settings();
        KafkaTopicSetup.ensureTopics(settings, deliveredRetention());
        writer = KafkaQueueWriter.connect(settings);
        ledger = new DeliveredLedger(settings.bootstrapServers(), settings.topics().delivered(),
                getDeliveredCapacity());
        ledger.start();
        if (!ledger.awaitCaughtUp(settings.ackTimeout())) {
            throw new IllegalStateException("could not read " + settings.topics().delivered() + " in time");
        }
        AttemptResolver resolver = new AttemptResolver(schedule(), queueLifetime(), getClock(), new SplittableRandom(),
                BounceClassifier.fromFile(getBounceRules()));
        cycle = new KafkaDeliveryCycle(resolver, writer, ledger, new KafkaOutcomes(settings.topics(), ledger),
                new BounceNotices((message, body, failed, reason) ->
                        getBounceSink().bounce(message, body, failed, reason)), new DueWait(getClock(), maxWait(), Duration.ofMillis(100)),
                startSuppressions(settings));
    }

    private KafkaSuppressions startSuppressions(KafkaQueueSettings settings) throws InterruptedException {
        if (!isSuppressionEnabled()) {
            return KafkaSuppressions.OFF;
        }
        HardBounceSuppression hardBounces = hardBounceSuppression();
        suppressionList = new SuppressionList(settings.bootstrapServers(), settings.topics().suppressed());
        suppressionList.start();
        if (!suppressionList.awaitCaughtUp(settings.ackTimeout())) {
            throw new IllegalStateException("could not read " + settings.topics().suppressed() + " in time");
        }
        return new KafkaSuppressions(suppressionList, hardBounces);
    }

    public void close() throws Exception {
        if (ledger != null) {
            ledger.close();
        }
        if (suppressionList != null) {
            suppressionList.close();
        }
        if (writer != null) {
            writer.close();
        }
    }

    /** The entry by which this replica now suppresses {@code address} for {@code tenant} (null: none), if any. */
    public Optional<SuppressionEntry> suppression(String tenant, String address) {
        return suppressionList == null ? Optional.empty() : suppressionList.find(tenant, address);
    }

    /**
     * Inbound: the exchange from smtpd: becomes records on mail.incoming, acknowledged before this returns. A message
     * made here (a failure report) has no receipt time header and is received now.
     */
    public void enqueue(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        Envelope envelope = in.getHeader(SmtpdConstants.ENVELOPE, Envelope.class);
        RawMessage body = RawMessages.body(exchange);
        writer.requireFits(body.length(), envelope.recipients().size());
        Instant receivedAt = in.getHeader(SmtpdConstants.RECEIVED_AT, Instant.class);
        QueueRecord accepted = QueueRecord.accepted(in.getHeader(SmtpdConstants.QUEUE_ID, String.class),
                receivedAt != null ? receivedAt : getClock().instant(), envelope.mailFrom(), envelope.recipients(),
                in.getHeader(SmtpdConstants.CLIENT_IP, String.class), in.getHeader(SmtpdConstants.HELO_NAME,
                        String.class), MessageTagHeaders.read(in), in.getHeader(SpoolConstants.NOT_AFTER,
                        Instant.class));
        writer.enqueue(accepted, body.toByteArray());
    }

    /** Delivery side, before the delivery endpoint: read, wait until due, skip what was delivered earlier. */
    public void prepare(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        QueueRecord record = KafkaQueueFormat.readRecord(name -> in.getHeader(name, byte[].class));
        byte[] key = in.getHeader(KafkaConstants.KEY, byte[].class);
        KafkaDeliveryCycle.Plan plan = cycle.plan(record, KafkaQueueFormat.readDueAt(name -> in.getHeader(name,
                byte[].class)), key == null ? "" : new String(key, StandardCharsets.UTF_8), in.getBody(byte[].class),
                () -> !exchange.getContext().isStopping());
        exchange.setProperty(PLAN, plan);
        in.setHeader(DELIVER, plan.needsDelivery());
        if (plan.needsDelivery()) {
            setDeliveryHeaders(in, plan);
        }
    }

    /** Delivery side, after the endpoint (its exception caught by the route): store the outcome, then commit. */
    public void complete(Exchange exchange) throws Exception {
        KafkaDeliveryCycle.Plan plan = exchange.getProperty(PLAN, KafkaDeliveryCycle.Plan.class);
        if (!plan.moved()) {
            Throwable caught = plan.needsDelivery() ? exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                    Throwable.class) : null;
            DeliveryException delivery = ObjectHelper.getException(DeliveryException.class, caught);
            AttemptResolution resolution = cycle.finish(plan, delivery != null ? delivery : caught);
            resolution.events().forEach(deliveryMeters(exchange)::record);
        }
        Message in = exchange.getMessage();
        KafkaManualCommit commit = in.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit != null && Boolean.TRUE.equals(in.getHeader(KafkaConstants.LAST_RECORD_BEFORE_COMMIT,
                Boolean.class))) {
            commit.commit();
        }
    }

    /** Recipient outcomes counted in the meters of the exchange's Camel context (looked up once). */
    private DeliveryEventSink deliveryMeters(Exchange exchange) {
        DeliveryEventSink meters = deliveryMeters;
        if (meters == null) {
            meters = new DeliveryMeters(PipelineMeters.of(exchange.getContext()), DeliveryEventSink.NONE);
            deliveryMeters = meters;
        }
        return meters;
    }

    private static void setDeliveryHeaders(Message in, KafkaDeliveryCycle.Plan plan) {
        QueueRecord record = plan.record();
        var recipients = plan.toDeliver().stream().map(RecipientState::recipient).toList();
        in.setHeader(SmtpdConstants.QUEUE_ID, record.queueId());
        in.setHeader(SmtpdConstants.RECEIVED_AT, record.receivedAt());
        in.setHeader(SmtpdConstants.ENVELOPE, new Envelope(record.mailFrom(), recipients));
        in.setHeader(SmtpdConstants.MAIL_FROM, record.mailFrom().reversePath());
        in.setHeader(SmtpdConstants.RCPT_TO, recipients.stream().map(Recipient::address).toList());
        in.setHeader(SmtpdConstants.CLIENT_IP, record.clientIp());
        in.setHeader(SmtpdConstants.HELO_NAME, record.heloName());
        in.setHeader(SpoolConstants.ATTEMPTS, record.attempts());
        MessageTagHeaders.write(in, record.tags());
        if (record.notAfter() != null) {
            in.setHeader(SpoolConstants.NOT_AFTER, record.notAfter());
        }
        in.setBody(RawMessage.of(plan.body()));
    }
}
