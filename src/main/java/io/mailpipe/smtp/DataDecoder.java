package io.mailpipe.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Reads the content of DATA (RFC 5321 §4.1.1.4) from arbitrary fragments of the stream: removes the transparency
 * dot (§4.5.2), stops exactly after {@code <CRLF>.<CRLF>} and nothing else (the first line may be "." alone, since
 * the CRLF of the DATA command counts), and writes the message with CRLF line endings to a sink.
 *
 * <p>A line is "real" when it starts at the beginning of the data or after a real CRLF. Only a real line can be
 * the end-of-data line or lose a transparency dot. A CR or LF outside a CRLF pair is a bare line ending: under
 * {@link BareLineEndingPolicy#REJECT} the outcome becomes {@link DataOutcome#BARE_LINE_ENDING}; under
 * {@link BareLineEndingPolicy#NORMALIZE} it is stored as CRLF and the next line is not real. Either way the
 * reading goes on to the real end of data, so every SMTP smuggling variant ({@code <LF>.<LF>},
 * {@code <LF>.<CR><LF>}, {@code <CR><LF>.<CR><CR><LF>} …) stays inside one message and the session stays in step.
 * NUL octets are refused under both policies: a relay that passed {@code <CRLF><NUL>.<CRLF>} on to a receiver that
 * drops NULs would carry the smuggling attack itself.
 *
 * <p>Faults never truncate silently: once the message exceeds {@code maxMessageSize} or a line exceeds
 * {@code maxLineLength} octets (counted with its CRLF, after unstuffing, as §4.5.3.1.6 counts), nothing more is
 * written, the rest is consumed and discarded, and the outcome says why. One instance per message; not thread-safe.
 */
public final class DataDecoder {

    private enum LineState { EMPTY, LEADING_DOT, TEXT }

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte DOT = '.';
    private static final int STAGING_SIZE = 8192;

    private final OutputStream sink;
    private final long maxMessageSize;
    private final int maxLineLength;
    private final BareLineEndingPolicy policy;
    private final byte[] staged = new byte[STAGING_SIZE];
    private int stagedLength;
    private long storedBytes;
    private long lineLength;
    private boolean realLine = true;
    private LineState lineState = LineState.EMPTY;
    private boolean pendingCr;
    private boolean finished;
    private DataOutcome outcome = DataOutcome.OK;

    public DataDecoder(OutputStream sink, long maxMessageSize, int maxLineLength, BareLineEndingPolicy policy) {
        if (maxLineLength < 3 || maxMessageSize < 0) {
            throw new IllegalArgumentException("bad limits: " + maxMessageSize + ", " + maxLineLength);
        }
        this.sink = sink;
        this.maxMessageSize = maxMessageSize;
        this.maxLineLength = maxLineLength;
        this.policy = policy;
    }

    /**
     * Consumes bytes of {@code in}; true once {@code <CRLF>.<CRLF>} has been consumed, with everything after it left
     * in {@code in}. After that, further calls consume nothing and return true.
     */
    public boolean feed(ByteBuffer in) throws IOException {
        try {
            while (!finished && in.hasRemaining()) {
                if (lineState == LineState.TEXT && !pendingCr && outcome == DataOutcome.OK) {
                    copyTextRun(in);
                    if (!in.hasRemaining()) {
                        break;
                    }
                }
                finished = accept(in.get());
            }
        } finally {
            flushStaged();
        }
        return finished;
    }

    /** The outcome so far; final once {@link #feed} has returned true. */
    public DataOutcome outcome() {
        return outcome;
    }

    /** The reply for a refused message. */
    public SmtpReply failureReply() {
        return switch (outcome) {
            case OK -> throw new IllegalStateException("the data was accepted");
            case TOO_BIG -> SmtpReplies.MESSAGE_TOO_BIG;
            case LINE_TOO_LONG -> SmtpReplies.DATA_LINE_TOO_LONG;
            case BARE_LINE_ENDING -> SmtpReplies.BARE_LINE_ENDING;
            case NUL_CHARACTER -> SmtpReplies.NUL_CHARACTER;
        };
    }

    /** Octets of the message after unstuffing and normalising, counted even past the size limit. */
    public long storedBytes() {
        return storedBytes;
    }

    /** Handles one octet; true when it completes the end-of-data line. */
    private boolean accept(byte b) throws IOException {
        if (pendingCr) {
            pendingCr = false;
            if (b == LF) {
                return endRealLine();
            }
            endBareLine();
        }
        if (b == CR) {
            pendingCr = true;
        } else if (b == LF) {
            endBareLine();
        } else {
            acceptText(b);
        }
        return false;
    }

    /**
     * The fast path inside a line that already holds text: the octets up to the next CR, LF or NUL change nothing
     * but the counters, so they are copied in bulk. Stops short of a limit, leaving the octet that crosses it to
     * {@link #accept}.
     */
    private void copyTextRun(ByteBuffer in) throws IOException {
        int start = in.position();
        long room = Math.min(maxLineLength - 2 - lineLength, maxMessageSize - storedBytes);
        int end = (int) Math.min(in.limit(), start + room);
        int stop = start;
        while (stop < end) {
            byte b = in.get(stop);
            if (b == CR || b == LF || b == 0) {
                break;
            }
            stop++;
        }
        int run = stop - start;
        lineLength += run;
        storedBytes += run;
        while (run > 0) {
            if (stagedLength == staged.length) {
                flushStaged();
            }
            int chunk = Math.min(run, staged.length - stagedLength);
            in.get(staged, stagedLength, chunk);
            stagedLength += chunk;
            run -= chunk;
        }
    }

    private boolean endRealLine() throws IOException {
        if (lineState == LineState.LEADING_DOT) {
            return true;
        }
        storeLineEnd();
        startLine(true);
        return false;
    }

    /** A bare CR or LF: a leading dot is kept as text, since the sender cannot have meant it as a stuffed dot. */
    private void endBareLine() throws IOException {
        if (policy == BareLineEndingPolicy.REJECT) {
            fail(DataOutcome.BARE_LINE_ENDING);
        }
        if (lineState == LineState.LEADING_DOT) {
            storeText(DOT);
        }
        storeLineEnd();
        startLine(false);
    }

    private void acceptText(byte b) throws IOException {
        if (b == 0) {
            fail(DataOutcome.NUL_CHARACTER);
        }
        if (lineState == LineState.EMPTY && realLine && b == DOT) {
            lineState = LineState.LEADING_DOT;
            return;
        }
        lineState = LineState.TEXT;
        storeText(b);
    }

    private void startLine(boolean real) {
        realLine = real;
        lineState = LineState.EMPTY;
        lineLength = 0;
    }

    private void storeText(byte b) throws IOException {
        lineLength++;
        if (lineLength + 2 > maxLineLength) {
            fail(DataOutcome.LINE_TOO_LONG);
        }
        store(b);
    }

    private void storeLineEnd() throws IOException {
        store(CR);
        store(LF);
    }

    private void store(byte b) throws IOException {
        storedBytes++;
        if (storedBytes > maxMessageSize) {
            fail(DataOutcome.TOO_BIG);
        }
        if (outcome != DataOutcome.OK) {
            return;
        }
        if (stagedLength == staged.length) {
            flushStaged();
        }
        staged[stagedLength++] = b;
    }

    /** Records the first fault; nothing is written after it. */
    private void fail(DataOutcome fault) {
        if (outcome == DataOutcome.OK) {
            outcome = fault;
            stagedLength = 0;
        }
    }

    private void flushStaged() throws IOException {
        if (stagedLength > 0) {
            sink.write(staged, 0, stagedLength);
            stagedLength = 0;
        }
    }
}
