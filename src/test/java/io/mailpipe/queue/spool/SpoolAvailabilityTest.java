package io.mailpipe.queue.spool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpoolAvailabilityTest {

    @TempDir
    Path root;

    @Test
    void anOpenSpoolWithItsDirectoriesIsAvailable() throws Exception {
        try (Spool spool = Spool.open(root, SpoolFixtures.SETTINGS, Clock.systemUTC())) {
            assertEquals(Optional.empty(), spool.unavailableReason());
        }
    }

    @Test
    void aStateDirectoryReplacedByAFileMakesItUnavailable() throws Exception {
        try (Spool spool = Spool.open(root, SpoolFixtures.SETTINGS, Clock.systemUTC())) {
            Path deferred = root.resolve(SpoolState.DEFERRED.directoryName());
            Files.delete(deferred);
            Files.writeString(deferred, "a file");

            Optional<String> reason = spool.unavailableReason();

            assertEquals(Optional.of(deferred + " is not a writable directory"), reason);
            Files.delete(deferred);
            Files.createDirectory(deferred);
            assertEquals(Optional.empty(), spool.unavailableReason());
        }
    }

    @Test
    void aClosedSpoolIsUnavailable() throws Exception {
        Spool spool = Spool.open(root, SpoolFixtures.SETTINGS, Clock.systemUTC());
        spool.close();

        assertTrue(spool.unavailableReason().orElseThrow().endsWith(" is closed"), spool.unavailableReason().get());
    }
}
