package io.mailpipe.camel.observe;

import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.server.SessionSummary;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionLogTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("192.0.2.7", 40123);

    @Test
    void aSessionThatQuitIsOneLineWithEveryFact() {
        SessionSummary summary = new SessionSummary(CLIENT, "mx.client.example", "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                "alice", 2, 1, List.of("Q1", "Q2"), Duration.ofMillis(1234),
                SessionSummary.endingOf(SmtpReply.of(221, "2.0.0", "Bye")), SmtpReply.of(221, "2.0.0", "Bye"));

        assertEquals("client=192.0.2.7:40123 helo=mx.client.example tls=TLSv1.3/TLS_AES_128_GCM_SHA256 auth=alice "
                + "accepted=2 rejected=1 queue_ids=Q1,Q2 duration_ms=1234 end=quit", SessionLog.format(summary));
    }

    @Test
    void aSessionTheServerClosedTellsTheReplyAndOneWithoutTlsSaysNone() {
        SmtpReply timeout = SmtpReply.of(421, "4.4.2", "timeout");
        SessionSummary summary = new SessionSummary(CLIENT, null, null, null, null, 0, 0, List.of(),
                Duration.ofSeconds(300), SessionSummary.endingOf(timeout), timeout);

        assertEquals("client=192.0.2.7:40123 tls=none accepted=0 rejected=0 duration_ms=300000 end=closed_by_server "
                + "reply=\"421 4.4.2 timeout\"", SessionLog.format(summary));
    }

    @Test
    void aClientThatWentAwayWithoutQuitIsDisconnected() {
        SessionSummary summary = new SessionSummary(CLIENT, "x", null, null, null, 0, 0, List.of(), Duration.ZERO,
                SessionSummary.endingOf(null), null);

        assertTrue(SessionLog.format(summary).endsWith(" end=client_disconnected"), SessionLog.format(summary));
    }

    @Test
    void queueIdsAreCappedWithTheCountOfTheRest() {
        List<String> ids = IntStream.range(0, SessionLog.MAX_QUEUE_IDS + 3).mapToObj(i -> "Q" + i).toList();
        SessionSummary summary = new SessionSummary(CLIENT, "x", null, null, null, ids.size(), 0, ids, Duration.ZERO,
                SessionSummary.Ending.QUIT, null);

        String line = SessionLog.format(summary);
        assertTrue(line.contains(",Q" + (SessionLog.MAX_QUEUE_IDS - 1) + ",+3 "), line);
        assertTrue(!line.contains("Q" + SessionLog.MAX_QUEUE_IDS + ","), line);
    }
}
