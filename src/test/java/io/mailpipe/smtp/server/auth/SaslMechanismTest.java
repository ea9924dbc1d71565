package io.mailpipe.smtp.server.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PLAIN (RFC 4616) and LOGIN message handling. */
class SaslMechanismTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainAcceptsEmptyOrEqualAuthzidOnly() {
        SaslStep.Credentials ok = assertInstanceOf(SaslStep.Credentials.class,
                SaslMechanism.forName("plain").orElseThrow().start(b64("\0zoë\0pässword")));
        assertEquals("zoë", ok.user());
        assertEquals("pässword", new String(ok.password()));
        assertInstanceOf(SaslStep.Credentials.class,
                SaslMechanism.forName("PLAIN").orElseThrow().start(b64("zoë\0zoë\0pw")));
        assertInstanceOf(SaslStep.Rejected.class,
                SaslMechanism.forName("PLAIN").orElseThrow().start(b64("admin\0zoë\0pw")));
        assertInstanceOf(SaslStep.Rejected.class,
                SaslMechanism.forName("PLAIN").orElseThrow().start(b64("no separators")));
        assertInstanceOf(SaslStep.Malformed.class, SaslMechanism.forName("PLAIN").orElseThrow().start("%%%"));
        assertInstanceOf(SaslStep.Cancelled.class, SaslMechanism.forName("PLAIN").orElseThrow().respond("*"));
        assertTrue(SaslMechanism.forName("CRAM-MD5").isEmpty());
    }

    @Test
    void loginAsksForUserThenPassword() {
        SaslMechanism login = SaslMechanism.forName("LOGIN").orElseThrow();
        assertEquals(new SaslStep.Challenge(b64("Username:")), login.start(null));
        assertEquals(new SaslStep.Challenge(b64("Password:")), login.respond(b64("alice")));
        SaslStep.Credentials credentials = assertInstanceOf(SaslStep.Credentials.class, login.respond(b64("pw")));
        assertEquals("alice", credentials.user());
        credentials.clear();
        assertEquals("\0\0", new String(credentials.password()));
    }
}
