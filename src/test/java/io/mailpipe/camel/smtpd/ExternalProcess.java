package io.mailpipe.camel.smtpd;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** Runs a real peer program (swaks, Debian's python3) with a time bound and returns its exit code and output. */
record ExternalProcess(int exitCode, String output) {

    static ExternalProcess run(List<String> command, String stdin, long timeoutSeconds)
            throws IOException, InterruptedException {
        if (!new File(command.get(0)).canExecute() && !onPath(command.get(0))) {
            fail(command.get(0) + " is not installed; run bin/install-test-peers");
        }
        Path output = Files.createTempFile("peer", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(command.get(0) + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(output));
            }
            return new ExternalProcess(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null || program.contains("/")) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
