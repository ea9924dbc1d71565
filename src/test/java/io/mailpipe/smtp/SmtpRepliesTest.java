package io.mailpipe.smtp;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reply constants: enhanced codes present and of the right class (RFC 2034 §3, RFC 3463 §2), wire forms. */
class SmtpRepliesTest {

    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    @Test
    void everyFinalReplyCarriesAnEnhancedCodeOfItsOwnClass() throws IllegalAccessException {
        int checked = 0;
        for (Field field : SmtpReplies.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != SmtpReply.class) {
                continue;
            }
            SmtpReply reply = (SmtpReply) field.get(null);
            checked++;
            if (reply.code() / 100 == 3) {
                assertNull(reply.enhancedStatus(), field.getName());
                continue;
            }
            assertTrue(ENHANCED.matcher(reply.enhancedStatus()).matches(), field.getName());
            assertEquals(reply.code() / 100, reply.enhancedStatus().charAt(0) - '0', field.getName());
        }
        assertTrue(checked > 40, "constants found: " + checked);
    }

    @Test
    void queuedReplyNamesTheQueueId() {
        assertEquals("250 2.0.0 Ok: queued as 4F2A9C\r\n",
                new String(SmtpReplies.queued("4F2A9C").toWire(), StandardCharsets.US_ASCII));
    }

    @Test
    void greetingStartsWithTheHostName() {
        assertEquals("220 mx.example.org ESMTP mailpipe\r\n",
                new String(SmtpReplies.greeting("mx.example.org").toWire(), StandardCharsets.US_ASCII));
    }

    @Test
    void ehloListsExtensionsOnContinuationLines() {
        SmtpReply reply = SmtpReplies.ehlo("mx.example.org", List.of("PIPELINING", "SIZE 1000"));
        assertEquals("250-mx.example.org\r\n250-PIPELINING\r\n250 SIZE 1000\r\n",
                new String(reply.toWire(), StandardCharsets.US_ASCII));
    }

    @Test
    void authChallengeIsBareBase64() {
        assertEquals("334 VXNlcm5hbWU6\r\n",
                new String(SmtpReplies.authChallenge("VXNlcm5hbWU6").toWire(), StandardCharsets.US_ASCII));
        assertEquals("334 \r\n", new String(SmtpReplies.AUTH_CONTINUE.toWire(), StandardCharsets.US_ASCII));
    }

    @Test
    void relayDeniedUsesTheCustomaryWording() {
        assertEquals("554 5.7.1 Relay access denied", SmtpReplies.RELAY_DENIED.toString());
    }
}
