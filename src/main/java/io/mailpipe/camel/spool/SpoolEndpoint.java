package io.mailpipe.camel.spool;

import io.mailpipe.queue.BounceSink;
import io.mailpipe.queue.QueueLifetime;
import io.mailpipe.queue.RetrySchedule;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code spool:name} — the embedded durable mail queue. The producer stores the exchange's message and envelope and
 * returns only once it is on stable storage (so {@code smtpd:} → {@code spool:} answers 250 only for durable mail,
 * RFC 5321 §6.1); the consumer delivers due messages with bounded concurrency and retries, bounces or removes them
 * by the outcome (RFC 5321 §4.5.4.1 retries, RFC 3464 reports through a bounce sink). Endpoints with the same
 * directory share one spool.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "spool", title = "Mail Spool", syntax = "spool:name",
             category = { Category.MAIL }, headersClass = SpoolConstants.class)
public class SpoolEndpoint extends DefaultEndpoint {

    @UriPath(description = "The spool's name; its directory is data/spool/NAME unless directory is set.")
    @Metadata(required = true)
    private String name;
    @UriParam(description = "The spool directory; endpoints naming the same directory share one spool.")
    private String directory;
    @UriParam(label = "consumer", defaultValue = "10",
              description = "How many messages are delivered at the same time.")
    private int concurrentConsumers = 10;
    @UriParam(label = "consumer", defaultValue = "5m", javaType = "java.time.Duration",
              description = "The wait before the first retry after a transient failure.")
    private long retryInitialDelay = Duration.ofMinutes(5).toMillis();
    @UriParam(label = "consumer", defaultValue = "1h", javaType = "java.time.Duration",
              description = "The longest wait between two retries.")
    private long retryMaxDelay = Duration.ofHours(1).toMillis();
    @UriParam(label = "consumer", defaultValue = "2.0",
              description = "How much longer each further retry waits than the one before.")
    private double retryFactor = 2.0;
    @UriParam(label = "consumer", defaultValue = "0.1",
              description = "The largest share (0 to below 1) by which each retry delay is randomly shortened.")
    private double retryJitter = 0.1;
    @UriParam(label = "consumer", defaultValue = "5d", javaType = "java.time.Duration",
              description = "The maximum queue lifetime: recipients still pending this long after the message was "
                      + "received are bounced and the message moves to dead.")
    private long maxLifetime = Duration.ofDays(5).toMillis();
    @UriParam(label = "consumer", description = "Receives the recipients given up on, to send the sender a delivery "
            + "status notification (RFC 3464). Without one, failure reports are only logged.")
    private BounceSink bounceSink;
    @UriParam(label = "consumer", description = "The delivery event log (one JSON line per recipient outcome); "
            + "defaults to events.log in the spool directory.")
    private String eventLog;
    @UriParam(label = "consumer", description = "A bounce classification rules file (JSON) replacing the shipped "
            + "bounce-rules.json for the category of failure events; empty: the shipped rules.")
    private String bounceRules;
    @UriParam(label = "consumer,advanced", defaultValue = "10485760",
              description = "The size in octets at which the event log is rotated.")
    private long eventLogMaxBytes = 10L * 1024 * 1024;
    @UriParam(label = "consumer,advanced", defaultValue = "5", description = "How many rotated event logs to keep.")
    private int eventLogKeep = 5;
    @UriParam(label = "advanced", defaultValue = "67108864", description = "The journal segment size in octets: once "
            + "eight segments are full, the oldest is checkpointed (its remaining messages forced to disk on their "
            + "own) and deleted.")
    private long segmentSize = 64L * 1024 * 1024;
    @UriParam(label = "advanced", description = "The clock of the spool and its retry schedule; for tests.")
    private Clock clock;

    public SpoolEndpoint(String uri, SpoolComponent component) {
        super(uri, component);
    }

    @Override
    public SpoolComponent getComponent() {
        return (SpoolComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new SpoolProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SpoolConsumer consumer = new SpoolConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    Path spoolDirectory() {
        return (directory == null ? Path.of("data", "spool", name) : Path.of(directory)).toAbsolutePath().normalize();
    }

    Path eventLogFile() {
        return eventLog == null ? spoolDirectory().resolve("events.log") : Path.of(eventLog).toAbsolutePath();
    }

    Clock effectiveClock() {
        return clock == null ? Clock.systemUTC() : clock;
    }

    RetrySchedule retrySchedule() {
        return new RetrySchedule(Duration.ofMillis(retryInitialDelay), retryFactor, Duration.ofMillis(retryMaxDelay),
                retryJitter);
    }

    QueueLifetime queueLifetime() {
        return new QueueLifetime(Duration.ofMillis(maxLifetime));
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDirectory() {
        return directory;
    }

    public void setDirectory(String directory) {
        this.directory = directory;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public double getRetryFactor() {
        return retryFactor;
    }

    public void setRetryFactor(double retryFactor) {
        this.retryFactor = retryFactor;
    }

    public double getRetryJitter() {
        return retryJitter;
    }

    public void setRetryJitter(double retryJitter) {
        this.retryJitter = retryJitter;
    }

    public long getMaxLifetime() {
        return maxLifetime;
    }

    public void setMaxLifetime(long maxLifetime) {
        this.maxLifetime = maxLifetime;
    }

    public BounceSink getBounceSink() {
        return bounceSink;
    }

    public void setBounceSink(BounceSink bounceSink) {
        this.bounceSink = bounceSink;
    }

    public String getEventLog() {
        return eventLog;
    }

    public void setEventLog(String eventLog) {
        this.eventLog = eventLog;
    }

    public String getBounceRules() {
        return bounceRules;
    }

    public void setBounceRules(String bounceRules) {
        this.bounceRules = bounceRules;
    }

    public long getEventLogMaxBytes() {
        return eventLogMaxBytes;
    }

    public void setEventLogMaxBytes(long eventLogMaxBytes) {
        this.eventLogMaxBytes = eventLogMaxBytes;
    }

    public int getEventLogKeep() {
        return eventLogKeep;
    }

    public void setEventLogKeep(int eventLogKeep) {
        this.eventLogKeep = eventLogKeep;
    }

    public long getSegmentSize() {
        return segmentSize;
    }

    public void setSegmentSize(long segmentSize) {
        this.segmentSize = segmentSize;
    }

    public Clock getClock() {
        return clock;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
