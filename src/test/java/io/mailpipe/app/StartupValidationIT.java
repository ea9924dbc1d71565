package io.mailpipe.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailpipe.testing.TestTls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as an operator starts it ({@code java -jar target/mailpipe.jar}) with a broken configuration of each
 * kind: it exits 1 before Camel starts (no port bound), and stderr names the option and where its value came from
 * (the --config file, the environment variable or the -D property). A correct configuration starts, accepts one
 * message over SMTP on a loopback port, and stops on SIGTERM.
 */
class StartupValidationIT {

    private static final Path JAR = Path.of("target/mailpipe.jar").toAbsolutePath();
    private static final String NOTHING_STARTED = "configuration error(s); nothing started";

    @TempDir
    Path work;

    /** The exit status and output of one finished run. */
    private record Run(int exitCode, String stdout, String stderr) {

        void refusedNaming(String... expected) {
            assertEquals(1, exitCode, toString());
            assertTrue(stderr.contains(NOTHING_STARTED), toString());
            assertFalse(stderr.contains("Apache Camel"), "Camel was started:\n" + this);
            for (String text : expected) {
                assertTrue(stderr.contains(text), "no \"" + text + "\" in\n" + this);
            }
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private Process start(Map<String, String> environment, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("stdout").toFile()).redirectError(work.resolve("stderr").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SMTPD_") || name.startsWith("SPF_")
                || name.startsWith("MAILPIPE_") || name.startsWith("CAMEL_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private Run finish(Process process) throws Exception {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("mailpipe did not exit");
        }
        return new Run(process.exitValue(), Files.readString(work.resolve("stdout")),
                Files.readString(work.resolve("stderr")));
    }

    private Run run(Map<String, String> environment, List<String> jvmOptions, String... args) throws Exception {
        return finish(start(environment, jvmOptions, args));
    }

    private Path config(String text) throws IOException {
        return Files.writeString(work.resolve("mailpipe.properties"), text);
    }

    @Test
    void aMisspeltKeyInAConfigFile() throws Exception {
        Path file = config("smtpd.max-recipient = 10\n");

        run(Map.of(), List.of(), "run", "--config", file.toString()).refusedNaming(
                "smtpd.max-recipient (--config " + file + "): unknown key (did you mean smtpd.max-recipients?)");
    }

    @Test
    void aMisspeltEnvironmentVariable() throws Exception {
        run(Map.of("SMTPD_MAX_RECIPENTS", "5"), List.of()).refusedNaming("environment variable"
                + " SMTPD_MAX_RECIPENTS: not a mailpipe setting (did you mean SMTPD_MAX_RECIPIENTS, for"
                + " smtpd.max-recipients?)");
    }

    @Test
    void anUnreadableCertificateFile() throws Exception {
        Path missing = work.resolve("tls/cert.pem");
        Path file = config("smtpd.tls-certificate-file = " + missing + "\nsmtpd.tls-key-file = " + missing + "\n");

        run(Map.of(), List.of(), "run", "--config", file.toString()).refusedNaming(
                "smtpd.tls-certificate-file (--config " + file + "): " + missing + " does not exist");
    }

    @Test
    void aKeyFileThatIsNotAKey() throws Exception {
        try (TestTls tls = new TestTls("mail.test")) {
            run(Map.of("SMTPD_TLS_CERTIFICATE_FILE", tls.certificate.toString(), "SMTPD_TLS_KEY_FILE",
                    tls.certificate.toString()), List.of()).refusedNaming("smtpd.tls-key-file (environment variable"
                    + " SMTPD_TLS_KEY_FILE): " + tls.certificate + " is not a PEM private key");
        }
    }

    @Test
    void aBadPort() throws Exception {
        run(Map.of("SMTPD_PORT", "70000"), List.of()).refusedNaming(
                "smtpd.port (environment variable SMTPD_PORT): \"70000\" is not a port number (1-65535)");
    }

    @Test
    void aBadHost() throws Exception {
        run(Map.of(), List.of("-Dsmtpd.host=no-such-host.invalid"), "run").refusedNaming(
                "smtpd.host (-Dsmtpd.host): \"no-such-host.invalid\" is not an IP address and does not resolve");
    }

    @Test
    void aBadCidrBlockAndABadDurationAreReportedTogether() throws Exception {
        Path file = config("smtpd.trusted-networks = 192.0.2.0/24,10.0.0.0/40\n"
                + "mailpipe.queue.retry-initial-delay = 5 minutes\n");

        run(Map.of(), List.of(), "run", "--config", file.toString()).refusedNaming(
                "smtpd.trusted-networks (--config " + file + "): \"192.0.2.0/24,10.0.0.0/40\" is not a list of CIDR"
                        + " blocks",
                "mailpipe.queue.retry-initial-delay (--config " + file + "): \"5 minutes\" is not a duration",
                "2 configuration error(s)");
    }

    @Test
    void aValueCamelRejectsIsTracedToItsSetting() throws Exception {
        Run run = run(Map.of("MAILPIPE_DELIVERY_URI", "nosuch:foo", "SMTPD_PORT", String.valueOf(freePort()),
                "MAILPIPE_SPOOL_DIRECTORY", work.resolve("spool").toString()), List.of());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("mailpipe: cannot start: Failed to create route: outbound"), run.toString());
        assertTrue(run.stderr().contains("set by mailpipe.delivery.uri = \"nosuch:foo\" (environment variable"
                + " MAILPIPE_DELIVERY_URI)"), run.toString());
    }

