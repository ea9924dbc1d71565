package io.mailpipe.delivery;

import io.mailpipe.dns.InMemoryResolver;
import io.mailpipe.dns.InMemoryZone;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.MessageBytes;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.client.ClientTimeouts;
import io.mailpipe.smtp.client.SmtpClient;
import io.mailpipe.smtp.client.SmtpClientConfig;
import io.mailpipe.testing.ScriptedPeer;
import io.mailpipe.testing.SmtpPeer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivery across several MX hosts on 127.0.0.x addresses sharing one port, with DNS from an in-memory zone:
 * preference, fallback on a refused connection or a 4xx greeting, null MX, and recipients of several domains in one
 * message each ending with their own result.
 */
class MxDeliveryTest {

    private final InMemoryZone zone = new InMemoryZone();
    private SmtpClient client;
    private SmtpPeer primary;
    private SmtpPeer secondary;
    private int port;

    @BeforeEach
    void start() throws Exception {
        secondary = new SmtpPeer("127.0.0.3", b -> b);
        port = secondary.port();
        client = new SmtpClient(SmtpClientConfig.builder().heloName("client.test")
                .timeouts(ClientTimeouts.uniform(Duration.ofSeconds(3))).build());
        zone.addA("mx1.y.test", "127.0.0.2").addA("mx2.y.test", "127.0.0.3");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        secondary.close();
        if (primary != null) {
            primary.close();
        }
    }

    private DeliveryReport deliver(String... recipients) throws Exception {
        MxDelivery delivery = new MxDelivery(client, new MxRouter(new InMemoryResolver(zone),
                RoutingSettings.defaults().withPort(port)), TlsPolicies.opportunistic(), null);
        MailFrom from = new MailFrom("sender@x.test", OptionalLong.empty(), MailFrom.BodyType.SEVEN_BIT, false,
                null, null);
        List<Recipient> rcpts = Arrays.stream(recipients).map(a -> new Recipient(a, Set.of(), null)).toList();
        return delivery.deliver(from, rcpts, content("Subject: hi\r\n\r\nbody\r\n")).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    static MessageBytes content(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return MessageBytes.of(bytes);
    }

    @Test
    void preferredMxReceivesTheMessage() throws Exception {
        primary = new SmtpPeer("127.0.0.2", b -> b.port(port));
        zone.addMx("y.test", 10, "mx1.y.test").addMx("y.test", 20, "mx2.y.test");
        DeliveryReport report = deliver("a@y.test", "b@y.test");
        assertTrue(report.allDelivered(), report.toString());
        assertEquals(1, primary.received.size());
        assertEquals(List.of("a@y.test", "b@y.test"), primary.received.get(0).recipients());
        assertEquals(0, secondary.received.size());
        RecipientResult result = report.results().get(0);
        assertEquals("mx1.y.test", result.mxHost());
        assertEquals("127.0.0.2", result.mxAddress());
        assertEquals("2.0.0", result.reply().enhancedStatus());
    }

    @Test
    void refusedConnectionFallsBackToTheNextMx() throws Exception {
        zone.addMx("y.test", 10, "mx1.y.test").addMx("y.test", 20, "mx2.y.test");
        DeliveryReport report = deliver("a@y.test");
        assertTrue(report.allDelivered(), report.toString());
        assertEquals(1, secondary.received.size());
        assertEquals("mx2.y.test", report.results().get(0).mxHost());
    }

    @Test
    void temporaryGreetingFailureFallsBackToTheNextMx() throws Exception {
        zone.addMx("y.test", 10, "mx1.y.test").addMx("y.test", 20, "mx2.y.test");
        try (ScriptedPeer busy = new ScriptedPeer(InetAddress.getByName("127.0.0.2"), port,
                c -> c.send("421 4.3.2 too busy\r\n"))) {
            DeliveryReport report = deliver("a@y.test");
            assertTrue(report.allDelivered(), report.toString());
            assertEquals(1, secondary.received.size());
        }
    }

    @Test
    void whenEveryMxFailsTheLastFailureIsTransient() throws Exception {
        zone.addMx("y.test", 10, "mx1.y.test").addMx("y.test", 20, "mx4.y.test").addA("mx4.y.test", "127.0.0.4");
        RecipientResult result = deliver("a@y.test").results().get(0);
        assertEquals(RecipientOutcome.TRANSIENT, result.outcome());
        assertEquals("4.4.1", result.reply().enhancedStatus());
        assertEquals("mx4.y.test", result.mxHost());
    }

    @Test
    void ipv6AddressIsTriedFirstWhenPreferred() throws Exception {
        try (SmtpPeer v6 = new SmtpPeer("::1", b -> b.port(port))) {
            zone.addMx("six.test", 10, "dual.six.test").addA("dual.six.test", "127.0.0.3")
                    .addAaaa("dual.six.test", "::1");
            MxDelivery delivery = new MxDelivery(client, new MxRouter(new InMemoryResolver(zone),
                    RoutingSettings.defaults().withPort(port).withIpv6(true, true)), TlsPolicies.opportunistic(),
                    null);
            DeliveryReport report = delivery.deliver(new MailFrom("s@x.test", OptionalLong.empty(),
                            MailFrom.BodyType.SEVEN_BIT, false, null, null),
                    List.of(new Recipient("a@six.test", Set.of(), null)), content("Subject: v6\r\n\r\nx\r\n"))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals("0:0:0:0:0:0:0:1", report.results().get(0).mxAddress());
            assertEquals(1, v6.received.size());
            assertEquals(0, secondary.received.size());
        }
    }

    @Test
    void recipientsOfSeveralDomainsEndWithTheirOwnResults() throws Exception {
        zone.addMx("y.test", 10, "mx2.y.test").addMx("nomail.test", 0, ".").addName("elsewhere.test");
        DeliveryReport report = deliver("a@y.test", "b@nomail.test", "c@missing.test", "d@y.test");
        List<RecipientOutcome> outcomes = report.results().stream().map(RecipientResult::outcome).toList();
        assertEquals(List.of(RecipientOutcome.DELIVERED, RecipientOutcome.PERMANENT, RecipientOutcome.PERMANENT,
                RecipientOutcome.DELIVERED), outcomes);
        assertEquals("5.1.10", report.results().get(1).reply().enhancedStatus());
        assertEquals("5.1.2", report.results().get(2).reply().enhancedStatus());
        assertNull(report.results().get(1).mxHost());
        assertEquals(1, secondary.received.size());
        assertEquals(List.of("a@y.test", "d@y.test"), secondary.received.get(0).recipients());
    }
}
