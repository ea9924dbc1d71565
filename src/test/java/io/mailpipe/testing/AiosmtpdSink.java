package io.mailpipe.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test resource {@code mx/rule_sink.py} run by Debian's python3 with python3-aiosmtpd: a real SMTP server on
 * 127.0.0.1 answering RCPT by local-part rules and logging each accepted message as JSON. Optional STARTTLS.
 * {@link #close()} stops the process and removes its files.
 */
public final class AiosmtpdSink implements AutoCloseable {

    private static final String PYTHON = "/usr/bin/python3";

    private final Path directory;
    private final Path log;
    private final Path rcptLog;
    private final Process process;
    private final int port;

    public AiosmtpdSink(String rulesJson, TestTls tls) throws IOException, InterruptedException {
        directory = Files.createTempDirectory("aiosmtpd-sink");
        Path script = directory.resolve("rule_sink.py");
        try (InputStream in = AiosmtpdSink.class.getResourceAsStream("/mx/rule_sink.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        log = directory.resolve("messages.jsonl");
        rcptLog = directory.resolve("rcpts.log");
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString(), "--port", String.valueOf(port),
                "--rules", rulesJson, "--log", log.toString(), "--rcpt-log", rcptLog.toString()));
        if (tls != null) {
            command.addAll(List.of("--tls-cert", tls.certificate.toString(), "--tls-key", tls.key.toString()));
        }
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        awaitReady();
    }

    private void awaitReady() throws IOException, InterruptedException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            if (line.startsWith("READY")) {
                return;
            }
            seen.append(line).append('\n');
        }
        process.destroyForcibly();
        throw new IOException("aiosmtpd sink did not start (apt-get install -y python3-aiosmtpd): " + seen);
    }

    public int port() {
        return port;
    }

    /** Every RCPT TO address received so far, accepted or not, in order. */
    public List<String> rcptAttempts() throws IOException {
        return Files.exists(rcptLog) ? Files.readAllLines(rcptLog, StandardCharsets.UTF_8) : List.of();
    }

    /** Every message accepted so far, as logged by the sink. */
    public List<JsonNode> messages() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(log)) {
            return out;
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            out.add(json.readTree(line));
        }
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(directory)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
