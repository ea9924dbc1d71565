package io.mailpipe.app.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * The options of every command that talks to mailpipe's Kafka topics: the bootstrap servers and topic prefix, with
 * the same environment variables as {@code mailpipe.kafka.brokers} and {@code mailpipe.kafka.topic-prefix}, and how
 * long to wait for the brokers.
 */
final class KafkaOptions {

    @Option(names = "--brokers", paramLabel = "HOST:PORT,...",
            defaultValue = "${env:MAILPIPE_KAFKA_BROKERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers, as mailpipe.kafka.brokers (default: ${DEFAULT-VALUE}).")
    String brokers;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX",
            defaultValue = "${env:MAILPIPE_KAFKA_TOPIC_PREFIX:-mail}",
            description = "Topic prefix, as mailpipe.kafka.topic-prefix (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "15000",
            description = "How long to wait for the brokers (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    Duration timeout() {
        return Duration.ofMillis(timeoutMs);
    }
}
