package io.mailpipe.smtp.server;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RCPT relay control: local domains, trusted networks, otherwise 554 5.7.1 (never an open relay). */
class RelayControlTest {

    @Test
    void defaultsTrustLoopbackOnly() throws Exception {
        try (TestServer server = TestServer.start(); SmtpTestClient client = server.connect()) {
            client.hello();
            client.command("MAIL FROM:<a@example.com>");
            assertEquals(250, client.command("RCPT TO:<b@anywhere.test>").code(), "127.0.0.1 is trusted");
        }
    }

    @Test
    void untrustedClientMayOnlyMailLocalDomainsCaseInsensitively() throws Exception {
        try (TestServer server = TestServer.start(b -> b.trustedNetworks(List.of("10.0.0.0/8"))
                .localDomains(Set.of("Example.ORG")));
             SmtpTestClient client = server.connect()) {
            client.hello();
            client.command("MAIL FROM:<a@example.com>");
            SmtpTestClient.Reply denied = client.command("RCPT TO:<b@elsewhere.test>");
            assertEquals(554, denied.code());
            assertTrue(denied.last().startsWith("5.7.1"));
            assertEquals(250, client.command("RCPT TO:<b@EXAMPLE.org>").code());
        }
    }

    @Test
    void trustedNetworkMatchesIpv4MappedAndPrefixes() {
        RelayPolicy policy = new RelayPolicy(Set.of(), List.of("192.0.2.0/24", "2001:db8::/32"));
        assertTrue(policy.isTrusted(address("192.0.2.77")));
        assertTrue(policy.isTrusted(address("::ffff:192.0.2.1")));
        assertTrue(policy.isTrusted(address("2001:db8:1::5")));
        assertEquals(false, policy.isTrusted(address("192.0.3.1")));
        assertEquals(false, policy.isTrusted(address("2001:db9::1")));
    }

    private static java.net.InetAddress address(String literal) {
        try {
            return java.net.InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
