package io.mailpipe.smtp.server.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * SASL PLAIN (RFC 4616 §2): one message "authzid NUL authcid NUL passwd", sent as the AUTH initial response or
 * after an empty 334 challenge. Only an empty authzid or one equal to the authcid is accepted, since this server
 * does not let one user act for another.
 */
final class PlainMechanism extends SaslMechanism {

    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    public SaslStep start(String initialResponse) {
        return initialResponse == null ? new SaslStep.Challenge("") : respond(initialResponse);
    }

    @Override
    public SaslStep respond(String line) {
        if (isCancel(line)) {
            return new SaslStep.Cancelled();
        }
        Optional<byte[]> decoded = decode(line);
        if (decoded.isEmpty()) {
            return new SaslStep.Malformed();
        }
        byte[] message = decoded.get();
        try {
            return credentials(message);
        } finally {
            Arrays.fill(message, (byte) 0);
        }
    }

    private static SaslStep credentials(byte[] message) {
        int first = indexOfNul(message, 0);
        int second = first < 0 ? -1 : indexOfNul(message, first + 1);
        if (second < 0 || indexOfNul(message, second + 1) >= 0) {
            return new SaslStep.Rejected();
        }
        Optional<char[]> authzid = utf8(message, 0, first);
        Optional<char[]> authcid = utf8(message, first + 1, second);
        Optional<char[]> password = utf8(message, second + 1, message.length);
        if (authzid.isEmpty() || authcid.isEmpty() || password.isEmpty() || authcid.get().length == 0) {
            return new SaslStep.Rejected();
        }
        String user = new String(authcid.get());
        if (authzid.get().length != 0 && !new String(authzid.get()).equals(user)) {
            Arrays.fill(password.get(), '\0');
            return new SaslStep.Rejected();
        }
        return new SaslStep.Credentials(user, password.get());
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
