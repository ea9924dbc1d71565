package io.mailpipe.camel.smtpd;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never an open relay: with the client outside the trusted networks, mail for a local domain is accepted and mail
 * for any other domain is refused with 554 5.7.1 unless the client authenticated. Driven by swaks.
 */
class RelayControlIT extends SmtpdRouteTestSupport {

    @Override
    protected String extraOptions() {
        return "&trustedNetworks=192.0.2.0/24";
    }

    private ExternalProcess swaks(String to, String... more) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("swaks", "--server", "127.0.0.1", "--port",
                String.valueOf(port()), "--from", "sender@client.test.example", "--to", to));
        command.addAll(List.of(more));
        return ExternalProcess.run(command, null, 60);
    }

    @Test
    void mailForALocalDomainIsAcceptedFromAnyone() throws Exception {
        received().expectedMessageCount(1);
        ExternalProcess run = swaks("postmaster@example.org");
        assertEquals(0, run.exitCode(), run.output());
        received().assertIsSatisfied();
    }

    @Test
    void mailForAnotherDomainFromAnUntrustedClientIsRelayAccessDenied() throws Exception {
        ExternalProcess run = swaks("victim@elsewhere.example");
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("554 5.7.1"), run.output());
        assertEquals(0, received().getReceivedCounter());
    }

    @Test
    void anAuthenticatedClientMayRelay() throws Exception {
        received().expectedMessageCount(1);
        ExternalProcess run = swaks("someone@elsewhere.example", "--tls", "--auth", "PLAIN",
                "--auth-user", TestCredentials.USER, "--auth-password", TestCredentials.PASSWORD);
        assertEquals(0, run.exitCode(), run.output());
        received().assertIsSatisfied();
    }
}
