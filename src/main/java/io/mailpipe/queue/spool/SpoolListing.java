package io.mailpipe.queue.spool;

import io.mailpipe.queue.QueueFileFormat;
import io.mailpipe.queue.QueueRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A read-only listing of a spool directory from the command line, like Postfix's mailq: one line per message (state,
 * queue id, age, attempts, sender, pending recipients, last error), then counts per state and pending recipients per
 * destination domain. Reads the files and the journal only, so it works whether or not mailpipe is running; a file
 * that moves while being listed is skipped. Usage:
 * {@code java -cp mailpipe.jar io.mailpipe.queue.spool.SpoolListing data/spool}; the {@code mailpipe queue list} and
 * {@code queue counts} commands read the spool through {@link #read}.
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
        List<QueuedMessage> messages = read(root, now);
        for (QueuedMessage message : messages) {
            out.printf("%-8s %-24s %8s %3d <%s> %s%s%n", message.state().directoryName(), message.queueId(),
                    age(message.age()), message.attempts(), message.sender(),
                    String.join(",", message.pendingRecipients()),
                    message.lastError() == null ? "" : " (" + message.lastError() + ")");
        }
        out.println("counts: " + counts(messages));
        out.println("pending recipients by domain: " + pendingByDomain(messages));
    }

    /**
     * Every message of the spool at {@code root}, by state then queue id, read without taking the spool's lock: the
     * message files, and the messages held only in the group-commit journal (listed as incoming; one being delivered
     * right now looks the same). A file or segment that moves or is replaced while being read is skipped.
     */
    public static List<QueuedMessage> read(Path root, Instant now) throws IOException {
        List<QueuedMessage> messages = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (SpoolState state : SpoolState.values()) {
            for (Path file : files(root.resolve(state.directoryName()))) {
                try {
                    messages.add(QueuedMessage.of(QueueFileFormat.readVerified(file).record(), state, now));
                    listed.add(file.getFileName().toString());
                } catch (IOException movedOrIncomplete) {
                    // skipped, as documented
                }
            }
        }
        for (JournalReader.Entry entry : journalResidents(root.resolve("journal"))) {
            if (listed.add(entry.queueId())) {
                try {
                    byte[] queueFile = JournalReader.payload(entry);
                    QueueRecord record = QueueFileFormat.readVerified(queueFile, entry.queueId()).record();
                    messages.add(QueuedMessage.of(record, SpoolState.INCOMING, now));
                } catch (IOException retiredOrTorn) {
                    // skipped, as documented
                }
            }
        }
        messages.sort(Comparator.comparing(QueuedMessage::state).thenComparing(QueuedMessage::queueId));
        return messages;
    }

    /** How many of {@code messages} are in each state (every state present). */
    public static Map<SpoolState, Integer> counts(List<QueuedMessage> messages) {
        Map<SpoolState, Integer> counts = new EnumMap<>(SpoolState.class);
        for (SpoolState state : SpoolState.values()) {
            counts.put(state, 0);
        }
        messages.forEach(message -> counts.merge(message.state(), 1, Integer::sum));
        return counts;
    }

    /** Pending recipients of {@code messages} per destination domain, by domain name. */
    public static Map<String, Integer> pendingByDomain(List<QueuedMessage> messages) {
        Map<String, Integer> domains = new TreeMap<>();
        for (QueuedMessage message : messages) {
            for (String address : message.pendingRecipients()) {
                domains.merge(address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT), 1,
                        Integer::sum);
            }
        }
        return domains;
    }

    /** The message entries of every journal segment that no removal entry follows. */
    private static Collection<JournalReader.Entry> journalResidents(Path journal) throws IOException {
        Map<String, JournalReader.Entry> messages = new LinkedHashMap<>();
        for (Path segment : files(journal)) {
            List<JournalReader.Entry> entries;
            try {
                entries = JournalReader.read(segment);
            } catch (NoSuchFileException checkpointed) {
                continue;
            }
            for (JournalReader.Entry entry : entries) {
                if (entry.type() == JournalFormat.MESSAGE) {
                    messages.put(entry.queueId(), entry);
                } else {
                    messages.remove(entry.queueId());
                }
            }
        }
        return messages.values();
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
