package io.mailpipe.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP receiver (RFC 5321 §4.1 verbs EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) on one loopback address that
 * counts what a traffic shaping test needs: connections, messages, the most connections and transactions in
 * progress at once (a connection counts from accept until its QUIT, or its end without one) and the most messages
 * carried by one connection. While {@link #pushBack(boolean)} is on it greets with
 * {@code 421 4.7.0 rate limited} and closes; {@link #pushBackTransactions(int)} answers the next transactions' MAIL
 * with that reply instead and closes. Addresses given to {@link #refuseRecipients} get {@code 550 5.1.1} at RCPT
 * (RFC 3463 §3.2, bad destination mailbox). Every RCPT address is logged. Reads time out after 10 s; at most 32
 * connections are served at once.
 */
public final class CountingSink implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger inTransaction = new AtomicInteger();
    private final AtomicInteger maxInTransaction = new AtomicInteger();
    private final AtomicInteger maxPerConnection = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final AtomicInteger transactionsToPushBack = new AtomicInteger();
    private final Queue<String> rcpts = new ConcurrentLinkedQueue<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private volatile boolean pushBack;

    public CountingSink(String address, int port) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(address), port), 64);
        Thread acceptor = new Thread(this::acceptLoop, "counting-sink-" + address);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Answers RCPT for each of {@code addresses} (case-insensitive) with 550 5.1.1 from now on. */
    public void refuseRecipients(Collection<String> addresses) {
        addresses.forEach(address -> refused.add(address.toLowerCase(Locale.ROOT)));
    }

    public void pushBack(boolean on) {
        pushBack = on;
    }

    /** Answers the MAIL command of the next {@code count} transactions with 421 4.7.0 and closes the connection. */
    public void pushBackTransactions(int count) {
        transactionsToPushBack.set(count);
    }

    /** The addresses of every RCPT command received, in order, as given between the angle brackets. */
    public List<String> rcptAddresses() {
        return List.copyOf(rcpts);
    }

    public int connections() {
        return connections.get();
    }

    public int messages() {
        return messages.get();
    }

    public int maxConcurrentTransactions() {
        return maxInTransaction.get();
    }

    /** The most connections open at once, from accept until the socket is closed. */
    public int maxConcurrentConnections() {
        return maxOpen.get();
    }

    public int maxMessagesPerConnection() {
        return maxPerConnection.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.incrementAndGet();
                threads.execute(() -> serve(connection));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                open.decrementAndGet();
            }
        };
        try (connection) {
            connection.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = connection.getOutputStream();
            if (pushBack) {
                send(out, "421 4.7.0 rate limited, try again later");
                return;
            }
            send(out, "220 sink.test ESMTP");
            converse(in, out, end);
        } catch (IOException e) {
            // the client went away; nothing to count
        } finally {
            end.run();
        }
    }

    /**
     * Serves commands until QUIT or the end of the stream; a QUIT ends the connection's count, and that of a
     * transaction left open (every recipient refused), before the 221.
     */
    private void converse(BufferedReader in, OutputStream out, Runnable end) throws IOException {
        int carried = 0;
        boolean inMail = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = (line.length() < 4 ? line : line.substring(0, 4)).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO", "HELO" -> send(out, "250 sink.test");
                case "MAIL" -> {
                    if (transactionsToPushBack.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        send(out, "421 4.7.0 rate limited, try again later");
                        return;
                    }
                    inMail = true;
                    maxInTransaction.accumulateAndGet(inTransaction.incrementAndGet(), Math::max);
                    send(out, "250 2.1.0 ok");
                }
                case "RCPT" -> {
                    String address = line.substring(line.indexOf('<') + 1, Math.max(line.indexOf('<') + 1,
                            line.indexOf('>')));
                    rcpts.add(address);
                    send(out, refused.contains(address.toLowerCase(Locale.ROOT))
                            ? "550 5.1.1 no such user here" : "250 2.1.5 ok");
                }
                case "DATA" -> {
                    send(out, "354 go ahead");
                    readData(in);
                    carried++;
                    messages.incrementAndGet();
                    maxPerConnection.accumulateAndGet(carried, Math::max);
                    inMail = false;
                    inTransaction.decrementAndGet();
                    send(out, "250 2.0.0 queued");
                }
                case "RSET" -> {
                    if (inMail) {
                        inMail = false;
                        inTransaction.decrementAndGet();
                    }
                    send(out, "250 2.0.0 ok");
                }
                case "QUIT" -> {
                    if (inMail) {
                        inTransaction.decrementAndGet();
                    }
                    end.run();
                    send(out, "221 2.0.0 bye");
                    return;
                }
                default -> send(out, "250 2.0.0 ok");
            }
        }
        if (inMail) {
            inTransaction.decrementAndGet();
        }
    }

    private static void readData(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
            // the content is not needed, only that it ended
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.close();
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }
}
