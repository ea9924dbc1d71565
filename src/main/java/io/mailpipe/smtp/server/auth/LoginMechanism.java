package io.mailpipe.smtp.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * SASL LOGIN (draft-murchison-sasl-login-00, the de-facto mechanism of older clients): challenges "Username:" and
 * "Password:", each answered with base64 text. An AUTH LOGIN initial response is taken as the user name.
 */
final class LoginMechanism extends SaslMechanism {

    private static final String USERNAME = b64("Username:");
    private static final String PASSWORD = b64("Password:");

    private String user;

    @Override
    public String name() {
        return "LOGIN";
    }

    @Override
    public SaslStep start(String initialResponse) {
        return initialResponse == null ? new SaslStep.Challenge(USERNAME) : respond(initialResponse);
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
        Optional<char[]> text = utf8(decoded.get(), 0, decoded.get().length);
        if (text.isEmpty()) {
            return new SaslStep.Rejected();
        }
        if (user == null) {
            user = new String(text.get());
            return new SaslStep.Challenge(PASSWORD);
        }
        return new SaslStep.Credentials(user, text.get());
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
