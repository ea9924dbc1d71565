package io.mailpipe.smtp.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connection admission: total and per-client limits answered with 421 4.7.0 in place of the greeting. */
class ConnectionLimitsTest {

    @Test
    void connectionsOverTheTotalLimitAreRefused() throws Exception {
        try (TestServer server = TestServer.start(b -> b.maxConnections(2));
             SmtpTestClient first = server.connect(); SmtpTestClient second = server.connect()) {
            assertEquals(220, first.reply().code());
            assertEquals(220, second.reply().code());
            try (SmtpTestClient third = server.connect()) {
                SmtpTestClient.Reply refused = third.reply();
                assertEquals(421, refused.code());
                assertTrue(refused.last().startsWith("4.7.0"));
                assertTrue(third.closedByServer());
            }
            assertEquals(1, server.counters.connectionsRefused());
        }
    }

    @Test
    void oneClientAddressIsLimitedAndSlotsAreReturnedOnClose() throws Exception {
        try (TestServer server = TestServer.start(b -> b.maxConnectionsPerClient(1))) {
            try (SmtpTestClient first = server.connect()) {
                assertEquals(220, first.reply().code());
                try (SmtpTestClient second = server.connect()) {
                    assertEquals(421, second.reply().code());
                }
                assertEquals(221, first.command("QUIT").code());
                assertTrue(first.closedByServer());
            }
            SmtpTestClient.Reply greeting = null;
            for (int attempt = 0; attempt < 50 && (greeting == null || greeting.code() != 220); attempt++) {
                try (SmtpTestClient again = server.connect()) {
                    greeting = again.reply();
                }
                if (greeting.code() != 220) {
                    Thread.sleep(20);
                }
            }
            assertEquals(220, greeting.code(), "the slot is free once the first connection closed");
        }
    }
}
