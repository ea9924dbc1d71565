package io.mailpipe.spf;

import io.mailpipe.dns.InMemoryResolver;
import io.mailpipe.dns.InMemoryZone;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/** Runs checks against an in-memory zone with a fixed clock and receiver name, for unit tests. */
final class SpfTestSupport {

    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    private SpfTestSupport() {
    }

    static SpfSettings settings() {
        return SpfSettings.defaults().withReceiver("mx.receiver.example")
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static SpfResult mailFrom(InMemoryZone zone, String ip, String mailFrom, String helo) throws Exception {
        return mailFrom(new InMemoryResolver(zone), ip, mailFrom, helo);
    }

    static SpfResult mailFrom(InMemoryResolver resolver, String ip, String mailFrom, String helo) throws Exception {
        SpfChecker checker = new SpfChecker(resolver, settings());
        return checker.checkMailFrom(new SpfRequest(InetAddress.getByName(ip), mailFrom, helo))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static SpfResult helo(InMemoryZone zone, String ip, String helo) throws Exception {
        SpfChecker checker = new SpfChecker(new InMemoryResolver(zone), settings());
        return checker.checkHelo(new SpfRequest(InetAddress.getByName(ip), "someone@else.example", helo))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
