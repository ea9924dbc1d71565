package io.mailpipe.dkim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads vendored DKIM vectors from the test classpath (src/test/resources/dkim). */
final class TestResources {

    private TestResources() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = TestResources.class.getResourceAsStream("/dkim/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource dkim/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.ISO_8859_1);
    }

    static SigningKey key(String path) throws DkimKeyException {
        return SigningKeys.parse(bytes(path), path);
    }

    /** Loads "name. record" lines (comments with #) into an in-memory key lookup. */
    static InMemoryKeyLookup zone(String... paths) {
        InMemoryKeyLookup lookup = new InMemoryKeyLookup();
        for (String path : paths) {
            for (String line : text(path).split("\r?\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.strip().split("\\s+", 2);
                lookup.putName(parts[0], parts[1]);
            }
        }
        return lookup;
    }
}
