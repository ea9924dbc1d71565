package io.mailpipe.queue.spool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retired message files come back empty from {@code tmp/}, up to the capacity; beyond it they are deleted. */
class RecycledFilesTest {

    @TempDir
    Path dir;

    @Test
    void retiredFilesAreEmptiedAndHandedOutUpToTheCapacity() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path active = Files.createDirectories(dir.resolve("active"));
        RecycledFiles recycled = new RecycledFiles(tmp, 2);
        for (String id : new String[] {"A", "B", "C"}) {
            Files.writeString(active.resolve(id), "message " + id);
            recycled.retire(active.resolve(id));
            assertFalse(Files.exists(active.resolve(id)));
        }
        recycled.retire(active.resolve("gone"));

        Path first = recycled.take();
        Path second = recycled.take();
        assertNull(recycled.take(), "two kept, the third deleted");
        for (Path file : new Path[] {first, second}) {
            assertNotNull(file);
            assertEquals(tmp, file.getParent());
            assertEquals(0, Files.size(file), "a retired message's text does not linger");
        }
        try (var left = Files.list(tmp)) {
            assertEquals(2, left.count());
        }
        assertTrue(Files.exists(first));
    }
}
