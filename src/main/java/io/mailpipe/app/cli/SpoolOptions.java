package io.mailpipe.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The spool directory the queue commands work on: the pipeline's {@code mailpipe.spool.directory}, which is
 * {@code data/spool} unless {@code MAILPIPE_SPOOL_DIRECTORY} says otherwise.
 */
final class SpoolOptions {

    @Option(names = "--spool", paramLabel = "DIR", defaultValue = "${env:MAILPIPE_SPOOL_DIRECTORY:-data/spool}",
            description = "Spool directory (default: ${DEFAULT-VALUE}, from MAILPIPE_SPOOL_DIRECTORY or data/spool).")
    Path directory;
}
