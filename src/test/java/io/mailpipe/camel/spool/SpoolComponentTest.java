package io.mailpipe.camel.spool;

import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.PermanentDeliveryException;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.delivery.TransientDeliveryException;
import io.mailpipe.queue.BounceReason;
import io.mailpipe.queue.MutableClock;
import io.mailpipe.queue.spool.QueueControl;
import io.mailpipe.queue.spool.Spool;
import io.mailpipe.queue.spool.SpoolState;
import io.mailpipe.smtp.SmtpReply;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code spool:} component in a Camel context: the producer stores durably, the consumer hands each due message
 * to the delivery route with its pending recipients and applies the outcome the route reports; a message whose
 * notAfter passed is expired instead of handed over.
 */
class SpoolComponentTest extends CamelTestSupport {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final SmtpReply OK = SmtpReply.of(250, "2.0.0", "ok");
    private static final SmtpReply LATER = SmtpReply.of(451, "4.3.0", "try later");
    private static final SmtpReply UNKNOWN = SmtpReply.of(550, "5.1.1", "unknown user");

    @TempDir
    static Path spoolRoot;

    private final Path spoolDir = spoolRoot.resolve(UUID.randomUUID().toString());

    private final MutableClock clock = new MutableClock(T0);
    private final BlockingQueue<Exchange> attempts = new LinkedBlockingQueue<>();
    private final List<String> bounces = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = exchange -> { };

