package io.mailpipe.camel.smtpd;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Python's smtplib (Debian python3) as the client: STARTTLS + AUTH LOGIN, several recipients, dot-stuffing,
 * 8BITMIME and SMTPUTF8, and a large message; the bytes that reach the route are exactly what was sent.
 */
class SmtplibIT extends SmtpdRouteTestSupport {

    private static final String PYTHON = "/usr/bin/python3";

    private ExternalProcess send(byte[] message, String from, List<String> recipients, String... options)
            throws Exception {
        Path script = Path.of("src/test/resources/interop/smtplib_send.py");
        Path file = Files.createTempFile(workDirectory, "message", ".eml");
        Files.write(file, message);
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString(), String.valueOf(port()),
                file.toString(), from));
        command.addAll(recipients);
        command.addAll(List.of(options));
        return ExternalProcess.run(command, null, 120);
    }

    @Test
    void startTlsLoginAndSeveralRecipientsArriveByteForByte() throws Exception {
        String message = "From: Sender <sender@client.test.example>\r\nTo: a@example.org\r\nSubject: dots\r\n\r\n"
                + "first line\r\n.leading dot is stuffed on the wire\r\n..two dots\r\n.\r\nlast\r\n";
        received().expectedMessageCount(1);

        ExternalProcess run = send(message.getBytes(StandardCharsets.UTF_8), "sender@client.test.example",
                List.of("a@example.org", "b@example.org", "c@elsewhere.example"),
                "--starttls", "--login", TestCredentials.USER, TestCredentials.PASSWORD);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("\"refused\": {}"), run.output());
        received().assertIsSatisfied();
        Exchange exchange = received().getReceivedExchanges().get(0);
        assertEquals(message, withoutTraceField(text(exchange)));
        assertEquals(List.of("a@example.org", "b@example.org", "c@elsewhere.example"),
                exchange.getMessage().getHeader(SmtpdConstants.RCPT_TO));
    }

    @Test
    void eightBitBodyAndUtf8AddressesWithSmtputf8() throws Exception {
        String message = "From: José <josé@example.org>\r\nTo: <ünïcode@example.org>\r\nSubject: héllo\r\n\r\n"
                + "Grüße aus Köln\r\n";
        received().expectedMessageCount(1);

        ExternalProcess run = send(message.getBytes(StandardCharsets.UTF_8), "josé@example.org",
                List.of("ünïcode@example.org"), "--smtputf8", "--8bitmime");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("smtputf8") && run.output().contains("8bitmime"), run.output());
        received().assertIsSatisfied();
        Exchange exchange = received().getReceivedExchanges().get(0);
        assertEquals("josé@example.org", exchange.getMessage().getHeader(SmtpdConstants.MAIL_FROM));
        assertEquals(Boolean.TRUE, exchange.getMessage().getHeader(SmtpdConstants.SMTPUTF8));
        assertEquals("8BITMIME", exchange.getMessage().getHeader(SmtpdConstants.BODY_TYPE));
        assertEquals(message, withoutTraceField(text(exchange)));
    }

    @Test
    void aTwentyMegabyteMessageArrivesWhole() throws Exception {
        StringBuilder body = new StringBuilder("Subject: big\r\n\r\n");
        String line = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\r\n";
        while (body.length() < 20 * 1024 * 1024) {
            body.append(line);
        }
        byte[] message = body.toString().getBytes(StandardCharsets.US_ASCII);
        received().expectedMessageCount(1);

        ExternalProcess run = send(message, "sender@client.test.example", List.of("big@example.org"));

        assertEquals(0, run.exitCode(), run.output());
        received().assertIsSatisfied();
        String arrived = withoutTraceField(text(received().getReceivedExchanges().get(0)));
        assertEquals(message.length, arrived.length());
        assertEquals(body.toString(), arrived);
    }
}
