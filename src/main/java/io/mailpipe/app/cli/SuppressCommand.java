package io.mailpipe.app.cli;

import io.mailpipe.feedback.BounceCategory;
import io.mailpipe.feedback.SuppressionEntry;
import io.mailpipe.queue.kafka.KafkaQueueTopics;
import io.mailpipe.queue.kafka.SuppressionAdmin;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mailpipe suppress add|remove|list}: the operator's side of the suppression list on the Kafka topic
 * {@code <prefix>.suppressed}. Running mailpipe replicas follow the topic, so a change applies to messages already
 * queued. Exit status 0 when done, 2 for a bad address or option, 3 when the brokers did not answer in time.
 */
@Command(name = "suppress", mixinStandardHelpOptions = true,
        description = "Add addresses to, remove them from, or list the suppression list (Kafka mode).")
final class SuppressCommand {

    private final CliStreams streams;

    SuppressCommand(CliStreams streams) {
        this.streams = streams;
    }

    /** Where the list lives, its scope, and the output form. */
    static final class ListOptions {

        @Mixin
        KafkaOptions kafka;

        @Option(names = "--tenant", paramLabel = "TENANT",
                description = "Scope: this tenant only (default: every tenant, scope *).")
        String tenant;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        SuppressionAdmin open() throws CommandFailure {
            String topic = new KafkaQueueTopics(kafka.prefix, null).suppressed();
            try {
                return new SuppressionAdmin(kafka.brokers, topic, kafka.timeout());
            } catch (IOException e) {
                throw new CommandFailure(ExitCodes.TEMPORARY, e.getMessage(), e);
            } catch (IllegalStateException e) {
                throw new CommandFailure(ExitCodes.NEGATIVE, e.getMessage(), e);
            }
        }
    }

    /** One entry as {@code --json} prints it. */
    record EntryView(String address, String scope, String reason, String category, String at, String source) {

        static EntryView of(SuppressionEntry entry) {
            return new EntryView(entry.address(), entry.scope(), entry.reason(),
                    entry.category() == null ? null : entry.category().id(), entry.at().toString(), entry.source());
        }
    }

    /** What {@code --json} prints. */
    record Report(String action, List<EntryView> entries) {
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Suppress addresses.")
    int add(@Mixin ListOptions options,
            @Option(names = "--reason", paramLabel = "WORD", defaultValue = SuppressionEntry.OPERATOR,
                    description = "Reason stored with the entries (default: ${DEFAULT-VALUE}).") String reason,
            @Option(names = "--category", paramLabel = "CATEGORY",
                    description = "Bounce category stored with the entries (e.g. bad_mailbox, policy).")
            String category,
            @Parameters(paramLabel = "ADDRESS", arity = "1..*", description = "Addresses to suppress.")
            List<String> addresses) throws Exception {
        BounceCategory parsed = category == null ? null : BounceCategory.ofId(category.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> CommandFailure.usage("unknown category '" + category + "'"));
        List<SuppressionEntry> entries = new ArrayList<>();
        Instant now = Instant.now();
        for (String address : addresses) {
            try {
                entries.add(new SuppressionEntry(options.tenant, address, reason, parsed, now,
                        "operator " + System.getProperty("user.name", "unknown")));
            } catch (IllegalArgumentException e) {
                throw CommandFailure.usage(e.getMessage());
            }
        }
        try (SuppressionAdmin admin = options.open()) {
            admin.add(entries);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.TEMPORARY, e.getMessage(), e);
        }
        return print(options, "added", entries);
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop suppressing addresses.")
    int remove(@Mixin ListOptions options,
               @Parameters(paramLabel = "ADDRESS", arity = "1..*", description = "Addresses to remove.")
               List<String> addresses) throws Exception {
        List<String> normalised = normalise(options.tenant, addresses);
        try (SuppressionAdmin admin = options.open()) {
            admin.remove(options.tenant, addresses);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.TEMPORARY, e.getMessage(), e);
        }
        if (options.json) {
            JsonOutput.write(streams.out(), new Report("removed", normalised.stream().map(a -> new EntryView(a,
                    options.tenant == null ? SuppressionEntry.GLOBAL : options.tenant, null, null, null, null))
                    .toList()));
        } else {
            normalised.forEach(a -> streams.out().println("removed " + a));
            streams.out().flush();
        }
        return ExitCodes.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the suppression list, or the entries of the addresses given.")
    int list(@Mixin ListOptions options,
             @Parameters(paramLabel = "ADDRESS", arity = "0..*", description = "Only these addresses.")
             List<String> addresses) throws Exception {
        List<String> wanted = normalise(options.tenant, addresses == null ? List.of() : addresses);
        List<SuppressionEntry> entries;
        try (SuppressionAdmin admin = options.open()) {
            entries = admin.list();
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.TEMPORARY, e.getMessage(), e);
        }
        List<SuppressionEntry> shown = entries.stream()
                .filter(e -> options.tenant == null || e.scope().equals(options.tenant))
                .filter(e -> wanted.isEmpty() || wanted.contains(e.address())).toList();
        return print(options, "list", shown);
    }

    private int print(ListOptions options, String action, List<SuppressionEntry> entries) throws IOException {
        PrintStream out = streams.out();
        if (options.json) {
            JsonOutput.write(out, new Report(action, entries.stream().map(EntryView::of).toList()));
        } else {
            entries.forEach(e -> out.printf("%s %s %s %s %s%n", e.scope(), e.address(), e.reason(),
                    e.category() == null ? "-" : e.category().id(), e.at()));
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** The addresses in their compared form; a bad address or tenant is a usage failure. */
    private static List<String> normalise(String tenant, List<String> addresses) throws CommandFailure {
        List<String> normalised = new ArrayList<>();
        try {
            for (String address : addresses) {
                SuppressionEntry.key(tenant, address);
                normalised.add(SuppressionEntry.normalise(address));
            }
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        return normalised;
    }
}
