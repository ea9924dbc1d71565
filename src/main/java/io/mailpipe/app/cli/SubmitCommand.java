package io.mailpipe.app.cli;

import io.mailpipe.bulk.BulkSettings;
import io.mailpipe.bulk.ParsedRequest;
import io.mailpipe.bulk.Rejection;
import io.mailpipe.bulk.SendRequestParser;
import io.mailpipe.queue.MessageTags;
import io.mailpipe.queue.kafka.AcknowledgedWriter;
import io.mailpipe.queue.kafka.KafkaQueueTopics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code mailpipe submit}: hands bulk send requests ({@code mailpipe.send/1}, one JSON object per line) to the topic
 * {@code <prefix>.submit}. Each line is checked with the same parser the bulk route uses, so a request that could
 * never be sent is reported here with its line number and not written; every other one is written with acks=all,
 * keyed {@code TENANT/KEY} (or by tenant), so copies of a request meet in one partition. Exit status 0 when every
 * request was written and acknowledged, 1 when some lines were refused (the others were written), 2 for a file that
 * cannot be read, 3 when the brokers did not acknowledge.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Write send requests (mailpipe.send/1, one JSON object per line) to <prefix>.submit "
                + "(Kafka mode, mailpipe.bulk.enabled).")
final class SubmitCommand implements Callable<Integer> {

    private static final Duration LINGER = Duration.ofMillis(5);

    private final CliStreams streams;

    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Files of requests, one per line; none or '-' reads standard input.")
    List<String> files;

    SubmitCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        List<String> sources = files == null || files.isEmpty() ? List.of("-") : files;
        for (String source : sources) {
            if (!source.equals("-") && !Files.isReadable(Path.of(source))) {
                throw CommandFailure.usage("cannot read " + source);
            }
        }
        String topic = new KafkaQueueTopics(kafka.prefix, null).submit();
        SendRequestParser parser = new SendRequestParser(BulkSettings.DEFAULTS, Clock.systemUTC());
        long refused = 0;
        long acknowledged;
        try (AcknowledgedWriter writer = new AcknowledgedWriter(kafka.brokers, topic, kafka.timeout(), LINGER)) {
            for (String source : sources) {
                try (InputStream in = source.equals("-") ? streams.in() : Files.newInputStream(Path.of(source))) {
                    refused += submitLines(source, in, parser, writer);
                }
            }
            acknowledged = writer.awaitAcknowledged();
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.TEMPORARY, e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new CommandFailure(ExitCodes.NEGATIVE, e.getMessage(), e);
        }
        streams.out().printf("%d request(s) written to %s, %d refused%n", acknowledged, topic, refused);
        streams.out().flush();
        return refused == 0 ? ExitCodes.OK : ExitCodes.NEGATIVE;
    }

    /** Writes the valid requests of one source and reports the others; returns how many were refused. */
    private long submitLines(String source, InputStream in, SendRequestParser parser, AcknowledgedWriter writer)
            throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long number = 0;
        long refused = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            byte[] request = line.getBytes(StandardCharsets.UTF_8);
            ParsedRequest parsed = parser.parse(request);
            if (parsed.isValid()) {
                writer.send(recordKey(parsed.request().tags()), request);
            } else {
                Rejection why = parsed.rejection();
                streams.err().printf("mailpipe: %s:%d: %s%s: %s%n", source.equals("-") ? "stdin" : source, number,
                        why.reason().code(), why.field().isEmpty() ? "" : " at " + why.field(), why.message());
                refused++;
            }
        }
        return refused;
    }

    /** {@code TENANT/KEY}, the tenant alone, or no key (the producer spreads such records over the partitions). */
    private static byte[] recordKey(MessageTags tags) {
        String tenant = tags.tenant() == null ? "" : tags.tenant();
        if (tags.idempotencyKey() != null) {
            return (tenant + "/" + tags.idempotencyKey()).getBytes(StandardCharsets.UTF_8);
        }
        return tags.tenant() == null ? null : tenant.getBytes(StandardCharsets.UTF_8);
    }
}
