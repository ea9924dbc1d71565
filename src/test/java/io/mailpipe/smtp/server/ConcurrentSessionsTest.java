package io.mailpipe.smtp.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 200 concurrent sessions, each sending messages; every message is acknowledged and received once, also when one
 * event-loop thread carries them all.
 */
class ConcurrentSessionsTest {

    private static final int SESSIONS = 200;
    private static final int MESSAGES_PER_SESSION = 3;

    @Test
    void twoHundredSessionsEachDeliverTheirMessages() throws Exception {
        try (TestServer server = TestServer.start(b -> b.maxConnectionsPerClient(SESSIONS))) {
            assertEquals(SESSIONS * MESSAGES_PER_SESSION, runConcurrently(server, SESSIONS));
            assertEquals(SESSIONS * MESSAGES_PER_SESSION, server.receiver.received().size());
            long distinctIds = server.receiver.received().stream().map(r -> r.message().queueId()).distinct().count();
            assertEquals(SESSIONS * MESSAGES_PER_SESSION, distinctIds);
        }
    }

    @Test
    void oneIoThreadCarriesEverySessionWhenConfigured() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (TestServer server = TestServer.start(b -> b.ioThreads(1).maxConnectionsPerClient(20))) {
            assertEquals(20 * MESSAGES_PER_SESSION, runConcurrently(server, 20));
            Set<String> ioThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !before.contains(thread) && thread.getName().startsWith("mailpipe-smtpd-io"))
                    .map(Thread::getName).collect(Collectors.toSet());
            assertEquals(1, ioThreads.size(), ioThreads.toString());
        }
    }

    /** Runs {@code sessions} sessions at once; returns how many of their messages got a 250. */
    private static int runConcurrently(TestServer server, int sessions) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                int session = s;
                results.add(clients.submit(() -> run(server, session)));
            }
            int accepted = 0;
            for (Future<Integer> result : results) {
                accepted += result.get(60, TimeUnit.SECONDS);
            }
            return accepted;
        } finally {
            clients.shutdownNow();
        }
    }

    private static int run(TestServer server, int session) throws Exception {
        int accepted = 0;
        try (SmtpTestClient client = server.connect()) {
            client.hello();
            for (int m = 0; m < MESSAGES_PER_SESSION; m++) {
                String body = "Subject: s" + session + " m" + m + "\r\n\r\nhello\r\n";
                if (client.sendMessage("a@example.com", "b@example.org", body).code() == 250) {
                    accepted++;
                }
            }
            client.command("QUIT");
        }
        return accepted;
    }
}
