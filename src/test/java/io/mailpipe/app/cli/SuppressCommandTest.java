package io.mailpipe.app.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mailpipe suppress}: bad values are usage errors before any broker is asked; no broker is temporary. */
class SuppressCommandTest {

    @Test
    void aBadAddressTenantOrCategoryIsAUsageError() {
        CliRun address = CliRun.run("suppress", "add", "postmaster", "--brokers", "127.0.0.1:1");
        assertEquals(ExitCodes.USAGE, address.exitCode(), address.toString());
        assertTrue(address.stderr().contains("not an address: 'postmaster'"), address.stderr());
        CliRun tenant = CliRun.run("suppress", "remove", "a@b.example", "--tenant", "x/y", "--brokers", "127.0.0.1:1");
        assertEquals(ExitCodes.USAGE, tenant.exitCode(), tenant.toString());
        CliRun category = CliRun.run("suppress", "add", "a@b.example", "--category", "spammy", "--brokers",
                "127.0.0.1:1");
        assertEquals(ExitCodes.USAGE, category.exitCode(), category.toString());
        assertTrue(category.stderr().contains("unknown category 'spammy'"), category.stderr());
    }

    @Test
    void unreachableBrokersAreATemporaryFailure() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        CliRun run = CliRun.run("suppress", "list", "--brokers", "127.0.0.1:" + closedPort, "--timeout-ms", "1500");
        assertEquals(ExitCodes.TEMPORARY, run.exitCode(), run.toString());
        assertTrue(run.stderr().startsWith("mailpipe: cannot reach the brokers"), run.stderr());
    }
}
