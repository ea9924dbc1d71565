package io.mailpipe.dns;

import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.MxDelivery;
import io.mailpipe.delivery.MxRouter;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.delivery.RoutingSettings;
import io.mailpipe.delivery.TlsPolicies;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.MessageBytes;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.client.ClientTimeouts;
import io.mailpipe.smtp.client.SmtpClient;
import io.mailpipe.smtp.client.SmtpClientConfig;
import io.mailpipe.testing.SmtpPeer;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * MX routing with DNS from a real server: unbound on loopback serves MX records whose hosts live on 127.0.0.2
 * (nothing listening) and 127.0.0.3 (the project's server engine), a null MX domain, and NXDOMAIN for the rest;
 * delivery goes through the dnsjava resolver like in production.
 */
class MxRoutingOverUnboundIT {

    private static UnboundServer unbound;
    private static SmtpPeer backup;

    @BeforeAll
    static void start() throws Exception {
        backup = new SmtpPeer("127.0.0.3", b -> b);
        unbound = UnboundServer.start(List.of(
                "local-zone: \"mx.test.\" static",
                "local-data: \"mx.test. 300 IN SOA ns.mx.test. admin.mx.test. 1 3600 600 86400 300\"",
                "local-data: \"y.mx.test. 300 IN MX 10 primary.mx.test.\"",
                "local-data: \"y.mx.test. 300 IN MX 20 backup.mx.test.\"",
                "local-data: \"primary.mx.test. 300 IN A 127.0.0.2\"",
                "local-data: \"backup.mx.test. 300 IN A 127.0.0.3\"",
                "local-data: \"nomail.mx.test. 300 IN MX 0 .\"",
                "local-data: \"implicit.mx.test. 300 IN A 127.0.0.3\""), List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        unbound.close();
        backup.close();
    }

    @Test
    void deliveryFollowsRealMxRecordsWithFallbackImplicitMxNullMxAndNxdomain() throws Exception {
        DnsjavaResolver resolver = new DnsjavaResolver(DnsjavaResolverSettings.defaults()
                .withServers(List.of(unbound.address())).withTimeout(Duration.ofSeconds(2), 1));
        try (SmtpClient client = new SmtpClient(SmtpClientConfig.builder().heloName("client.test")
                .timeouts(ClientTimeouts.uniform(Duration.ofSeconds(5))).build())) {
            MxDelivery delivery = new MxDelivery(client, new MxRouter(resolver,
                    RoutingSettings.defaults().withPort(backup.port())), TlsPolicies.opportunistic(), null);
            List<Recipient> recipients = List.of("a@y.mx.test", "b@implicit.mx.test", "c@nomail.mx.test",
                    "d@missing.mx.test").stream().map(a -> new Recipient(a, Set.of(), null)).toList();
            DeliveryReport report = delivery.deliver(new MailFrom("s@x.test", OptionalLong.empty(),
                    MailFrom.BodyType.SEVEN_BIT, false, null, null), recipients, content())
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
            List<RecipientResult> results = report.results();
            assertEquals(List.of(RecipientOutcome.DELIVERED, RecipientOutcome.DELIVERED, RecipientOutcome.PERMANENT,
                    RecipientOutcome.PERMANENT), results.stream().map(RecipientResult::outcome).toList());
            assertEquals("backup.mx.test", results.get(0).mxHost());
            assertEquals("implicit.mx.test", results.get(1).mxHost());
            assertEquals("5.1.10", results.get(2).reply().enhancedStatus());
            assertEquals("5.1.2", results.get(3).reply().enhancedStatus());
            assertEquals(2, backup.received.size());
        }
    }

    private static MessageBytes content() {
        byte[] bytes = "Subject: dns\r\n\r\nhello\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return MessageBytes.of(bytes);
    }
}
