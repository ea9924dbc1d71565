package io.mailpipe.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * DKIM verification by an independent implementation, dkimpy (Debian python3-dkim), with the key record given
 * instead of looked up: the record is served only for the expected selector and domain, so a signature with another
 * d= or s= fails.
 */
final class Dkimpy {

    private static final String SCRIPT = String.join("\n",
            "import dkim, sys",
            "message = open(sys.argv[1], 'rb').read()",
            "expected = sys.argv[2].encode()",
            "record = open(sys.argv[3], 'rb').read().strip()",
            "def lookup(name, timeout=5):",
            "    return record if name.rstrip(b'.') == expected else None",
            "sys.exit(0 if dkim.verify(message, dnsfunc=lookup) else 1)");

    private Dkimpy() {
    }

    /** True when dkimpy verifies the first signature of {@code message} with {@code record} at {@code name}. */
    static boolean verifies(byte[] message, String name, Path record, Path work) throws Exception {
        Path file = Files.write(Files.createTempFile(work, "signed", ".eml"), message);
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", SCRIPT, file.toString(), name,
                record.toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes());
        if (!python.waitFor(30, TimeUnit.SECONDS)) {
            python.destroyForcibly();
            throw new AssertionError("dkimpy did not finish");
        }
        if (python.exitValue() > 1) {
            throw new AssertionError("dkimpy failed: " + output);
        }
        return python.exitValue() == 0;
    }
}
