package io.mailpipe.smtp.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A minimal SMTP client for tests: raw lines and bytes out, parsed (multi-line) replies in, optional TLS. */
final class SmtpTestClient implements AutoCloseable {

    /** One reply: its code and its lines without the "code-" / "code " prefix. */
    record Reply(int code, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }

        String last() {
            return lines.get(lines.size() - 1);
        }
    }

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private SmtpTestClient(Socket socket) throws IOException {
        use(socket);
    }

    static SmtpTestClient connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5000);
        socket.setSoTimeout(15_000);
        return new SmtpTestClient(socket);
    }

    /** Connects with TLS from the first byte (implicit TLS). */
    static SmtpTestClient connectTls(InetSocketAddress address, SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(address.getAddress(),
                address.getPort());
        socket.setSoTimeout(15_000);
        socket.startHandshake();
        return new SmtpTestClient(socket);
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
    }

    /** Layers TLS over the connection (after a 220 to STARTTLS). */
    SSLSocket startTls(SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket,
                socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        use(tls);
        return tls;
    }

    void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    Reply command(String line) throws IOException {
        send(line);
        return reply();
    }

    Reply reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("connection closed before a complete reply; got " + lines);
            }
            if (line.length() < 4) {
                throw new IOException("malformed reply line: " + line);
            }
            lines.add(line.substring(4));
            if (line.charAt(3) == ' ') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
            }
        }
    }

    /** True when the server has closed the connection (reads end of stream). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    /** Greeting, EHLO client.test; returns the EHLO reply. */
    Reply hello() throws IOException {
        Reply greeting = reply();
        if (greeting.code() != 220) {
            throw new IOException("no greeting: " + greeting);
        }
        return command("EHLO client.test");
    }

    /** MAIL, one RCPT, DATA with the given already dot-stuffed CRLF text; returns the final reply. */
    Reply sendMessage(String from, String to, String content) throws IOException {
        Reply mail = command("MAIL FROM:<" + from + ">");
        if (mail.code() != 250) {
            return mail;
        }
        Reply rcpt = command("RCPT TO:<" + to + ">");
        if (rcpt.code() != 250) {
            return rcpt;
        }
        Reply data = command("DATA");
        if (data.code() != 354) {
            return data;
        }
        sendRaw((content + ".\r\n").getBytes(StandardCharsets.UTF_8));
        return reply();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
