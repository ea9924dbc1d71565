package io.mailpipe.app.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The standard streams a command works with: stdin (messages, passwords), stdout (results, signed messages, JSON,
 * as bytes so that signed output stays byte-exact), stderr (diagnostics) and the interactive console when there
 * is one. Tests pass their own; the jar passes the process's.
 */
public record CliStreams(InputStream in, PrintStream out, PrintStream err, Console console) {

    public static CliStreams system() {
        return new CliStreams(System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8), System.console());
    }
}
