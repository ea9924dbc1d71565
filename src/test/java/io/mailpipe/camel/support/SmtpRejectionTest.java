package io.mailpipe.camel.support;

import io.mailpipe.smtp.SmtpReply;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The reply a route writes as text becomes the typed reply smtpd: sends. */
class SmtpRejectionTest {

    @Test
    void codeStatusAndTextAreRead() {
        assertEquals(new SmtpReply(550, "5.7.1", List.of("message refused as spam")),
                new SmtpRejection("550 5.7.1 message refused as spam").reply());
    }

    @Test
    void aMissingEnhancedStatusComesFromTheClass() {
        assertEquals(new SmtpReply(451, "4.0.0", List.of("later")), new SmtpRejection("451 later").reply());
        assertEquals(new SmtpReply(554, "5.0.0", List.of("rejected")), new SmtpRejection("554").reply());
    }

    @Test
    void aPositiveOrMalformedReplyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SmtpRejection("250 2.0.0 fine"));
        assertThrows(IllegalArgumentException.class, () -> new SmtpRejection("spam"));
        assertThrows(IllegalArgumentException.class, () -> new SmtpRejection(null));
        assertThrows(IllegalArgumentException.class, () -> new SmtpRejection("550 4.7.1 mixed classes"));
    }
}
