package io.mailpipe.queue.spool;

import java.nio.file.Path;

/** Where a committed queue file sits inside a group-commit journal segment ({@link JournalFormat} payload). */
record JournalLocation(Path segment, long offset, long length) {
}
