package io.mailpipe.dns;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Runs Debian's unbound on 127.0.0.1 on a free port with a generated configuration (local-zone/local-data for the
 * test data, extra clauses such as forward-zone), for integration tests against a real DNS server. Fails with a
 * clear message when unbound is not installed. {@link #close()} stops the process and removes its directory.
 */
public final class UnboundServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/unbound");

    private final Path directory;
    private final int port;
    private final Process process;

    private UnboundServer(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    /** Starts unbound with {@code serverLines} in its server: clause and {@code extraClauses} after it. */
    public static UnboundServer start(List<String> serverLines, List<String> extraClauses) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("unbound is not installed (" + BINARY + "): apt-get install -y unbound");
        }
        Path directory = Files.createTempDirectory("unbound-it");
        int port = freePort();
        StringBuilder config = new StringBuilder("server:\n");
        for (String line : List.of("interface: 127.0.0.1", "port: " + port, "do-daemonize: no", "username: \"\"",
                "chroot: \"\"", "directory: \"" + directory + "\"", "pidfile: \"\"", "use-syslog: no",
                "logfile: \"\"", "verbosity: 1", "do-ip6: no", "access-control: 127.0.0.0/8 allow",
                "module-config: \"iterator\"", "do-not-query-localhost: no", "num-threads: 1")) {
            config.append("  ").append(line).append('\n');
        }
        serverLines.forEach(line -> config.append("  ").append(line).append('\n'));
        extraClauses.forEach(line -> config.append(line).append('\n'));
        Path file = directory.resolve("unbound.conf");
        Files.writeString(file, config.toString(), StandardCharsets.US_ASCII);
        Process process = new ProcessBuilder(BINARY.toString(), "-d", "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("unbound.log").toFile()).start();
        UnboundServer server = new UnboundServer(directory, port, process);
        server.awaitReady();
        return server;
    }

    /** An unbound that answers NXDOMAIN for every name at once: for tests whose checks must not reach the network. */
    public static UnboundServer startEmpty() throws Exception {
        return start(List.of("local-zone: \".\" static"), List.of());
    }

    /** The {@code host:port} form the mailpipe.dns-servers setting takes. */
    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private void awaitReady() throws Exception {
        SimpleResolver probe = new SimpleResolver(address());
        probe.setTimeout(Duration.ofMillis(200));
        Message query = Message.newQuery(Record.newRecord(Name.fromString("localhost."), Type.A, 1));
        for (int attempt = 0; attempt < 50 && process.isAlive(); attempt++) {
            try {
                if (probe.send(query).getRcode() != Rcode.REFUSED) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        String log = Files.readString(directory.resolve("unbound.log"));
        close();
        throw new IllegalStateException("unbound did not start on port " + port + ":\n" + log);
    }

    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int candidate;
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                candidate = tcp.getLocalPort();
            }
            try (DatagramSocket udp = new DatagramSocket(candidate, InetAddress.getLoopbackAddress())) {
                return udp.getLocalPort();
            } catch (IOException taken) {
                continue;
            }
        }
        throw new IOException("no free port on 127.0.0.1 with both TCP and UDP free");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
