package io.mailpipe.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailpipe.smtp.server.auth.PasswordFileAuthenticator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** passwd: the printed line, put in a password file, lets smtpd's authenticator accept that password only. */
class PasswdCommandTest {

    @TempDir
    Path directory;

    @Test
    void thePrintedLineAuthenticatesThePasswordReadFromStdin() throws Exception {
        CliRun run = CliRun.run("s3cret pass phrase\r\n".getBytes(StandardCharsets.UTF_8), "passwd", "alice");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        String line = run.out().strip();
        assertTrue(line.startsWith("alice:pbkdf2-sha256:"), line);
        Path file = Files.writeString(directory.resolve("passwords"), line + "\n");
        PasswordFileAuthenticator authenticator = new PasswordFileAuthenticator(file);
        assertTrue(authenticator.authenticate("alice", "s3cret pass phrase".toCharArray())
                .toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertFalse(authenticator.authenticate("alice", "s3cret pass phrase\r".toCharArray())
                .toCompletableFuture().get(30, TimeUnit.SECONDS));
    }

    @Test
    void userNamesThatWouldBreakTheFileAndEmptyPasswordsAreUsageErrors() {
        byte[] password = "pw\n".getBytes(StandardCharsets.US_ASCII);
        for (String user : new String[] {"a:b", "two words", ""}) {
            CliRun run = CliRun.run(password, "passwd", user);
            assertEquals(ExitCodes.USAGE, run.exitCode(), user);
            assertEquals("", run.out());
        }
        assertEquals(ExitCodes.USAGE, CliRun.run("\n".getBytes(StandardCharsets.US_ASCII), "passwd", "bob").exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.run(password, "passwd").exitCode());
    }
}
