package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.CommandLineReader;
import io.mailpipe.smtp.SmtpReplies;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** Reads the client's answer to a 334 challenge (RFC 4954 §4: lines up to 12288 octets) and passes it on. */
final class SaslInput implements InputMode {

    /** RFC 4954 §4 raises the line limit for AUTH responses to 12288 octets. */
    static final int MAX_RESPONSE_LENGTH = 12_288;

    private final AuthExchange exchange;
    private final SmtpSession session;
    private final CommandLineReader reader = new CommandLineReader(MAX_RESPONSE_LENGTH);

    SaslInput(AuthExchange exchange, SmtpSession session) {
        this.exchange = exchange;
        this.session = session;
    }

    @Override
    public boolean process(ByteBuf input) {
        CommandLineReader.Line line = LineInput.next(reader, input);
        if (line == null) {
            return false;
        }
        session.commandMode();
        if (line.tooLong()) {
            session.reply(SmtpReplies.LINE_TOO_LONG);
        } else {
            exchange.respond(new String(line.bytes(), StandardCharsets.US_ASCII));
        }
        return true;
    }
}
