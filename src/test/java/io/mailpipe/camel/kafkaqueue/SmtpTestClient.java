package io.mailpipe.camel.kafkaqueue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A minimal SMTP client for tests (RFC 5321 §3.3 mail transaction): one message per call, returns the DATA reply. */
public final class SmtpTestClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    public SmtpTestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(120_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
        expect(reply(), "220");
        command("EHLO client.test");
    }

    /** Sends one message; returns the reply to the end of DATA (or the first failing reply before it). */
    public String send(String from, List<String> recipients, String message) throws IOException {
        String reply = command("MAIL FROM:<" + from + ">");
        for (String recipient : recipients) {
            if (!reply.startsWith("2")) {
                break;
            }
            reply = command("RCPT TO:<" + recipient + ">");
        }
        if (!reply.startsWith("2")) {
            command("RSET");
            return reply;
        }
        reply = command("DATA");
        if (!reply.startsWith("354")) {
            return reply;
        }
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    @Override
    public void close() throws IOException {
        try {
            command("QUIT");
        } finally {
            socket.close();
        }
    }

    public static String queueId(String reply) {
        return reply.substring(reply.lastIndexOf(' ') + 1).trim();
    }

    private String command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    private String reply() throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        if (line == null) {
            throw new IOException("connection closed");
        }
        return line;
    }

    private static void expect(String reply, String code) throws IOException {
        if (!reply.startsWith(code)) {
            throw new IOException("expected " + code + ": " + reply);
        }
    }
}
