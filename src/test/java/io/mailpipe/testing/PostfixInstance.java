package io.mailpipe.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private Postfix (Debian package) as a receiving MTA for integration tests: its own configuration, queue and
 * data directories in a temporary directory, one smtpd on 127.0.0.1 and a free port, mail for the test domain
 * delivered by the virtual agent into maildirs of the listed users (owned by nobody), every other recipient of the
 * domain refused with 550 5.1.1, no outbound delivery at all. Needs root (Postfix's master runs as root).
 * {@link #close()} stops the instance and removes the directory.
 */
public final class PostfixInstance implements AutoCloseable {

    private final Path directory;
    private final Path config;
    private final int port;

    public PostfixInstance(String domain, List<String> users) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/sbin/postfix"))) {
            throw new IllegalStateException("postfix is not installed: apt-get install -y postfix");
        }
        directory = Files.createTempDirectory("postfix-it");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        config = Files.createDirectories(directory.resolve("conf"));
        Files.createDirectories(directory.resolve("queue"));
        Path data = Files.createDirectories(directory.resolve("data"));
        Path mail = Files.createDirectories(directory.resolve("mail"));
        run("chown", "postfix", data.toString());
        run("chown", "nobody:nogroup", mail.toString());
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        Files.writeString(config.resolve("main.cf"), mainCf(domain, users), StandardCharsets.US_ASCII);
        Files.writeString(config.resolve("master.cf"), masterCf(), StandardCharsets.US_ASCII);
        run("postfix", "-c", config.toString(), "start");
    }

    private String mainCf(String domain, List<String> users) {
        List<String> mailboxes = new ArrayList<>();
        users.forEach(u -> mailboxes.add(u + "@" + domain + "=" + u + "/"));
        return String.join("\n", "compatibility_level = 3.6",
                "queue_directory = " + directory.resolve("queue"),
                "data_directory = " + directory.resolve("data"),
                "mail_owner = postfix", "setgid_group = postdrop", "myhostname = " + domain, "mydestination =",
                "inet_interfaces = 127.0.0.1", "inet_protocols = ipv4", "mynetworks = 127.0.0.0/8",
                "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination",
                "virtual_mailbox_domains = " + domain,
                "virtual_mailbox_base = " + directory.resolve("mail"),
                "virtual_mailbox_maps = inline:{ " + String.join(", ", mailboxes) + " }",
                "virtual_uid_maps = static:65534", "virtual_gid_maps = static:65534",
                "alias_maps =", "alias_database =", "notify_classes =",
                "smtp_dns_support_level = disabled",
                "default_transport = error:5.7.1 no outbound delivery from this test instance",
                "relay_transport = error:5.7.1 no outbound delivery from this test instance",
                "maillog_file_prefixes = " + directory,
                "maillog_file = " + directory.resolve("maillog"), "");
    }

    private String masterCf() {
        return String.join("\n", "127.0.0.1:" + port + " inet n - n - - smtpd",
                "pickup unix n - n 60 1 pickup", "cleanup unix n - n - 0 cleanup",
                "qmgr unix n - n 300 1 qmgr", "rewrite unix - - n - - trivial-rewrite",
                "bounce unix - - n - 0 bounce", "defer unix - - n - 0 bounce", "trace unix - - n - 0 bounce",
                "verify unix - - n - 1 verify", "flush unix n - n 1000? 0 flush",
                "proxymap unix - - n - - proxymap", "showq unix n - n - - showq", "error unix - - n - - error",
                "discard unix - - n - - discard", "virtual unix - n n - - virtual",
                "anvil unix - - n - 1 anvil", "scache unix - - n - 1 scache",
                "postlog unix-dgram n - n - 1 postlogd", "");
    }

    public int port() {
        return port;
    }

    /** The files delivered to {@code user}'s maildir so far. */
    public List<Path> mailboxFiles(String user) throws IOException {
        Path newMail = directory.resolve("mail").resolve(user).resolve("new");
        if (!Files.isDirectory(newMail)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(newMail)) {
            return files.sorted().toList();
        }
    }

    public String log() throws IOException {
        Path log = directory.resolve("maillog");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("postfix", "-c", config.toString(), "stop");
        } finally {
            deleteDirectory();
        }
    }

    /** Deletes the instance directory, retrying for a few seconds while exiting daemons still write into it. */
    private void deleteDirectory() throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
                return;
            } catch (IOException e) {
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }
}
