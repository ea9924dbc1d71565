package io.mailpipe.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * A UDP socket on 127.0.0.1 that either never answers (to provoke timeouts) or answers every query with RCODE 2
 * SERVFAIL (RFC 1035 §4.1.1), by echoing the query with QR set. Runs one daemon thread until closed.
 */
final class LoopbackDnsStub implements AutoCloseable {

    private final DatagramSocket socket;
    private final Thread thread;

    private LoopbackDnsStub(boolean answerServfail) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(() -> serve(answerServfail), "dns-stub-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    static LoopbackDnsStub silent() throws IOException {
        return new LoopbackDnsStub(false);
    }

    static LoopbackDnsStub servfail() throws IOException {
        return new LoopbackDnsStub(true);
    }

    int port() {
        return socket.getLocalPort();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    private void serve(boolean answerServfail) {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                if (answerServfail && packet.getLength() >= 12) {
                    buffer[2] |= (byte) 0x80;
                    buffer[3] = (byte) ((buffer[3] & 0xF0) | 2);
                    socket.send(new DatagramPacket(buffer, packet.getLength(), packet.getSocketAddress()));
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(5_000);
    }
}
