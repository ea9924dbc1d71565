package io.mailpipe.delivery;

import io.mailpipe.dns.DnsStatus;
import io.mailpipe.dns.InMemoryResolver;
import io.mailpipe.dns.InMemoryZone;
import io.mailpipe.dns.MxRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MX routing of RFC 5321 §5.1 and RFC 7505 over an in-memory zone. */
class MxRouterTest {

    private final InMemoryZone zone = new InMemoryZone();

    private Route route(RoutingSettings settings, String domain) {
        return new MxRouter(new InMemoryResolver(zone), settings).route(domain).toCompletableFuture().join();
    }

    private Route route(String domain) {
        return route(RoutingSettings.defaults(), domain);
    }

    private static List<String> targets(Route route) {
        return route.targets().stream().map(t -> t.hostName() + "/" + t.address().getHostAddress()).toList();
    }

    @Test
    void mxHostsAreTriedByPreferenceWithAllTheirAddresses() {
        zone.addMx("y.test", 20, "b.mx.y.test").addMx("y.test", 10, "a.mx.y.test")
                .addA("a.mx.y.test", "127.0.0.2").addA("a.mx.y.test", "127.0.0.3").addAaaa("a.mx.y.test", "::1")
                .addA("b.mx.y.test", "127.0.0.4");
        assertEquals(List.of("a.mx.y.test/127.0.0.2", "a.mx.y.test/127.0.0.3", "a.mx.y.test/0:0:0:0:0:0:0:1",
                "b.mx.y.test/127.0.0.4"), targets(route("y.test")));
    }

    @Test
    void ipv6PreferencePutsAaaaFirstAndIpv6CanBeSwitchedOff() {
        zone.addMx("y.test", 10, "mx.y.test").addA("mx.y.test", "127.0.0.2").addAaaa("mx.y.test", "::1");
        assertEquals(List.of("mx.y.test/0:0:0:0:0:0:0:1", "mx.y.test/127.0.0.2"),
                targets(route(RoutingSettings.defaults().withIpv6(true, true), "y.test")));
        assertEquals(List.of("mx.y.test/127.0.0.2"),
                targets(route(RoutingSettings.defaults().withIpv6(false, false), "y.test")));
    }

    @Test
    void equalPreferencesAreShuffled() {
        List<MxRecord> records = List.of(new MxRecord(10, "a.test"), new MxRecord(10, "b.test"),
                new MxRecord(5, "first.test"), new MxRecord(10, "c.test"));
        Set<String> seconds = new HashSet<>();
        for (int seed = 0; seed < 50; seed++) {
            List<String> hosts = new MxRouter(new InMemoryResolver(zone), RoutingSettings.defaults(),
                    new Random(seed)).orderedHosts(records);
            assertEquals("first.test", hosts.get(0));
            assertEquals(Set.of("a.test", "b.test", "c.test"), Set.copyOf(hosts.subList(1, 4)));
            seconds.add(hosts.get(1));
        }
        assertEquals(3, seconds.size());
    }

    @Test
    void hostAndAddressLimitsCutTheList() {
        for (int i = 0; i < 8; i++) {
            zone.addMx("y.test", i, "mx" + i + ".y.test").addA("mx" + i + ".y.test", "127.0.1." + i)
                    .addA("mx" + i + ".y.test", "127.0.2." + i);
        }
        assertEquals(6, route(RoutingSettings.defaults().withLimits(3, 10), "y.test").targets().size());
        assertEquals(5, route(RoutingSettings.defaults().withLimits(8, 5), "y.test").targets().size());
    }

    @Test
    void noMxMeansTheDomainIsItsOwnMailServer() {
        zone.addA("y.test", "127.0.0.5");
        assertEquals(List.of("y.test/127.0.0.5"), targets(route("y.test")));
    }

    @Test
    void nullMxFailsPermanentlyWith5110() {
        zone.addMx("y.test", 0, ".");
        Route route = route("y.test");
        assertEquals("5.1.10", route.failure().enhancedStatus());
        assertTrue(route.failure().isPermanentFailure());
    }

    @Test
    void nxdomainFailsPermanentlyWith512() {
        zone.addName("other.test");
        assertEquals("5.1.2", route("y.test").failure().enhancedStatus());
    }

    @Test
    void dnsFailuresAreTransient() {
        zone.fail("y.test", InMemoryZone.Type.MX, DnsStatus.SERVFAIL);
        zone.fail("z.test", InMemoryZone.Type.MX, DnsStatus.TIMEOUT);
        zone.addMx("w.test", 10, "mx.w.test").failAll("mx.w.test", DnsStatus.SERVFAIL);
        for (String domain : List.of("y.test", "z.test", "w.test")) {
            Route route = route(domain);
            assertEquals("4.4.3", route.failure().enhancedStatus(), domain);
            assertTrue(route.failure().isTransientFailure());
        }
    }

    @Test
    void mxHostsWithoutAddressesFailPermanently() {
        zone.addMx("y.test", 10, "gone.y.test").addName("gone.y.test");
        assertEquals("5.4.4", route("y.test").failure().enhancedStatus());
    }

    @Test
    void addressLiteralsAreUsedDirectly() {
        assertEquals(List.of("[127.0.0.9]/127.0.0.9"), targets(route("[127.0.0.9]")));
        assertEquals(List.of("[ipv6:::1]/0:0:0:0:0:0:0:1"), targets(route("[ipv6:::1]")));
        assertEquals("5.1.3", route("[999.1.1.1]").failure().enhancedStatus());
    }

    @Test
    void overridesAndSmarthostReplaceTheMxLookup() {
        zone.addMx("y.test", 10, "mx.y.test").addA("mx.y.test", "127.0.0.2").addA("relay.test", "127.0.0.7");
        RoutingSettings overridden = RoutingSettings.defaults()
                .withOverrides(Map.of("Y.test", HostAndPort.parse("127.0.0.3:2525", 25)));
        Route route = route(overridden, "y.test");
        assertEquals(List.of("127.0.0.3/127.0.0.3"), targets(route));
        assertEquals(2525, route.targets().get(0).port());
        Route relayed = route(RoutingSettings.defaults().withSmarthost(HostAndPort.parse("relay.test:587", 25)),
                "y.test");
        assertEquals(List.of("relay.test/127.0.0.7"), targets(relayed));
        assertEquals(587, relayed.targets().get(0).port());
        assertNull(relayed.failure());
    }

    @Test
    void hostAndPortParsing() {
        assertEquals(new HostAndPort("mx.test", 25), HostAndPort.parse("MX.test.", 25));
        assertEquals(new HostAndPort("::1", 2525), HostAndPort.parse("[::1]:2525", 25));
        assertEquals(new HostAndPort("127.0.0.1", 10025), HostAndPort.parse("127.0.0.1:10025", 25));
    }
}
