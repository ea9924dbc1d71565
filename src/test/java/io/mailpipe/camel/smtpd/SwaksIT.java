package io.mailpipe.camel.smtpd;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** swaks (Debian) against smtpd: with STARTTLS, AUTH PLAIN/LOGIN and PIPELINING (RFC 3207, 4954, 2920). */
class SwaksIT extends SmtpdRouteTestSupport {

    private List<String> swaks(String... options) {
        List<String> command = new ArrayList<>(List.of("swaks", "--server", "127.0.0.1", "--port",
                String.valueOf(port()), "--helo", "client.test.example", "--from", "sender@client.test.example",
                "--h-Subject", "interop"));
        command.addAll(List.of(options));
        return command;
    }

    @Test
    void startTlsThenAuthPlainWithPipeliningDeliversTheMessage() throws Exception {
        received().expectedMessageCount(1);
        ExternalProcess run = ExternalProcess.run(swaks("--to", "someone@elsewhere.example", "--tls",
                "--auth", "PLAIN", "--auth-user", TestCredentials.USER, "--auth-password", TestCredentials.PASSWORD,
                "--pipeline", "--body", "hello over TLS"), null, 60);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("250-PIPELINING") || run.output().contains("250 PIPELINING"), run.output());
        received().assertIsSatisfied();
        Exchange exchange = received().getReceivedExchanges().get(0);
        assertEquals(TestCredentials.USER, exchange.getMessage().getHeader(SmtpdConstants.AUTHENTICATED_USER));
        assertTrue(exchange.getMessage().getHeader(SmtpdConstants.TLS_PROTOCOL, String.class).startsWith("TLSv1."));
        assertEquals("ESMTPSA", exchange.getMessage().getHeader(SmtpdConstants.PROTOCOL));
        assertEquals(List.of("someone@elsewhere.example"), exchange.getMessage().getHeader(SmtpdConstants.RCPT_TO));
        assertTrue(text(exchange).contains("hello over TLS"));
    }

    @Test
    void authLoginWorksToo() throws Exception {
        received().expectedMessageCount(1);
        ExternalProcess run = ExternalProcess.run(swaks("--to", "someone@elsewhere.example", "--tls",
                "--auth", "LOGIN", "--auth-user", TestCredentials.USER, "--auth-password", TestCredentials.PASSWORD),
                null, 60);

        assertEquals(0, run.exitCode(), run.output());
        received().assertIsSatisfied();
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsRelayed() throws Exception {
        ExternalProcess run = ExternalProcess.run(swaks("--to", "someone@elsewhere.example", "--tls",
                "--auth", "PLAIN", "--auth-user", TestCredentials.USER, "--auth-password", "wrong"), null, 60);

        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("535 5.7.8"), run.output());
        assertEquals(0, received().getReceivedCounter());
    }

    @Test
    void authIsNotOfferedBeforeTls() throws Exception {
        ExternalProcess run = ExternalProcess.run(swaks("--to", "someone@elsewhere.example", "--quit-after", "EHLO"),
                null, 60);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("STARTTLS"), run.output());
        assertTrue(!run.output().contains("AUTH PLAIN") && !run.output().contains("AUTH LOGIN"), run.output());
    }
}
