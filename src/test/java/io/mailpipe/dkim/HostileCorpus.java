package io.mailpipe.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic corpus of unusual but valid RFC 5322 messages (CRLF line ends, lines under 998 octets): folded and
 * very long fields, tabs and trailing whitespace, repeated fields (Received, Comments, Keywords: the ones
 * RFC 5322 §3.6 lets repeat), mixed-case names, 8-bit and UTF-8 header text, empty bodies, bodies of blank lines,
 * missing final CRLF, whitespace-heavy bodies, two bodies of about 1 MB and one of about 7.5 MB.
 */
final class HostileCorpus {

    private HostileCorpus() {
    }

    static List<byte[]> generate(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            headers(i, random, out);
            out.writeBytes(crlf(""));
            body(i, random, out);
            messages.add(out.toByteArray());
        }
        return messages;
    }

    private static void headers(int i, Random random, ByteArrayOutputStream out) {
        if (i % 3 == 0) {
            line(out, "Received: from relay" + i + ".example.net (relay [192.0.2." + (i % 250) + "])\r\n\tby mx.example"
                    + " with ESMTP id " + Long.toHexString(random.nextLong()) + ";\r\n\tMon, 1 Jan 2024 00:00:00 +0000");
        }
        String fromName = switch (i % 5) {
            case 0 -> "\"J\u00fcrgen M\u00fcller\" ";
            case 1 -> "=?UTF-8?B?w5xiZXI=?= ";
            case 2 -> "";
            case 3 -> "Plain Name\t ";
            default -> "\"Quoted, Comma\" ";
        };
        line(out, (i % 7 == 0 ? "FROM" : "From") + ":" + (i % 4 == 0 ? "  " : " ") + fromName + "<user" + i
                + "@example.com>");
        line(out, "To: rcpt" + i + "@example.org" + (i % 6 == 0 ? ",\r\n  second@example.org,\r\n\tthird@example.org" : ""));
        if (i % 8 == 0) {
            line(out, "Comments: first comment");
            line(out, "Received: from inner.example.net by relay" + i + ".example.net; Sun, 31 Dec 2023 23:59:00 +0000");
            line(out, "Comments: second  comment\t");
        }
        line(out, subject(i, random));
        if (i % 10 == 3) {
            line(out, "Keywords: one, two");
            line(out, "keywords: three");
        }
        line(out, "Date: Mon, " + (1 + i % 28) + " Jan 2024 12:00:00 +0000" + (i % 9 == 0 ? "   " : ""));
        line(out, "Message-ID: <" + i + "." + Long.toHexString(random.nextLong()) + "@example.com>");
        optionalHeaders(i, out);
    }

    private static void optionalHeaders(int i, ByteArrayOutputStream out) {
        if (i % 4 == 1) {
            line(out, "Cc: cc" + i + "@example.org,\r\n cc-two@example.org \t");
        }
        if (i % 5 == 2) {
            line(out, "Reply-To:\treply@example.com");
        }
        if (i % 6 == 4) {
            line(out, "X-Empty:");
            line(out, "X-Blank:   ");
        }
        if (i % 11 == 5) {
            line(out, "X-Long: " + "x".repeat(900));
        }
        if (i % 12 == 7) {
            line(out, references(i));
        }
        if (i % 13 == 1) {
            line(out, "X-Latin1: caf\u00e9 na\u00efve", StandardCharsets.ISO_8859_1);
        }
        line(out, "MIME-Version: 1.0");
        line(out, "Content-Type: text/plain;\r\n\tcharset=\"utf-8\"");
    }

    private static String subject(int i, Random random) {
        return switch (i % 6) {
            case 0 -> "Subject: plain subject " + i;
            case 1 -> "Subject:   spaced    out\t\tsubject   ";
            case 2 -> "Subject: folded\r\n over\r\n\tthree lines " + random.nextInt(1000);
            case 3 -> "Subject: UTF-8 \u65e5\u672c\u8a9e \u00e9\u00e8 \ud83d\udce8";
            case 4 -> "Subject: =?utf-8?q?encoded_word?= and text";
            default -> "Subject:" + " word".repeat(40).replace("word word word word word", "word word\r\n word");
        };
    }

    private static String references(int i) {
        StringBuilder refs = new StringBuilder("References:");
        for (int n = 0; n < 40; n++) {
            refs.append(n == 0 ? " " : "\r\n ").append("<ref").append(n).append('.').append(i).append("@example.com>");
        }
        return refs.toString();
    }

    private static void body(int i, Random random, ByteArrayOutputStream out) {
        switch (i % 10) {
            case 0 -> { }
            case 1 -> out.writeBytes(crlf("\r\n\r\n"));
            case 2 -> out.writeBytes(text("no final line break"));
            case 3 -> out.writeBytes(text("trailing   \t \r\nspaces\t\t\r\n \r\n\t\r\n\r\n"));
            case 4 -> out.writeBytes(text("\tleading tab\r\n  two  spaces  inside\r\n\r\n\r\nafter blanks\r\n"));
            case 5 -> out.writeBytes(("UTF-8 body \u00e4\u00f6\u00fc \u20ac\r\n").getBytes(StandardCharsets.UTF_8));
            case 6 -> out.writeBytes(("8-bit body \u00e9\u00e0\r\n").getBytes(StandardCharsets.ISO_8859_1));
            case 7 -> out.writeBytes(text("y".repeat(990) + "\r\n" + "z ".repeat(400) + "\r\n"));
            case 8 -> out.writeBytes(text(".\r\n..dots\r\nFrom the start\r\n"));
            default -> out.writeBytes(text("line " + random.nextInt() + "\r\n"));
        }
        if (i % 173 == 17) {
            large(random, out, i == 17 ? 200_000 : 30_000);
        }
    }

    private static void large(Random random, ByteArrayOutputStream out, int lines) {
        byte[] alphabet = "abcdefghijklmnopqrstuvwxyz  \t0123456789".getBytes(StandardCharsets.US_ASCII);
        for (int line = 0; line < lines; line++) {
            int length = random.nextInt(76);
            for (int c = 0; c < length; c++) {
                out.write(alphabet[random.nextInt(alphabet.length)]);
            }
            out.writeBytes(crlf(""));
        }
    }

    private static void line(ByteArrayOutputStream out, String field) {
        line(out, field, StandardCharsets.UTF_8);
    }

    private static void line(ByteArrayOutputStream out, String field, java.nio.charset.Charset charset) {
        out.writeBytes(field.getBytes(charset));
        out.writeBytes(crlf(""));
    }

    private static byte[] crlf(String text) {
        return (text + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
