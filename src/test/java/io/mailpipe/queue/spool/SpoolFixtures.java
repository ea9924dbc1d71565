package io.mailpipe.queue.spool;

import io.mailpipe.smtp.MessageBytes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Message bodies and crash images for spool tests. */
final class SpoolFixtures {

    /** Small journal segments: each is written full of zeros before use. */
    static final SpoolSettings SETTINGS = new SpoolSettings(1 << 20);

    private SpoolFixtures() {
    }

    static MessageBytes body(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return MessageBytes.of(bytes);
    }

    static String read(MessageBytes body) throws IOException {
        try (InputStream in = body.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Copies a running spool's directory: what a crash at this moment would leave on disk if the page cache survived;
     * tests then damage the copy to model what a power loss may lose (files not yet forced).
     */
    static void crashImage(Path spool, Path image) throws IOException {
        try (Stream<Path> paths = Files.walk(spool)) {
            paths.forEach(source -> {
                try {
                    Path target = image.resolve(spool.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
