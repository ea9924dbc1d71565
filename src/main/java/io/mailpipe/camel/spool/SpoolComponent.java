package io.mailpipe.camel.spool;

import io.mailpipe.queue.JsonLinesEventLog;
import io.mailpipe.queue.spool.Spool;
import io.mailpipe.queue.spool.SpoolSettings;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code spool:} component: the embedded durable mail queue (RFC 5321 §4.5.4.1 retries, §6.1 durability).
 * Producers and consumers naming the same directory share one open {@link Spool} (its in-memory index must be one),
 * and consumers writing the same event log share one writer; both are closed when the last user stops.
 */
@Component("spool")
public class SpoolComponent extends DefaultComponent {

    private final Shared<Spool> spools = new Shared<>();
    private final Shared<JsonLinesEventLog> eventLogs = new Shared<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SpoolEndpoint endpoint = new SpoolEndpoint(uri, this);
        endpoint.setName(remaining);
        setProperties(endpoint, parameters);
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("spool: needs a name, e.g. spool:main");
        }
        return endpoint;
    }

    Spool acquireSpool(SpoolEndpoint endpoint) throws IOException {
        Path directory = endpoint.spoolDirectory();
        return spools.acquire(directory, () -> Spool.open(directory, new SpoolSettings(endpoint.getSegmentSize()),
                endpoint.effectiveClock()));
    }

    void releaseSpool(SpoolEndpoint endpoint) throws IOException {
        spools.release(endpoint.spoolDirectory());
    }

    JsonLinesEventLog acquireEventLog(SpoolEndpoint endpoint) throws IOException {
        Path file = endpoint.eventLogFile();
        return eventLogs.acquire(file, () -> new JsonLinesEventLog(file, endpoint.getEventLogMaxBytes(),
                endpoint.getEventLogKeep()));
    }

    void releaseEventLog(SpoolEndpoint endpoint) throws IOException {
        eventLogs.release(endpoint.eventLogFile());
    }

    /** Reference-counted resources keyed by path. */
    private static final class Shared<T extends AutoCloseable> {

        interface Opener<T> {
            T open() throws IOException;
        }

        private final Map<Path, T> open = new HashMap<>();
        private final Map<Path, Integer> users = new HashMap<>();

        synchronized T acquire(Path key, Opener<T> opener) throws IOException {
            T resource = open.get(key);
            if (resource == null) {
                resource = opener.open();
                open.put(key, resource);
            }
            users.merge(key, 1, Integer::sum);
            return resource;
        }

        synchronized void release(Path key) throws IOException {
            Integer left = users.computeIfPresent(key, (k, n) -> n - 1);
            if (left != null && left == 0) {
                users.remove(key);
                try {
                    open.remove(key).close();
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        }
    }
}
