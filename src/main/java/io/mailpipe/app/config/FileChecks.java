package io.mailpipe.app.config;

import io.mailpipe.delivery.shaping.ShapingFile;
import io.mailpipe.dkim.DkimKeyException;
import io.mailpipe.dkim.KeyTable;
import io.mailpipe.smtp.server.auth.PasswordFileAuthenticator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files the configuration names, read at start-up as the components will read them: every {@code *-file} key
 * must name a readable regular file; a {@code tls-certificate-file} goes with the {@code tls-key-file} of the same
 * prefix and both are parsed and matched ({@link TlsFiles}); a {@code password-file} is parsed as the AUTH
 * password file (RFC 4954 users); a {@code key-table} is loaded as the DKIM key table with every key it names
 * (RFC 6376); {@code mailpipe.shaping.file} is read and checked as the traffic shaping limits file. When {@code mailpipe.require-tls-files} is true, empty certificate and key options are errors too.
 * Keys under a prefix whose {@code <prefix>.enabled} is false (a listener turned off) are not checked.
 */
final class FileChecks {

    static final String REQUIRE_TLS_FILES = "mailpipe.require-tls-files";
    private static final String CERTIFICATE = "tls-certificate-file";
    private static final String KEY = "tls-key-file";
    private static final String SHAPING_FILE = "mailpipe.shaping.file";

    private FileChecks() {
    }

    /** The content of {@code file}, or why it cannot be read (missing, a directory, no permission). */
    static byte[] readable(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(file + " is not readable by this user");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static List<ConfigurationProblem> check(ConfigurationSources sources) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        boolean requireTls = sources.value(REQUIRE_TLS_FILES).map(v -> v.strip().equalsIgnoreCase("true"))
                .orElse(false);
        for (String key : sources.known().keys()) {
            Optional<Setting> setting = sources.effective(key).filter(s -> !s.value().contains("{{"));
            if (setting.isEmpty() || disabled(sources, key)) {
                continue;
            }
            String value = setting.get().value().strip();
            if (value.isEmpty()) {
                if (requireTls && (key.endsWith(CERTIFICATE) || key.endsWith(KEY))) {
                    problems.add(ConfigurationProblem.of(setting.get(), "is empty, but " + REQUIRE_TLS_FILES
                            + " is true: name the PEM file"));
                }
                continue;
            }
            if (key.endsWith(CERTIFICATE)) {
                tls(sources, setting.get(), key.substring(0, key.length() - CERTIFICATE.length()) + KEY, problems);
            } else if (key.endsWith(KEY)) {
                String certificateKey = key.substring(0, key.length() - KEY.length()) + CERTIFICATE;
                if (sources.value(certificateKey).orElse("").isBlank()) {
                    problems.add(ConfigurationProblem.of(setting.get(), "is set, so " + certificateKey
                            + " must name the certificate chain"));
                }
            } else if (key.endsWith("password-file")) {
                parse(setting.get(), problems, path -> new PasswordFileAuthenticator(path));
            } else if (key.endsWith("key-table")) {
                parse(setting.get(), problems, path -> loadKeyTable(path));
            } else if (key.equals(SHAPING_FILE)) {
                parse(setting.get(), problems, FileChecks::loadShapingFile);
            } else if (key.endsWith("-file")) {
                parse(setting.get(), problems, FileChecks::readable);
            }
        }
        return problems;
    }

    /** True when a {@code <prefix>.enabled} key above {@code key} is false: a feature turned off reads no file. */
    static boolean disabled(ConfigurationSources sources, String key) {
        for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
            if (sources.value(key.substring(0, dot) + ".enabled").map(v -> v.strip().equalsIgnoreCase("false"))
                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static void tls(ConfigurationSources sources, Setting certificate, String keyKey,
                            List<ConfigurationProblem> problems) {
        Optional<Setting> key = sources.effective(keyKey).filter(s -> !s.value().isBlank());
        if (key.isEmpty()) {
            problems.add(ConfigurationProblem.of(certificate, "is set, so " + keyKey + " must name its private key"));
            return;
        }
        TlsFiles.check(Path.of(certificate.value().strip()), Path.of(key.get().value().strip())).ifPresent(p ->
                problems.add(ConfigurationProblem.of(p.part() == TlsFiles.Part.CERTIFICATE ? certificate : key.get(),
                        p.message())));
    }

    /** Runs {@code reader} on the file the setting names and records its failure. */
    private static void parse(Setting setting, List<ConfigurationProblem> problems, FileReader reader) {
        Path path = Path.of(setting.value().strip());
        try {
            readable(path);
            reader.read(path);
        } catch (RuntimeException | DkimKeyException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            problems.add(ConfigurationProblem.of(setting, message.contains(path.toString()) ? message
                    : path + ": " + message));
        }
    }

    private static void loadShapingFile(Path path) {
        try (java.io.InputStream in = Files.newInputStream(path)) {
            ShapingFile.read(in, path.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(path + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void loadKeyTable(Path path) throws DkimKeyException {
        KeyTable.load(path, Duration.ofMinutes(1));
    }

    /** Reads one file the way its component will. */
    @FunctionalInterface
    private interface FileReader {
        void read(Path path) throws DkimKeyException;
    }
}
