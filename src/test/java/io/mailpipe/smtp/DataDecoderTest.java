package io.mailpipe.smtp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import static io.mailpipe.smtp.BareLineEndingPolicy.NORMALIZE;
import static io.mailpipe.smtp.BareLineEndingPolicy.REJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DATA content decoding: end of data, dot-unstuffing, limits, bare line endings (RFC 5321 §4.1.1.4, §4.5.2,
 * §2.3.8).
 */
class DataDecoderTest {

    private static DataFeeding.Result decode(String stream, BareLineEndingPolicy policy) {
        return DataFeeding.whole(stream, policy);
    }

    private static void assertAccepted(String expectedStored, String expectedLeftOver, DataFeeding.Result result) {
        assertTrue(result.ended(), "end of data not found");
        assertEquals(DataOutcome.OK, result.outcome());
        assertEquals(expectedStored, result.stored());
        assertEquals(expectedLeftOver, result.leftOver());
        assertEquals(expectedStored.length(), result.storedBytes());
    }

    @ParameterizedTest
    @EnumSource(BareLineEndingPolicy.class)
    void endsAtCrlfDotCrlfAndLeavesPipelinedCommands(BareLineEndingPolicy policy) {
        assertAccepted("Subject: hi\r\n\r\nbody\r\n", "QUIT\r\n",
                decode("Subject: hi\r\n\r\nbody\r\n.\r\nQUIT\r\n", policy));
    }

    @ParameterizedTest
    @EnumSource(BareLineEndingPolicy.class)
    void dotAloneOnTheFirstLineIsAnEmptyMessage(BareLineEndingPolicy policy) {
        assertAccepted("", "RSET\r\n", decode(".\r\nRSET\r\n", policy));
    }

    @ParameterizedTest
    @EnumSource(BareLineEndingPolicy.class)
    void removesTheTransparencyDot(BareLineEndingPolicy policy) {
        assertAccepted(".\r\n.x\r\na.b\r\n...\r\n", "",
                decode("..\r\n..x\r\na.b\r\n....\r\n.\r\n", policy));
    }

    @ParameterizedTest
    @EnumSource(BareLineEndingPolicy.class)
    void dotFollowedByTextIsNotAnEnd(BareLineEndingPolicy policy) {
        assertAccepted("x\r\n \r\n", "", decode("x\r\n. \r\n.\r\n", policy));
    }

