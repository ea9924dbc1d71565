package io.mailpipe.smtp.server.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PBKDF2-SHA256 password file: verification, unknown users, malformed lines and reload on change. */
class PasswordFileAuthenticatorTest {

    private static boolean check(Authenticator authenticator, String user, String password) {
        return authenticator.authenticate(user, password.toCharArray()).toCompletableFuture().join();
    }

    @Test
    void verifiesHashedPasswordsAndReloadsWhenTheFileChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("passwd");
        Files.writeString(file, "# users\nalice:" + PasswordFileAuthenticator.hash("secret".toCharArray(), 1000) + "\n");
        PasswordFileAuthenticator authenticator = new PasswordFileAuthenticator(file);
        assertTrue(check(authenticator, "alice", "secret"));
        assertFalse(check(authenticator, "alice", "Secret"));
        assertFalse(check(authenticator, "bob", "secret"));

        Files.writeString(file, "bob:" + PasswordFileAuthenticator.hash("pw".toCharArray(), 1000) + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertTrue(check(authenticator, "bob", "pw"));
        assertFalse(check(authenticator, "alice", "secret"));
    }

    @Test
    void defaultHashUsesTheDocumentedFormat() {
        String line = PasswordFileAuthenticator.hash("x".toCharArray());
        assertTrue(line.matches("pbkdf2-sha256:600000:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+"), line);
    }

    @Test
    void malformedLinesAreRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("passwd");
        Files.writeString(file, "alice:md5:abc\n");
        assertThrows(IllegalArgumentException.class, () -> new PasswordFileAuthenticator(file));
    }
}
