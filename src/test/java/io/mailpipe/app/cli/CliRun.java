package io.mailpipe.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * One in-process run of the command line through picocli, with stdin given and stdout/stderr captured: what a
 * shell would see from {@code java -jar mailpipe.jar ARGS < stdin}.
 */
record CliRun(int exitCode, byte[] stdout, String stderr) {

    static CliRun run(byte[] stdin, String... args) {
        return runWith(streams -> List.of(), stdin, args);
    }

    /** A run where the commands {@code prebuilt} makes for the run's streams replace those of their class. */
    static CliRun runWith(Function<CliStreams, List<Object>> prebuilt, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliStreams streams = new CliStreams(new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                null);
        int exit = MailpipeCli.commandLine(streams, prebuilt.apply(streams)).execute(args);
        return new CliRun(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun run(String... args) {
        return run(new byte[0], args);
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** stdout parsed as the single JSON document {@code --json} promises (trailing content fails). */
    JsonNode json() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (var parser = mapper.createParser(stdout)) {
            JsonNode node = mapper.readTree(parser);
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON document on stdout: " + out());
            }
            return node;
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out() + "--- stderr\n" + stderr;
    }
}
