package io.mailpipe.bulk;

/**
 * The only checks a ready-made message gets before it is queued untouched: a size limit, and a header section ended
 * by an empty line (RFC 5322 §2.1: header fields, CRLF, then the body), whose first line is a header field
 * (RFC 5322 §2.2: field name, colon).
 */
final class RawMessageCheck {

    private RawMessageCheck() {
    }

    static byte[] check(byte[] message, long maxBytes) throws BulkRequestRejectedException {
        if (message.length > maxBytes) {
            throw new BulkRequestRejectedException(Rejection.Reason.SIZE, "/message",
                    "message of " + message.length + " octets exceeds " + maxBytes);
        }
        if (separatorAt(message) < 0) {
            throw new BulkRequestRejectedException(Rejection.Reason.BODY, "/message",
                    "no empty line (CRLF CRLF) ends the header section");
        }
        if (!startsWithFieldName(message)) {
            throw new BulkRequestRejectedException(Rejection.Reason.BODY, "/message",
                    "the message does not start with a header field");
        }
        return message;
    }

    private static int separatorAt(byte[] m) {
        for (int i = 0; i + 3 < m.length; i++) {
            if (m[i] == '\r' && m[i + 1] == '\n' && m[i + 2] == '\r' && m[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** field-name = 1*ftext (printable US-ASCII except ":"), then ":" (RFC 5322 §3.6.8). */
    private static boolean startsWithFieldName(byte[] m) {
        int i = 0;
        while (i < m.length && m[i] >= 33 && m[i] <= 126 && m[i] != ':') {
            i++;
        }
        return i > 0 && i < m.length && m[i] == ':';
    }
}
