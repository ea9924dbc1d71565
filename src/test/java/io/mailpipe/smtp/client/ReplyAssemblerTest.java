package io.mailpipe.smtp.client;

import io.mailpipe.smtp.SmtpReply;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reply syntax of RFC 5321 §4.2 and enhanced status codes of RFC 2034/3463 as the client reads them. */
class ReplyAssemblerTest {

    private final ReplyAssembler assembler = new ReplyAssembler(5);

    @Test
    void singleLineWithEnhancedStatusIsSplitIntoCodeStatusAndText() throws Exception {
        SmtpReply reply = assembler.accept("550 5.1.1 no such user");
        assertEquals(550, reply.code());
        assertEquals("5.1.1", reply.enhancedStatus());
        assertEquals(List.of("no such user"), reply.lines());
    }

    @Test
    void missingEnhancedStatusIsDerivedFromTheBasicCode() throws Exception {
        assertEquals("4.0.0", assembler.accept("451 try later").enhancedStatus());
        assertEquals("2.0.0", assembler.accept("250").enhancedStatus());
    }

    @Test
    void enhancedStatusOfAnotherClassIsIgnored() throws Exception {
        SmtpReply reply = assembler.accept("550 2.1.5 odd");
        assertEquals("5.0.0", reply.enhancedStatus());
        assertEquals(List.of("2.1.5 odd"), reply.lines());
    }

    @Test
    void multiLineReplyCompletesOnTheLastLine() throws Exception {
        assertNull(assembler.accept("250-mx.test hello"));
        assertNull(assembler.accept("250-PIPELINING"));
        SmtpReply reply = assembler.accept("250 SIZE 1000");
        assertEquals(List.of("mx.test hello", "PIPELINING", "SIZE 1000"), reply.lines());
    }

    @Test
    void mixedCodesInOneReplyAreAProtocolError() throws Exception {
        assembler.accept("250-first");
        SmtpProtocolException e = assertThrows(SmtpProtocolException.class, () -> assembler.accept("550 second"));
        assertTrue(e.getMessage().contains("mixes codes"));
    }

    @Test
    void garbageIsAProtocolError() {
        assertThrows(SmtpProtocolException.class, () -> assembler.accept("hello there"));
        assertThrows(SmtpProtocolException.class, () -> assembler.accept("25"));
        assertThrows(SmtpProtocolException.class, () -> assembler.accept("250xfoo"));
        assertThrows(SmtpProtocolException.class, () -> assembler.accept("199 too low"));
    }

    @Test
    void tooManyLinesAreAProtocolError() throws Exception {
        for (int i = 0; i < 5; i++) {
            assembler.accept("250-line " + i);
        }
        assertThrows(SmtpProtocolException.class, () -> assembler.accept("250-line 6"));
    }
}
