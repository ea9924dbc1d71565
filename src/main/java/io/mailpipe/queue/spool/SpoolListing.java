package io.mailpipe.queue.spool;

import io.mailpipe.queue.QueueFileFormat;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A read-only listing of a spool directory from the command line, like Postfix's mailq: one line per message (state,
 * queue id, age, attempts, sender, pending recipients, last error), then counts per state and pending recipients per
 * destination domain. Reads the files only, so it works whether or not mailpipe is running; a file that moves while
 * being listed is skipped. Usage: {@code java -cp mailpipe.jar io.mailpipe.queue.spool.SpoolListing data/spool}.
 */
public final class SpoolListing {

    private SpoolListing() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SpoolListing <spool directory>");
            System.exit(2);
        }
        print(Path.of(args[0]), Instant.now(), System.out);
    }

    static void print(Path root, Instant now, PrintStream out) throws IOException {
        Map<SpoolState, Integer> counts = new EnumMap<>(SpoolState.class);
        Map<String, Integer> domains = new TreeMap<>();
        for (SpoolState state : SpoolState.values()) {
            counts.put(state, 0);
            for (Path file : files(root.resolve(state.directoryName()))) {
                QueueRecord record;
                try {
                    record = QueueFileFormat.readVerified(file).record();
                } catch (IOException movedOrIncomplete) {
                    continue;
                }
                counts.merge(state, 1, Integer::sum);
                List<String> pending = record.pendingRecipients().stream().map(RecipientState::address).toList();
                record.pendingRecipients().forEach(r -> domains.merge(r.recipient().domain(), 1, Integer::sum));
                out.printf("%-8s %-24s %8s %3d <%s> %s%s%n", state.directoryName(), record.queueId(),
                        age(Duration.between(record.receivedAt(), now)), record.attempts(),
                        record.mailFrom().reversePath(), String.join(",", pending),
                        record.lastError() == null ? "" : " (" + record.lastError() + ")");
            }
        }
        out.println("counts: " + counts);
        out.println("pending recipients by domain: " + domains);
    }

    private static String age(Duration age) {
        long minutes = age.toMinutes();
        return minutes < 60 ? minutes + "m" : minutes < 2880 ? age.toHours() + "h" : age.toDays() + "d";
    }

    private static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
