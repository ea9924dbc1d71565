package io.mailpipe.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Maps a signing domain to its selectors and key files, like OpenDKIM's SigningTable and KeyTable together
 * (RFC 6376 §3.1 selectors). Text format, one key per line, {@code #} starts a comment:
 *
 * <pre>
 * # signing-domain  selector  key-file (relative paths are relative to this table)
 * example.com       rsa2026   keys/example.com.rsa.pem
 * example.com       ed2026    keys/example.com.ed25519.key
 * </pre>
 *
 * Several lines for one domain give several signatures on each message (for example RSA and Ed25519 side by
 * side). A domain without lines uses the lines of its closest parent domain. Every key is loaded when the table is
 * loaded, so a bad key fails start-up with its file name; keys are then re-read when their files change.
 */
public final class KeyTable {

    /** One signing key of the table. */
    public record Entry(String domain, String selector, ReloadingKey key) {
    }

    private final List<Entry> entries;

    private KeyTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static KeyTable load(Path table, Duration recheckInterval) throws DkimKeyException {
        return load(table, recheckInterval, System::nanoTime);
    }

    public static KeyTable load(Path table, Duration recheckInterval, LongSupplier nanoClock)
            throws DkimKeyException {
        List<String> lines;
        try {
            lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DkimKeyException(table + ": cannot read key table (" + e + ")", e);
        }
        Path base = table.toAbsolutePath().getParent();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cols = line.split("\\s+");
            if (cols.length != 3) {
                throw new DkimKeyException(table + " line " + (i + 1) + ": expected 'domain selector key-file'");
            }
            ReloadingKey key = ReloadingKey.load(base.resolve(cols[2]), recheckInterval.toNanos(), nanoClock);
            entries.add(new Entry(cols[0].toLowerCase(Locale.ROOT), cols[1], key));
        }
        if (entries.isEmpty()) {
            throw new DkimKeyException(table + ": key table has no entries");
        }
        return new KeyTable(entries);
    }

    /** The entries for a domain, or for its closest listed parent domain; empty when none match. */
    public List<Entry> entriesFor(String domain) {
        String candidate = domain.toLowerCase(Locale.ROOT);
        while (true) {
            String current = candidate;
            List<Entry> found = entries.stream().filter(e -> e.domain().equals(current)).toList();
            if (!found.isEmpty()) {
                return found;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return List.of();
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    public List<Entry> entries() {
        return entries;
    }
}
