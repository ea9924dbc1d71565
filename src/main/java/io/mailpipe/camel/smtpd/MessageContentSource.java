package io.mailpipe.camel.smtpd;

import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.smtp.MessageBytes;
import io.mailpipe.smtp.MessageContent;

import java.io.IOException;
import java.io.InputStream;

/** Lets the bytes the server received (in memory or spilled to disk) back a {@link RawMessage} body without a copy. */
final class MessageContentSource implements MessageBytes {

    private final MessageContent content;

    MessageContentSource(MessageContent content) {
        this.content = content;
    }

    @Override
    public InputStream open() throws IOException {
        return content.openStream();
    }

    @Override
    public long length() {
        return content.size();
    }
}
