package io.mailpipe.app.cli;

import io.mailpipe.dns.CachingResolver;
import io.mailpipe.dns.DnsjavaResolverSettings;
import io.mailpipe.dns.Resolver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Option;

/**
 * The DNS options of the commands that look things up: which recursive servers to ask (the system's when none is
 * given) and the per-query timeout, as the pipeline's {@code mailpipe.dns-servers} setting takes them.
 */
final class DnsOptions {

    /** Upper bound on waiting for one whole evaluation, far above any sane chain of timed-out queries. */
    private static final long EVALUATION_LIMIT_SECONDS = 120;

    @Option(names = "--dns", paramLabel = "HOST:PORT",
            description = "Recursive DNS server to ask (repeatable); default: the system's resolvers.")
    List<String> servers = new ArrayList<>();

    @Option(names = "--dns-timeout", paramLabel = "SECONDS", defaultValue = "3",
            description = "Timeout of one DNS query, retried twice (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    Resolver resolver() throws CommandFailure {
        List<InetSocketAddress> addresses = new ArrayList<>();
        try {
            for (String server : servers) {
                addresses.addAll(DnsjavaResolverSettings.parseServers(server));
            }
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("bad --dns value: " + e.getMessage());
        }
        if (timeoutSeconds < 1) {
            throw CommandFailure.usage("--dns-timeout must be at least 1 second");
        }
        return CachingResolver.overDnsjava(DnsjavaResolverSettings.defaults().withServers(addresses)
                .withTimeout(Duration.ofSeconds(timeoutSeconds), DnsjavaResolverSettings.DEFAULT_RETRIES));
    }

    /** Waits for an evaluation that runs on the resolver's threads. */
    static <T> T await(CompletionStage<T> stage) throws CommandFailure, InterruptedException {
        try {
            return stage.toCompletableFuture().get(EVALUATION_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new CommandFailure(ExitCodes.TEMPORARY, "no answer within " + EVALUATION_LIMIT_SECONDS + " s");
        } catch (ExecutionException e) {
            throw new CommandFailure(ExitCodes.NEGATIVE, "evaluation failed: " + e.getCause(), e.getCause());
        }
    }
}
