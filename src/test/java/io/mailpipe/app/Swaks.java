package io.mailpipe.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** swaks (Debian package swaks), a real SMTP client with STARTTLS, implicit TLS and AUTH, run once per message. */
final class Swaks {

    private Swaks() {
    }

    /** Runs swaks against 127.0.0.1:{@code port} with {@code options}; returns its transcript. */
    static String send(int port, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("swaks", "--server", "127.0.0.1:" + port,
                "--helo", "client.test", "--timeout", "20"));
        command.addAll(List.of(options));
        Process swaks = new ProcessBuilder(command).redirectErrorStream(true).start();
        String transcript = new String(swaks.getInputStream().readAllBytes());
        if (!swaks.waitFor(60, TimeUnit.SECONDS)) {
            swaks.destroyForcibly();
            throw new AssertionError("swaks did not finish: " + transcript);
        }
        return transcript;
    }

    /** True when the transcript shows the message accepted (250 to the end of data). */
    static boolean queued(String transcript) {
        return transcript.contains("<-  250 2.0.0 Ok: queued as ")
                || transcript.contains("<~  250 2.0.0 Ok: queued as ");
    }
}
