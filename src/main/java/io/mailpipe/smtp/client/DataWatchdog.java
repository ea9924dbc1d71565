package io.mailpipe.smtp.client;

import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The data block time limit of RFC 5321 §4.5.3.2.5 for a streamed message: every {@code blockTimeout} it checks
 * that the content made progress since the last check and fails the connection when it did not (the server stopped
 * reading). Stops when the content is written or the write failed.
 */
final class DataWatchdog implements Runnable {

    private final SmtpConnection connection;
    private final DotStuffedContent content;
    private final ChannelFuture written;
    private final Duration blockTimeout;
    private long lastProgress = -1;
    private ScheduledFuture<?> next;

    private DataWatchdog(SmtpConnection connection, DotStuffedContent content, ChannelFuture written,
                         Duration blockTimeout) {
        this.connection = connection;
        this.content = content;
        this.written = written;
        this.blockTimeout = blockTimeout;
    }

    static void watch(SmtpConnection connection, DotStuffedContent content, ChannelFuture written,
                      Duration blockTimeout) {
        DataWatchdog watchdog = new DataWatchdog(connection, content, written, blockTimeout);
        watchdog.schedule();
        written.addListener(f -> {
            watchdog.next.cancel(false);
            if (!f.isSuccess()) {
                connection.fail(new ClientFailure(ClientFailure.Kind.CONNECTION_LOST,
                        "connection lost while sending the message: " + f.cause().getMessage(), f.cause()));
            }
        });
    }

    private void schedule() {
        next = connection.channel().eventLoop().schedule(this, blockTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        if (written.isDone()) {
            return;
        }
        long progress = content.progress();
        if (progress == lastProgress) {
            connection.fail(new ClientFailure(ClientFailure.Kind.TIMEOUT,
                    "message data not accepted by the server within " + blockTimeout.toSeconds() + " s"));
            return;
        }
        lastProgress = progress;
        schedule();
    }
}
