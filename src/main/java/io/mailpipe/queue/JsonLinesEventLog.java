package io.mailpipe.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes each {@link DeliveryEvent} as one JSON line to a local file that rotates by size: {@code events.log} becomes
 * {@code events.log.1}, the older ones shift up, and at most {@code keep} old files are kept. Fields: at, event
 * (delivered | deferred | bounced | expired | suppressed), queueId, recipient, attempt, code, enhancedStatus
 * (RFC 3463), reply, mxHost, nextAttemptAt, category (bounce category) and statusClass (RFC 3463 §2 class:
 * transient | permanent) for every outcome but delivered, and for tagged messages tenant, campaign,
 * idempotencyKey (each omitted when absent).
 * Lines are flushed to the OS, not forced: the queue files are the durable truth.
 */
public final class JsonLinesEventLog implements DeliveryEventSink, Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private OutputStream out;
    private long written;

    public JsonLinesEventLog(Path file, long maxBytes, int keep) throws IOException {
        if (maxBytes <= 0 || keep < 0) {
            throw new IllegalArgumentException("need maxBytes > 0 and keep >= 0");
        }
        this.file = file;
        this.maxBytes = maxBytes;
        this.keep = keep;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        open();
    }

    @Override
    public synchronized void record(DeliveryEvent event) {
        try {
            byte[] line = (JSON.writeValueAsString(toJson(event)) + "\n").getBytes(StandardCharsets.UTF_8);
            if (written > 0 && written + line.length > maxBytes) {
                rotate();
            }
            out.write(line);
            out.flush();
            written += line.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write delivery event to " + file, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** The JSON object of one event, the same in the local log and on the mail.events topic. */
    public static ObjectNode toJson(DeliveryEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("at", event.at().toString());
        node.put("event", event.type().name().toLowerCase(Locale.ROOT));
        node.put("queueId", event.queueId());
        node.put("recipient", event.recipient());
        node.put("attempt", event.attempt());
        if (event.reply() != null) {
            node.put("code", event.reply().code());
            node.put("enhancedStatus", event.reply().enhancedStatus());
            node.put("reply", String.join(" ", event.reply().lines()));
        }
        node.put("mxHost", event.mxHost());
        if (event.nextAttemptAt() != null) {
            node.put("nextAttemptAt", event.nextAttemptAt().toString());
        }
        if (event.classification() != null) {
            node.put("category", event.classification().category().id());
            QueueRecordJson.putIfPresent(node, "statusClass", event.classification().statusClass());
        }
        QueueRecordJson.putIfPresent(node, "tenant", event.tags().tenant());
        QueueRecordJson.putIfPresent(node, "campaign", event.tags().campaign());
        QueueRecordJson.putIfPresent(node, "idempotencyKey", event.tags().idempotencyKey());
        return node;
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        written = Files.size(file);
    }

    private void rotate() throws IOException {
        out.close();
        Files.deleteIfExists(rotated(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (keep > 0) {
            Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(file);
        }
        open();
    }

    private Path rotated(int generation) {
        return file.resolveSibling(file.getFileName() + "." + generation);
    }
}
