package io.mailpipe.app;

import io.mailpipe.camel.smtpd.SmtpdConsumer;
import io.mailpipe.testing.SmtpPeer;
import org.apache.camel.main.Main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * mailpipe as the jar starts it (camel-main, application.properties, the shipped routes) in a temporary data
 * directory: every listener on a free loopback port, the spool, event log and local sink under that directory, DNS
 * from the given server. Tests add their own overrides; {@link #close()} stops it.
 */
final class ShippedPipeline implements AutoCloseable {

    private final Main main;
    private final Path data;

    private ShippedPipeline(Main main, Path data) {
        this.main = main;
        this.data = data;
    }

    static ShippedPipeline start(Path data, String dnsServer, Map<String, String> overrides) throws Exception {
        return start(data, MailpipeMain.newMain(Path.of("")), dnsServer, overrides);
    }

    static ShippedPipeline start(Path data, Main main, String dnsServer, Map<String, String> overrides)
            throws Exception {
        main.addOverrideProperty("smtpd.port", "0");
        main.addOverrideProperty("mailpipe.submission.port", "0");
        main.addOverrideProperty("mailpipe.submissions.port", "0");
        main.addOverrideProperty("mailpipe.relay.port", "0");
        main.addOverrideProperty("mailpipe.spool.directory", data.resolve("spool").toString());
        main.addOverrideProperty("mailpipe.spool.segment-size", "1048576");
        main.addOverrideProperty("mailpipe.queue.event-log", data.resolve("events.log").toString());
        main.addOverrideProperty("mailpipe.local-sink.directory", data.resolve("outbox").toString());
        main.addOverrideProperty("mailpipe.dns-servers", dnsServer);
        overrides.forEach(main::addOverrideProperty);
        main.start();
        return new ShippedPipeline(main, data);
    }

    Main main() {
        return main;
    }

    /** The port the smtpd: consumer of route {@code routeId} listens on. */
    int port(String routeId) {
        return ((SmtpdConsumer) main.getCamelContext().getRoute(routeId).getConsumer()).getLocalAddress().getPort();
    }

    boolean isStarted(String routeId) {
        return main.getCamelContext().getRouteController().getRouteStatus(routeId).isStarted();
    }

    Path outbox() {
        return data.resolve("outbox");
    }

    /** The event log once it holds {@code count} lines containing {@code needle} (at most 30 s). */
    String awaitEvents(String needle, int count) throws Exception {
        Path log = data.resolve("events.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String text = "";
        while (System.nanoTime() < deadline) {
            text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (text.lines().filter(l -> l.contains(needle)).count() >= count) {
                return text;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(count + " x " + needle + " not in the event log:\n" + text);
    }

    /** The names of the files in the local sink directory, sorted (none when it does not exist). */
    List<String> outboxFiles() throws IOException {
        if (!Files.isDirectory(outbox())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox())) {
            return new ArrayList<>(files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** The first message of {@code received} (a next hop's list) that contains {@code needle} (at most 30 s). */
    static SmtpPeer.Delivered awaitDelivery(List<SmtpPeer.Delivered> received, String needle)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (SmtpPeer.Delivered delivered : received) {
                if (delivered.text().contains(needle)) {
                    return delivered;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing with " + needle + " reached the next hop");
    }

    @Override
    public void close() {
        main.stop();
    }
}
