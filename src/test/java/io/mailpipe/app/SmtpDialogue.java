package io.mailpipe.app;

import io.mailpipe.testing.TestTls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A hand-driven SMTP client for tests of what a server refuses: one command at a time, each answer returned whole
 * (all lines of a multi-line reply), optionally from a chosen local address, over STARTTLS or implicit TLS that
 * trusts exactly the test certificate. Every read times out after 30 s.
 */
final class SmtpDialogue implements AutoCloseable {

    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private final String greeting;

    private SmtpDialogue(Socket socket) throws IOException {
        use(socket);
        greeting = reply();
    }

    /** Connects to 127.0.0.1:{@code port} from {@code localAddress} (null: any). */
    static SmtpDialogue connect(int port, InetAddress localAddress) throws IOException {
        Socket socket = new Socket();
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        return new SmtpDialogue(socket);
    }

    /** Connects with TLS from the first byte (RFC 8314 implicit TLS). */
    static SmtpDialogue connectImplicitTls(int port, TestTls tls) throws Exception {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        return new SmtpDialogue(handshake(plain, tls));
    }

    String greeting() {
        return greeting;
    }

    /** Sends one command line; returns the whole reply, lines joined by '\n'. */
    String send(String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply();
    }

    /** STARTTLS and the TLS handshake; returns the reply to STARTTLS. */
    String startTls(TestTls tls) throws Exception {
        String reply = send("STARTTLS");
        if (reply.startsWith("220")) {
            use(handshake(socket, tls));
        }
        return reply;
    }

    private static SSLSocket handshake(Socket plain, TestTls tls) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tls.trustManagers().getTrustManagers(), null);
        SSLSocket secure = (SSLSocket) context.getSocketFactory().createSocket(plain, "localhost",
                plain.getPort(), true);
        secure.setUseClientMode(true);
        secure.startHandshake();
        return secure;
    }

    private void use(Socket next) throws IOException {
        socket = next;
        socket.setSoTimeout(30_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    private String reply() throws IOException {
        StringBuilder text = new StringBuilder();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed after: " + text);
            }
            text.append(text.length() == 0 ? "" : "\n").append(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
