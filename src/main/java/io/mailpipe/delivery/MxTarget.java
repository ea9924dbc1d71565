package io.mailpipe.delivery;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** One address to try for a domain (RFC 5321 §5.1): the MX host name it came from, its address and port. */
public record MxTarget(String hostName, InetAddress address, int port) {

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public String toString() {
        return hostName + "[" + address.getHostAddress() + "]:" + port;
    }
}
