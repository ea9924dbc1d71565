package io.mailpipe.camel.observe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MessageIdsTest {

    private static String read(String message) throws IOException {
        return MessageIds.read(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theFieldIsFoundWhateverItsCase() throws IOException {
        assertEquals("<a.1@x.example>", read("From: a@x.example\r\nmessage-id:  <a.1@x.example> \r\n\r\nbody\r\n"));
    }

    @Test
    void aFoldedFieldIsUnfolded() throws IOException {
        assertEquals("<a.1@x.example> (c)", read("Message-ID:\r\n <a.1@x.example>\r\n (c)\r\nTo: b@y\r\n\r\nbody\r\n"));
    }

    @Test
    void aMessageIdLineInTheBodyIsNotTheField() throws IOException {
        assertNull(read("From: a@x.example\r\n\r\nMessage-ID: <not@header>\r\n"));
    }

    @Test
    void aMessageWithoutHeaderEndStillAnswers() throws IOException {
        assertEquals("<z@x>", read("Message-ID: <z@x>"));
    }
}
