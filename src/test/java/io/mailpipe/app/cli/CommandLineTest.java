package io.mailpipe.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command tree as a shell sees it: help for every command, usage errors as status 2 on stderr. */
class CommandLineTest {

    @Test
    void rootHelpListsEveryCommandAndTheExitStatuses() {
        CliRun run = CliRun.run("--help");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        for (String command : List.of("run", "spf", "dkim-sign", "dkim-verify", "dkim-keygen", "passwd", "config",
                "mx", "queue", "suppress")) {
            assertTrue(run.out().contains("\n  " + command + " "), command + " missing from\n" + run.out());
        }
        assertTrue(run.out().contains("2 usage error, 3 temporary error"), run.out());
    }

    @Test
    void everyCommandAnswersHelpOnStdoutWithStatusZero() {
        List<List<String>> paths = new ArrayList<>();
        collect(MailpipeCli.commandLine(new CliStreams(System.in, System.out, System.err, null)), List.of(), paths);
        assertTrue(paths.size() >= 8, "commands found: " + paths);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, run.exitCode(), path + ": " + run);
            String name = path.isEmpty() ? "mailpipe" : "mailpipe " + String.join(" ", path);
            assertTrue(run.out().startsWith("Usage: " + name), path + ": " + run.out());
            assertEquals("", run.stderr(), path.toString());
        }
    }

    private static void collect(CommandLine line, List<String> path, List<List<String>> into) {
        into.add(path);
        for (Map.Entry<String, CommandLine> sub : line.getSubcommands().entrySet()) {
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            collect(sub.getValue(), next, into);
        }
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun run = CliRun.run("frobnicate");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.stderr().contains("frobnicate"), run.stderr());
        assertEquals("", run.out());
    }

    @Test
    void missingRequiredOptionsAreAUsageErrorNamingThem() {
        CliRun run = CliRun.run("spf", "--ip", "192.0.2.1");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.stderr().contains("--mail-from") && run.stderr().contains("--helo"), run.stderr());
    }

    @Test
    void aBadIpAddressIsAUsageErrorWithoutAnyLookup() {
        CliRun run = CliRun.run("spf", "--ip", "mail.example.com", "--mail-from", "a@example.com", "--helo", "x",
                "--dns", "127.0.0.1:9");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("not an IP address"), run.stderr());
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.run("--version");

        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().startsWith("mailpipe "), run.out());
    }
}
