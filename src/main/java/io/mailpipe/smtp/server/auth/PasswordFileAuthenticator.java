package io.mailpipe.smtp.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * {@link Authenticator} over a password file of lines {@code user:pbkdf2-sha256:<iterations>:<salt-b64>:<hash-b64>}
 * (PBKDF2 of RFC 8018 §5.2 with HMAC-SHA-256). Blank lines and lines starting with '#' are ignored. The file is
 * re-read when its modification time or size changes. Hashes are compared in constant time, and unknown users cost
 * the same derivation as known ones so timing does not reveal which names exist.
 */
public final class PasswordFileAuthenticator implements Authenticator {

    /** Iteration count for new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final PasswordHash DECOY = new PasswordHash(1000, new byte[SALT_BYTES], new byte[HASH_BITS / 8]);

    private final Path file;
    private Map<String, PasswordHash> entries = Map.of();
    private FileTime loadedModified;
    private long loadedSize = -1;

    public PasswordFileAuthenticator(Path file) {
        this.file = file;
        reloadIfChanged();
    }

    /** The part of a password-file line after "user:", for a new random salt and the default iteration count. */
    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /** As {@link #hash(char[])} with an explicit iteration count. */
    public static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        byte[] derived = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(derived);
    }

    @Override
    public CompletionStage<Boolean> authenticate(String user, char[] password) {
        try {
            PasswordHash expected = currentEntries().get(user);
            PasswordHash used = expected != null ? expected : DECOY;
            byte[] derived = derive(password, used.salt(), used.iterations());
            boolean equal = MessageDigest.isEqual(derived, used.hash());
            return CompletableFuture.completedFuture(expected != null && equal);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private synchronized Map<String, PasswordHash> currentEntries() {
        reloadIfChanged();
        return entries;
    }

    private synchronized void reloadIfChanged() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (modified.equals(loadedModified) && size == loadedSize) {
                return;
            }
            entries = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
            loadedModified = modified;
            loadedSize = size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read password file " + file, e);
        }
    }

    private static Map<String, PasswordHash> parse(Iterable<String> lines) {
        Map<String, PasswordHash> parsed = new HashMap<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split(":", -1);
            if (fields.length != 5 || !SCHEME.equals(fields[1]) || fields[0].isEmpty()) {
                throw new IllegalArgumentException("password file line " + number + " is not user:" + SCHEME
                        + ":iterations:salt:hash");
            }
            Base64.Decoder b64 = Base64.getDecoder();
            parsed.put(fields[0], new PasswordHash(Integer.parseInt(fields[2]), b64.decode(fields[3]),
                    b64.decode(fields[4])));
        }
        return Map.copyOf(parsed);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record PasswordHash(int iterations, byte[] salt, byte[] hash) {
    }
}