    private interface Behaviour {
        void deliver(Exchange exchange) throws Exception;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("clock", clock);
        registry.bind("recordingBounces", (io.mailpipe.queue.BounceSink) (message, body, failed, reason) ->
                failed.forEach(f -> bounces.add(message.queueId() + " " + f.address() + " " + reason + " "
                        + f.lastReply())));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String options = "directory=" + spoolDir + "&clock=#clock&concurrentConsumers=2&retryJitter=0"
                + "&retryInitialDelay=5m&bounceSink=#recordingBounces&segmentSize=1048576";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("spool:test?" + options);
                from("spool:test?" + options).routeId("delivery").process(exchange -> {
                    Exchange attempt = exchange.copy();
                    attempt.getMessage().setBody(exchange.getMessage().getBody(String.class));
                    attempts.add(attempt);
                    behaviour.deliver(exchange);
                });
            }
        };
    }

    @Test
    void aDeliveredMessageReachesTheRouteOnceAndLeavesTheSpool() throws Exception {
        send("D1", "a@x.example", "b@y.example");

        Exchange attempt = nextAttempt();
        assertEquals("D1", attempt.getMessage().getHeader(SpoolConstants.QUEUE_ID));
        assertEquals(List.of("b@y.example"), attempt.getMessage().getHeader(SpoolConstants.RCPT_TO));
        assertEquals(0, attempt.getMessage().getHeader(SpoolConstants.ATTEMPTS));
        assertEquals("Subject: D1\r\n\r\nhello\r\n", attempt.getMessage().getBody(String.class));
        await(() -> spool().list().isEmpty());
        await(() -> events().contains("\"event\":\"delivered\""));
    }

    @Test
    void mixedOutcomesRetryOnlyThePendingRecipientAtItsTime() throws Exception {
        behaviour = exchange -> {
            throw new TransientDeliveryException("one deferred", new DeliveryReport(List.of(
                    new RecipientResult("ok@one.example", RecipientOutcome.DELIVERED, OK, "mx.one", null),
                    new RecipientResult("later@two.example", RecipientOutcome.TRANSIENT, LATER, "mx.two", null),
                    new RecipientResult("gone@three.example", RecipientOutcome.PERMANENT, UNKNOWN, "mx.three",
                            null))));
        };
        send("M1", "a@x.example", "ok@one.example", "later@two.example", "gone@three.example");
        nextAttempt();
        await(() -> spool().counts().get(SpoolState.DEFERRED) == 1);
        assertEquals(List.of("M1 gone@three.example PERMANENT_FAILURE 550 5.1.1 unknown user"), bounces);

        behaviour = exchange -> { };
        clock.advance(Duration.ofMinutes(5));
        Exchange retry = nextAttempt();

        assertEquals(List.of("later@two.example"), retry.getMessage().getHeader(SpoolConstants.RCPT_TO));
        assertEquals(1, retry.getMessage().getHeader(SpoolConstants.ATTEMPTS));
        await(() -> spool().counts().get(SpoolState.DEAD) == 1);
        String events = events();
        assertTrue(events.contains("\"event\":\"deferred\",\"queueId\":\"M1\",\"recipient\":\"later@two.example\""),
                events);
        assertTrue(events.contains("\"nextAttemptAt\":\"2026-11-23T08:05:00Z\""), events);
        assertTrue(events.contains("\"event\":\"bounced\",\"queueId\":\"M1\",\"recipient\":\"gone@three.example\","
                + "\"attempt\":1,\"code\":550,\"enhancedStatus\":\"5.1.1\",\"reply\":\"unknown user\","
                + "\"mxHost\":\"mx.three\",\"category\":\"bad_mailbox\",\"statusClass\":\"permanent\""), events);
    }

    @Test
    void aMessageDeferredPastItsNotAfterIsExpiredAndReportedWithoutAnotherAttempt() throws Exception {
        behaviour = exchange -> {
            throw new TransientDeliveryException("deferred", new DeliveryReport(List.of(
                    new RecipientResult("b@y.example", RecipientOutcome.TRANSIENT, LATER, "mx.y", null))));
        };
        Instant notAfter = T0.plus(Duration.ofMinutes(3));
        template.send("direct:in", exchange -> {
            exchange.getMessage().setBody(RawMessage.of("Subject: N1\r\n\r\nhello\r\n"
                    .getBytes(StandardCharsets.UTF_8)));
            exchange.getMessage().setHeaders(Map.of(SpoolConstants.QUEUE_ID, "N1", SpoolConstants.MAIL_FROM,
                    "a@x.example", SpoolConstants.RCPT_TO, List.of("b@y.example"), SpoolConstants.NOT_AFTER, notAfter));
        });
        assertEquals(notAfter, nextAttempt().getMessage().getHeader(SpoolConstants.NOT_AFTER));
        await(() -> spool().counts().get(SpoolState.DEFERRED) == 1);
        assertEquals(notAfter, spool().list().get(0).nextAttemptAt(), "the 5-minute retry is capped at notAfter");

        clock.set(notAfter);

        await(() -> spool().counts().get(SpoolState.DEAD) == 1);
        assertNull(attempts.poll(200, TimeUnit.MILLISECONDS), "no attempt at or after the notAfter");
        assertEquals(List.of("N1 b@y.example " + BounceReason.EXPIRED + " " + LATER), bounces);
        String events = events();
        assertTrue(events.contains("\"event\":\"expired\",\"queueId\":\"N1\",\"recipient\":\"b@y.example\","
                + "\"attempt\":1,\"code\":451,\"enhancedStatus\":\"4.4.7\",\"reply\":\"notAfter "
                + "2026-11-23T08:03:00Z passed; last reply: 451 4.3.0 try later\""), events);
    }

    @Test
    void aPermanentFailureBouncesAndBuriesTheMessage() throws Exception {
        behaviour = exchange -> {
            throw new PermanentDeliveryException("refused", new DeliveryReport(List.of(
                    new RecipientResult("b@y.example", RecipientOutcome.PERMANENT, UNKNOWN, "mx.y", null))));
        };
        send("P1", "a@x.example", "b@y.example");
        nextAttempt();

        await(() -> spool().counts().get(SpoolState.DEAD) == 1);
        assertEquals(List.of("P1 b@y.example " + BounceReason.PERMANENT_FAILURE + " " + UNKNOWN), bounces);
        assertTrue(Files.exists(spoolDir.resolve("dead/P1")));
    }

    @Test
    void anyOtherFailureDefersTheMessage() throws Exception {
        behaviour = exchange -> {
            throw new IllegalStateException("delivery step broken");
        };
        send("F1", "a@x.example", "b@y.example");
        nextAttempt();

        await(() -> spool().counts().get(SpoolState.DEFERRED) == 1);
        assertTrue(spool().list().get(0).lastError().contains("delivery step broken"));
        assertTrue(bounces.isEmpty());
    }

    @Test
    void retryNowThroughQueueControlDeliversADeferredMessageBeforeItsTime() throws Exception {
        behaviour = exchange -> {
            throw new IllegalStateException("remote down");
        };
        send("C1", "a@x.example", "b@y.example");
        nextAttempt();
        await(() -> queueControl().counts().get(SpoolState.DEFERRED) == 1);
        assertEquals(Map.of("y.example", 1), queueControl().pendingRecipientsByDomain());

        behaviour = exchange -> { };
        assertTrue(queueControl().retryNow("C1"));
        Exchange retry = nextAttempt();

        assertEquals(1, retry.getMessage().getHeader(SpoolConstants.ATTEMPTS));
        await(() -> queueControl().list().isEmpty());
    }

    @Test
    void theProducerGivesAMessageWithoutQueueIdANewOneAndKeepsTheEnvelopeHeaders() throws Exception {
        Exchange stored = template.send("direct:in", exchange -> {
            exchange.getMessage().setBody("Subject: no id\r\n\r\nhello\r\n");
            exchange.getMessage().setHeader(SpoolConstants.MAIL_FROM, "");
            exchange.getMessage().setHeader(SpoolConstants.RCPT_TO, List.of("postmaster@y.example"));
        });
        String queueId = stored.getMessage().getHeader(SpoolConstants.QUEUE_ID, String.class);
        assertNotNull(queueId);

        Exchange attempt = nextAttempt();
        assertEquals(queueId, attempt.getMessage().getHeader(SpoolConstants.QUEUE_ID));
        assertEquals("", attempt.getMessage().getHeader(SpoolConstants.MAIL_FROM));
        assertEquals(List.of("postmaster@y.example"), attempt.getMessage().getHeader(SpoolConstants.RCPT_TO));
    }

    @Test
    void aMessageWithoutRecipientsIsRefusedAndNothingIsStored() {
        Exchange refused = template.send("direct:in", exchange -> {
            exchange.getMessage().setBody("Subject: nobody\r\n\r\n");
            exchange.getMessage().setHeader(SpoolConstants.MAIL_FROM, "a@x.example");
        });
        assertNotNull(refused.getException());
        assertTrue(spool().list().isEmpty());
    }

    private void send(String queueId, String from, String... recipients) {
        template.send("direct:in", exchange -> {
            exchange.getMessage().setBody(RawMessage.of(("Subject: " + queueId + "\r\n\r\nhello\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
            exchange.getMessage().setHeaders(Map.of(SpoolConstants.QUEUE_ID, queueId, SpoolConstants.MAIL_FROM, from,
                    SpoolConstants.RCPT_TO, List.of(recipients)));
        });
    }

    private Exchange nextAttempt() throws InterruptedException {
        Exchange attempt = attempts.poll(20, TimeUnit.SECONDS);
        assertNotNull(attempt, "no delivery attempt");
        return attempt;
    }

    private QueueControl queueControl() {
        return ((SpoolConsumer) context.getRoute("delivery").getConsumer()).getQueueControl();
    }

    private Spool spool() {
        return ((SpoolConsumer) context.getRoute("delivery").getConsumer()).getSpool();
    }

    private String events() {
        Path log = spoolDir.resolve("events.log");
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "condition not reached in 20 s");
    }
}