    @Test
    void theProdProfileNeedsACertificateAndKeyAndLoadsWithThem() throws Exception {
        Run without = run(Map.of(), List.of(), "config", "check", "--profile", "prod");
        assertEquals(1, without.exitCode(), without.toString());
        assertTrue(without.stdout().contains("error: smtpd.tls-certificate-file (application.properties (in the jar)):"
                + " is empty, but mailpipe.require-tls-files is true"), without.toString());
        assertTrue(without.stdout().contains("error: smtpd.tls-key-file"), without.toString());

        try (TestTls tls = new TestTls("mail.test")) {
            Run with = run(Map.of("SMTPD_TLS_CERTIFICATE_FILE", tls.certificate.toString(), "SMTPD_TLS_KEY_FILE",
                    tls.key.toString()), List.of(), "config", "check", "--profile", "prod");
            assertEquals(0, with.exitCode(), with.toString());
            assertTrue(with.stdout().contains("configuration valid"), with.toString());
        }
    }

    @Test
    void aCorrectConfigurationStartsAndAcceptsAMessage() throws Exception {
        int port = freePort();
        int closed = freePort();
        Path file = config("smtpd.port = " + port + "\nmailpipe.spool.directory = " + work.resolve("spool")
                + "\nmailpipe.queue.event-log = " + work.resolve("events.log")
                + "\nmailpipe.spool.segment-size = 1048576\nmailpipe.dns-servers = 127.0.0.1:" + closed
                + "\nmailpipe.mx.overrides = localhost=127.0.0.1:" + closed + "\n");
        Process process = start(Map.of(), List.of(), "run", "--config", file.toString());
        try {
            String reply = sendOneMessage(port, process);
            assertTrue(reply.startsWith("250 "), reply);
        } finally {
            process.destroy();
        }
        Run stopped = finish(process);
        assertFalse(stopped.stderr().contains(NOTHING_STARTED), stopped.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits (up to 60 s) for the listener, then EHLO, MAIL, RCPT, DATA, QUIT; returns the reply to the data. */
    private static String sendOneMessage(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                socket.setSoTimeout(30_000);
                return converse(socket);
            } catch (java.net.ConnectException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("mailpipe never listened on port " + port, e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static String converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        expect(in, "220");
        send(out, "EHLO client.test");
        expect(in, "250");
        send(out, "MAIL FROM:<sender@localhost>");
        expect(in, "250");
        send(out, "RCPT TO:<postmaster@localhost>");
        expect(in, "250");
        send(out, "DATA");
        expect(in, "354");
        send(out, "Subject: start-up test\r\n\r\nhello\r\n.");
        String reply = expect(in, "");
        send(out, "QUIT");
        return reply;
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one (possibly multi-line) reply and checks its code starts with {@code code}. */
    private static String expect(BufferedReader in, String code) throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        if (line == null || !line.startsWith(code)) {
            throw new AssertionError("expected " + code + " but got " + line);
        }
        return line;
    }
}
