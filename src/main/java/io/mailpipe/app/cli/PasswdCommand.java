package io.mailpipe.app.cli;

import io.mailpipe.smtp.server.auth.PasswordFileAuthenticator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mailpipe passwd USER}: prints a line for the smtpd password file (the AUTH PLAIN/LOGIN credentials of RFC
 * 4954, stored as PBKDF2-HMAC-SHA256, RFC 8018 §5.2). The password is asked twice on the console, or read as the
 * first line of stdin when there is no console.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = "Print a password-file line for USER (password from the console or stdin).")
final class PasswdCommand implements Callable<Integer> {

    /** Longest password line read from stdin. */
    private static final int MAX_PASSWORD_BYTES = 1024;

    private final CliStreams streams;

    @Parameters(index = "0", paramLabel = "USER", description = "User name as given to AUTH.")
    String user;

    PasswdCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        if (user.isEmpty() || user.contains(":") || user.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw CommandFailure.usage("USER must be non-empty, without ':', spaces or control characters");
        }
        char[] password = streams.console() != null ? fromConsole() : fromStdin(streams.in());
        try {
            if (password.length == 0) {
                throw CommandFailure.usage("empty password");
            }
            streams.out().println(user + ":" + PasswordFileAuthenticator.hash(password));
            streams.out().flush();
            return ExitCodes.OK;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] fromConsole() throws CommandFailure {
        char[] first = streams.console().readPassword("Password for %s: ", user);
        char[] second = streams.console().readPassword("Again: ");
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw CommandFailure.usage("the passwords differ");
            }
            return first.clone();
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    /** The first line of stdin without its line end, as UTF-8. */
    private static char[] fromStdin(InputStream in) throws IOException, CommandFailure {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() == MAX_PASSWORD_BYTES) {
                throw CommandFailure.usage("password longer than " + MAX_PASSWORD_BYTES + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, length));
        char[] password = new char[decoded.remaining()];
        decoded.get(password);
        Arrays.fill(decoded.array(), '\0');
        Arrays.fill(bytes, (byte) 0);
        return password;
    }
}
