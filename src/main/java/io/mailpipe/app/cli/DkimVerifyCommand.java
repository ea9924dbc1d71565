package io.mailpipe.app.cli;

import io.mailpipe.dkim.AuthResultsClause;
import io.mailpipe.dkim.DkimKeyLookup;
import io.mailpipe.dkim.DkimResult;
import io.mailpipe.dkim.DkimStatus;
import io.mailpipe.dkim.DkimVerification;
import io.mailpipe.dkim.DkimVerifier;
import io.mailpipe.dkim.InMemoryKeyLookup;
import io.mailpipe.dkim.ResolverKeyLookup;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mailpipe dkim-verify}: checks every DKIM-Signature of the message on stdin with the engine
 * {@code dkim:verify} uses (RFC 6376 §6) and prints each signature's d=, s=, a=, result and reason with the
 * Authentication-Results clauses (RFC 8601 §2.7.1). Keys come from DNS, or only from {@code --key-record} when
 * given. Exit 0 when a signature passes, 3 when none passes and one met a temporary error, 1 otherwise.
 */
@Command(name = "dkim-verify", mixinStandardHelpOptions = true,
        description = "Verify the DKIM signatures of the message on stdin (RFC 6376).")
final class DkimVerifyCommand implements Callable<Integer> {

    private final CliStreams streams;

    @Option(names = "--key-record", paramLabel = "NAME=TXT",
            description = "Key record to use instead of DNS, e.g. sel._domainkey.example.org=\"v=DKIM1; p=...\""
                    + " (repeatable).")
    List<String> keyRecords = new ArrayList<>();

    @Option(names = "--authserv-id", paramLabel = "ID", defaultValue = "localhost",
            description = "authserv-id of the Authentication-Results field (default: ${DEFAULT-VALUE}).")
    String authservId;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Mixin
    DnsOptions dns;

    DkimVerifyCommand(CliStreams streams) {
        this.streams = streams;
    }

    /** One signature's outcome as {@code --json} prints it. */
    record SignatureReport(String domain, String selector, String algorithm, String result, String reason,
            String authenticationResults) {
    }

    /** What {@code --json} prints. */
    record VerifyReport(List<SignatureReport> signatures, String authenticationResults) {
    }

    @Override
    public Integer call() throws Exception {
        DkimKeyLookup lookup = keyRecords.isEmpty() ? new ResolverKeyLookup(dns.resolver()) : inMemory();
        byte[] message = streams.in().readAllBytes();
        DkimVerification verification = DnsOptions.await(new DkimVerifier(lookup).verify(
                LineEndings.isUnixText(message) ? LineEndings.toCrlf(message) : message));
        String field = "Authentication-Results: " + authservId + "; "
                + String.join("; ", AuthResultsClause.clauses(verification));
        if (json) {
            List<SignatureReport> signatures = new ArrayList<>();
            for (DkimResult result : verification.results()) {
                signatures.add(new SignatureReport(result.domain(), result.selector(), result.algorithm(),
                        result.status().keyword(), result.reason(), AuthResultsClause.clause(result)));
            }
            JsonOutput.write(streams.out(), new VerifyReport(signatures, field));
        } else {
            printText(streams.out(), verification, field);
        }
        return exitCode(verification);
    }

    private InMemoryKeyLookup inMemory() throws CommandFailure {
        InMemoryKeyLookup lookup = new InMemoryKeyLookup();
        for (String entry : keyRecords) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw CommandFailure.usage("--key-record needs NAME=TXT: " + entry);
            }
            lookup.putName(entry.substring(0, equals).strip(), unquote(entry.substring(equals + 1).strip()));
        }
        return lookup;
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static void printText(PrintStream out, DkimVerification verification, String field) {
        if (verification.unsigned()) {
            out.println("no DKIM-Signature field");
        }
        for (DkimResult result : verification.results()) {
            out.println("signature " + (result.index() + 1) + ": d=" + result.domain() + " s=" + result.selector()
                    + " a=" + result.algorithm() + " result=" + result.status().keyword()
                    + (result.reason().isEmpty() ? "" : " reason=" + result.reason()));
        }
        out.println(field);
        out.flush();
    }

    private static int exitCode(DkimVerification verification) {
        if (verification.anyPass()) {
            return ExitCodes.OK;
        }
        boolean temporary = verification.results().stream().anyMatch(r -> r.status() == DkimStatus.TEMPERROR);
        return temporary ? ExitCodes.TEMPORARY : ExitCodes.NEGATIVE;
    }
}
