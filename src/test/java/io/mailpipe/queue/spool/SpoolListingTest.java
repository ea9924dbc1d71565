package io.mailpipe.queue.spool;

import io.mailpipe.queue.Disposition;
import io.mailpipe.queue.MutableClock;
import io.mailpipe.queue.QueueRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static io.mailpipe.queue.spool.SpoolFixtures.body;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The mailq-like listing reads queue files only and shows state, age, attempts, sender, recipients and error. */
class SpoolListingTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void listsEveryMessageWithItsStateThenCounts() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (Spool spool = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            spool.store(QueueRecords.accepted("L1", T0, "a@x.example", "b@one.example", "c@two.example"),
                    body("x\r\n"));
            Claim claim = spool.claimNext(1000).orElseThrow();
            spool.finish(claim, Disposition.DEFER, claim.record().afterAttempt(T0.plusSeconds(300), "451 4.3.0 busy"));
            spool.store(QueueRecords.accepted("L2", T0.plusSeconds(3000), "", "d@one.example"), body("y\r\n"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SpoolListing.print(dir, T0.plus(Duration.ofHours(3)), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertEquals(String.join(System.lineSeparator(),
                "incoming L2                             2h   0 <> d@one.example",
                "deferred L1                             3h   1 <a@x.example> b@one.example,c@two.example "
                        + "(451 4.3.0 busy)",
                "counts: {INCOMING=1, ACTIVE=0, DEFERRED=1, DEAD=0}",
                "pending recipients by domain: {one.example=2, two.example=1}", ""), out.toString(StandardCharsets.UTF_8));
    }
}