    @Test
    void needsMoreInputUntilTheEnd() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DataDecoder decoder = new DataDecoder(sink, 1000, 1000, REJECT);
        assertFalse(decoder.feed(ByteBuffer.wrap(DataFeeding.bytes("line\r\n."))));
        assertFalse(decoder.feed(ByteBuffer.wrap(DataFeeding.bytes("\r"))));
        ByteBuffer last = ByteBuffer.wrap(DataFeeding.bytes("\nNOOP\r\n"));
        assertTrue(decoder.feed(last));
        assertEquals(1, last.position());
        assertTrue(decoder.feed(last), "stays ended");
        assertEquals(1, last.position(), "consumes nothing after the end");
        assertEquals("line\r\n", sink.toString());
    }

    @Test
    void bareLfIsRejectedAfterReadingToTheRealEnd() {
        DataFeeding.Result result = decode("a\nb\r\n.\r\nQUIT\r\n", REJECT);
        assertTrue(result.ended());
        assertEquals(DataOutcome.BARE_LINE_ENDING, result.outcome());
        assertEquals("QUIT\r\n", result.leftOver());
    }

    @Test
    void bareCrIsRejectedAfterReadingToTheRealEnd() {
        DataFeeding.Result result = decode("a\rb\r\n.\r\nQUIT\r\n", REJECT);
        assertTrue(result.ended());
        assertEquals(DataOutcome.BARE_LINE_ENDING, result.outcome());
        assertEquals("QUIT\r\n", result.leftOver());
    }

    @Test
    void bareLfAndBareCrAreNormalisedToCrlf() {
        assertAccepted("a\r\nb\r\nc\r\n\r\nd\r\n", "", decode("a\nb\rc\r\r\nd\r\n.\r\n", NORMALIZE));
    }

    @Test
    void lineAfterABareEndingKeepsItsDots() {
        assertAccepted("a\r\n..x\r\n\r\n.\r\n", "", decode("a\n..x\r\n\n.\r\n.\r\n", NORMALIZE));
    }

    @Test
    void realLineDotBeforeABareEndingIsKept() {
        assertAccepted("a\r\n.\r\nb\r\n", "", decode("a\r\n.\nb\r\n.\r\n", NORMALIZE));
    }

    @Test
    void crCrLfDotCrCrLfIsNotAnEnd() {
        assertAccepted("a\r\n\r\n.\r\n\r\nb\r\n", "", decode("a\r\r\n.\r\r\nb\r\n.\r\n", NORMALIZE));
        assertEquals(DataOutcome.BARE_LINE_ENDING, decode("a\r\r\n.\r\r\nb\r\n.\r\n", REJECT).outcome());
    }

    @ParameterizedTest
    @EnumSource(BareLineEndingPolicy.class)
    void nulIsRefusedUnderEitherPolicy(BareLineEndingPolicy policy) {
        DataFeeding.Result result = decode("a\0b\r\n.\r\nQUIT\r\n", policy);
        assertTrue(result.ended());
        assertEquals(DataOutcome.NUL_CHARACTER, result.outcome());
        assertEquals("QUIT\r\n", result.leftOver());
    }

    @Test
    void messageOfExactlyTheSizeLimitIsAccepted() {
        DataFeeding.Result result = DataFeeding.consistent(DataFeeding.bytes("1234\r\n.\r\n"), REJECT, 6, 1000);
        assertEquals(DataOutcome.OK, result.outcome());
        assertEquals("1234\r\n", result.stored());
    }

    @Test
    void oversizedMessageStopsBeingWrittenButIsReadToTheEnd() throws IOException {
        String body = "0123456789\r\n".repeat(1000);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DataDecoder decoder = new DataDecoder(sink, 100, 1000, REJECT);
        ByteBuffer in = ByteBuffer.wrap(DataFeeding.bytes(body + ".\r\nQUIT\r\n"));
        assertTrue(decoder.feed(in));
        assertEquals(DataOutcome.TOO_BIG, decoder.outcome());
        assertEquals(SmtpReplies.MESSAGE_TOO_BIG, decoder.failureReply());
        assertTrue(sink.size() <= 100, "wrote " + sink.size());
        assertEquals(body.length(), decoder.storedBytes());
        assertEquals(6, in.remaining());
    }

    @Test
    void linesLongerThanTheStagingBufferArriveIntact() {
        String line = "0123456789abcdef".repeat(1500);
        String text = line + "\r\n" + line.substring(7) + "\r\n";
        DataFeeding.Result result = DataFeeding.consistent(DataFeeding.bytes(text + ".\r\n"), REJECT, 1 << 20, 1 << 16);
        assertEquals(DataOutcome.OK, result.outcome());
        assertEquals(text, result.stored());
    }

    @Test
    void lineOfExactlyTheLineLimitIsAccepted() {
        DataFeeding.Result result = DataFeeding.consistent(DataFeeding.bytes("12345678\r\n.\r\n"), REJECT, 1000, 10);
        assertEquals(DataOutcome.OK, result.outcome());
    }

    @Test
    void transparencyDotDoesNotCountTowardsTheLineLimit() {
        DataFeeding.Result result = DataFeeding.consistent(DataFeeding.bytes("..2345678\r\n.\r\n"), REJECT, 1000, 10);
        assertEquals(DataOutcome.OK, result.outcome());
        assertEquals(".2345678\r\n", result.stored());
    }

    @ParameterizedTest
    @EnumSource(BareLineEndingPolicy.class)
    void overlongLineIsRefusedNeverTruncated(BareLineEndingPolicy policy) {
        DataFeeding.Result result = DataFeeding.consistent(
                DataFeeding.bytes("ok\r\n123456789\r\nmore\r\n.\r\nQUIT\r\n"), policy, 1000, 10);
        assertTrue(result.ended());
        assertEquals(DataOutcome.LINE_TOO_LONG, result.outcome());
        assertEquals("QUIT\r\n", result.leftOver());
    }

    @Test
    void failureRepliesMatchTheOutcome() throws IOException {
        DataDecoder decoder = new DataDecoder(new ByteArrayOutputStream(), 1000, 1000, REJECT);
        assertThrows(IllegalStateException.class, decoder::failureReply);
        decoder.feed(ByteBuffer.wrap(DataFeeding.bytes("a\nb\r\n.\r\n")));
        assertEquals(SmtpReplies.BARE_LINE_ENDING, decoder.failureReply());
        assertEquals(554, decoder.failureReply().code());
    }

    /** Streams cut off before their end, and oddities, under every fragmentation; the other tests do the same. */
    @Test
    void fragmentationNeverChangesTheResult() {
        List<String> streams = List.of("a\r\n.\r\r\n.\r\n", "\r\n.\r\n\r\n.\r\n", "no end\r\n.", "end split\r\n.\r",
                "x".repeat(40) + "\r\n.\r\n", "\n.\n\r.\r\r\n.\n\r\n.\r\n");
        for (String stream : streams) {
            for (BareLineEndingPolicy policy : BareLineEndingPolicy.values()) {
                DataFeeding.Result result = DataFeeding.consistent(DataFeeding.bytes(stream), policy, 8, 10);
                assertEquals(stream.endsWith("\r\n.\r\n"), result.ended(), stream);
            }
        }
    }
}
