package io.mailpipe.app.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mailpipe submit}: an unreadable file is a usage error before any broker is asked; no broker is temporary. */
class SubmitCommandTest {

    @Test
    void anUnreadableFileIsAUsageError() {
        CliRun run = CliRun.run("submit", "/nonexistent/requests.jsonl", "--brokers", "127.0.0.1:1");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("cannot read /nonexistent/requests.jsonl"), run.stderr());
    }

    @Test
    void unreachableBrokersAreATemporaryFailure() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        CliRun run = CliRun.run("{}\n".getBytes(StandardCharsets.UTF_8), "submit", "--brokers",
                "127.0.0.1:" + closedPort, "--timeout-ms", "1500");
        assertEquals(ExitCodes.TEMPORARY, run.exitCode(), run.toString());
        assertTrue(run.stderr().startsWith("mailpipe: cannot reach the brokers"), run.stderr());
    }
}
