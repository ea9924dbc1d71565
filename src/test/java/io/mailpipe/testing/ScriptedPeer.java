package io.mailpipe.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A misbehaving SMTP server for client tests: a loopback socket whose every connection runs a script written by the
 * test (send raw bytes, read command lines), so that replies no real server would send can be produced. Reads time
 * out after 10 s; {@link #close()} ends the accept thread and every connection.
 */
public final class ScriptedPeer implements AutoCloseable {

    /** One connection's script. */
    public interface Script {
        void run(Conversation c) throws IOException, InterruptedException;
    }

    /** The server side of one connection. */
    public static final class Conversation {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        public final List<String> received;

        Conversation(Socket socket, List<String> received) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.received = received;
        }

        public void send(String raw) throws IOException {
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Reads one CRLF line, records it, returns it without the CRLF; null at end of stream. */
        public String read() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                    received.add(text);
                    return text;
                }
                line.write(b);
            }
            return null;
        }

        /** Reads lines until one equals {@code last}. */
        public void readUntil(String last) throws IOException {
            String line;
            do {
                line = read();
            } while (line != null && !line.equals(last));
        }

        /** Greets and answers EHLO with the given extension lines. */
        public void greetAndEhlo(String... extensions) throws IOException {
            send("220 scripted.test ESMTP\r\n");
            read();
            StringBuilder ehlo = new StringBuilder();
            ehlo.append(extensions.length == 0 ? "250 " : "250-").append("scripted.test\r\n");
            for (int i = 0; i < extensions.length; i++) {
                ehlo.append(i == extensions.length - 1 ? "250 " : "250-").append(extensions[i]).append("\r\n");
            }
            send(ehlo.toString());
        }

        public void close() throws IOException {
            socket.close();
        }
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    public final List<String> received = new CopyOnWriteArrayList<>();
    public final List<Throwable> scriptErrors = new CopyOnWriteArrayList<>();

    public ScriptedPeer(Script script) throws IOException {
        this(InetAddress.getLoopbackAddress(), 0, script);
    }

    public ScriptedPeer(InetAddress address, int port, Script script) throws IOException {
        server = new ServerSocket(port, 50, address);
        acceptor = new Thread(() -> acceptLoop(script), "scripted-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop(Script script) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setSoTimeout(10_000);
                sockets.add(socket);
                Thread t = new Thread(() -> {
                    try {
                        script.run(new Conversation(socket, received));
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        if (!socket.isClosed()) {
                            scriptErrors.add(e);
                        }
                    }
                }, "scripted-conversation");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        acceptor.join(5_000);
    }
}
