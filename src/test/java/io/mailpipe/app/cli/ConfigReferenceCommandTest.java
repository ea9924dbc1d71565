package io.mailpipe.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailpipe.app.config.ConfigurationReference;
import org.junit.jupiter.api.Test;

/** {@code mailpipe config reference} prints the generated reference on stdout, nothing on stderr, status 0. */
class ConfigReferenceCommandTest {

    @Test
    void printsTheReference() {
        CliRun run = CliRun.run("config", "reference");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertEquals(ConfigurationReference.shipped().markdown(), run.out());
        assertEquals("", run.stderr());
    }
}
