package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.CommandLineReader;
import io.mailpipe.smtp.CommandParser;
import io.mailpipe.smtp.SmtpReplies;
import io.mailpipe.smtp.SmtpSyntaxException;
import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Command mode: splits input into CRLF lines of at most maxCommandLineLength (RFC 5321 §4.5.3.1.4; longer lines
 * get 500 5.5.2 and are dropped), parses each (UTF-8 allowed for RFC 6531 addresses) and dispatches it.
 */
final class CommandInput implements InputMode {

    private final SmtpSession session;
    private final CommandLineReader reader;
    private final CommandParser parser = new CommandParser();

    CommandInput(SmtpSession session, int maxLineLength) {
        this.session = session;
        this.reader = new CommandLineReader(maxLineLength);
    }

    @Override
    public boolean process(ByteBuf input) {
        CommandLineReader.Line line = LineInput.next(reader, input);
        if (line == null) {
            return false;
        }
        if (line.tooLong()) {
            session.reply(SmtpReplies.LINE_TOO_LONG);
            return true;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line.bytes())).toString();
            session.dispatch(parser.parse(text));
        } catch (CharacterCodingException e) {
            session.reply(SmtpReplies.SYNTAX_UNRECOGNIZED);
        } catch (SmtpSyntaxException e) {
            session.reply(e.reply());
        }
        return true;
    }
}
