package io.mailpipe.dkim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.function.LongSupplier;

/**
 * A signing key file that is re-read when it changes (for example a Kubernetes Secret rotated by a symlink swap):
 * on use, at most once per interval, the file is read and its content hash compared with the loaded one (key files
 * are small, and a hash does not miss a rewrite that keeps the size and modification time); a changed key is parsed
 * and replaces the old one. A broken new file keeps the old key in use and is
 * reported through {@link #lastError()}. Keys follow RFC 8301 §3.2 and RFC 8463 via {@link SigningKeys}.
 */
public final class ReloadingKey {

    private static final System.Logger LOG = System.getLogger(ReloadingKey.class.getName());

    private final Path file;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private SigningKey key;
    private long checkedAt;
    private byte[] contentHash;
    private String lastError;

    private ReloadingKey(Path file, long intervalNanos, LongSupplier nanoClock) {
        this.file = file;
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
    }

    /** Loads the key now; any problem fails here, naming the file. */
    public static ReloadingKey load(Path file, long intervalNanos, LongSupplier nanoClock) throws DkimKeyException {
        ReloadingKey reloading = new ReloadingKey(file, intervalNanos, nanoClock);
        try {
            reloading.reload();
        } catch (IOException e) {
            throw new DkimKeyException(file + ": cannot read key file (" + e + ")", e);
        }
        reloading.checkedAt = nanoClock.getAsLong();
        return reloading;
    }

    /** The key to sign with now, re-read first if the interval has passed and the file changed. */
    public synchronized SigningKey current() {
        long now = nanoClock.getAsLong();
        if (now - checkedAt >= intervalNanos) {
            checkedAt = now;
            try {
                reload();
            } catch (IOException | DkimKeyException e) {
                lastError = file + ": reload failed, keeping the previous key (" + e.getMessage() + ")";
                LOG.log(System.Logger.Level.WARNING, lastError);
            }
        }
        return key;
    }

    /** The problem with the latest reload attempt, or null when the file loaded fine. */
    public synchronized String lastError() {
        return lastError;
    }

    private void reload() throws IOException, DkimKeyException {
        byte[] content = Files.readAllBytes(file);
        byte[] hash = Hashing.sha256().digest(content);
        if (key != null && MessageDigest.isEqual(hash, contentHash)) {
            return;
        }
        key = SigningKeys.parse(content, file.toString());
        contentHash = hash;
        lastError = null;
    }
}
