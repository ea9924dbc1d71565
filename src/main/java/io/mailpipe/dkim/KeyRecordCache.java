package io.mailpipe.dkim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers parsed key records (RFC 6376 §3.6.1) by their text so that a busy verifier does not decode the same
 * public key for every message; DNS caching stays the resolver's job. Bounded, least recently used first out.
 */
final class KeyRecordCache {

    private static final int CAPACITY = 1024;

    private final Map<String, Object> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The parsed record, or the syntax error it produced (also cached). */
    DkimKeyRecord parse(String text) throws DkimSyntaxException {
        Object cached;
        synchronized (entries) {
            cached = entries.get(text);
        }
        if (cached == null) {
            try {
                cached = DkimKeyRecord.parse(text);
            } catch (DkimSyntaxException e) {
                cached = e;
            }
            synchronized (entries) {
                entries.put(text, cached);
            }
        }
        if (cached instanceof DkimSyntaxException e) {
            throw new DkimSyntaxException(e.problem(), e.getMessage());
        }
        return (DkimKeyRecord) cached;
    }
}
