package io.mailpipe.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailpipe.dns.Resolver;
import io.mailpipe.spf.ReceivedSpfField;
import io.mailpipe.spf.SpfAuthenticationResults;
import io.mailpipe.spf.SpfChecker;
import io.mailpipe.spf.SpfRequest;
import io.mailpipe.spf.SpfResult;
import io.mailpipe.spf.SpfSettings;
import io.mailpipe.spf.SpfTraceListener;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mailpipe spf}: the RFC 7208 evaluation the {@code spf:check} step runs, for one client address, MAIL FROM
 * and HELO: the result (§2.6), the explanation (§6.2), the Received-SPF field (§9.1) and Authentication-Results
 * clause (RFC 8601 §2.7.2) it would add, and with {@code --trace} every DNS lookup and directive evaluated.
 * Exit 0 for pass, none and neutral, 1 for fail, softfail and permerror, 3 for temperror.
 */
@Command(name = "spf", mixinStandardHelpOptions = true,
        description = "Evaluate SPF (RFC 7208) for a client address, MAIL FROM and HELO.")
final class SpfCommand implements Callable<Integer> {

    private final CliStreams streams;

    @Option(names = "--ip", required = true, paramLabel = "IP", description = "SMTP client address (IPv4 or IPv6).")
    String ip;

    @Option(names = "--mail-from", required = true, paramLabel = "ADDR",
            description = "MAIL FROM address; empty (\"\") for the null reverse-path, which checks HELO.")
    String mailFrom;

    @Option(names = "--helo", required = true, paramLabel = "NAME", description = "HELO/EHLO name.")
    String helo;

    @Option(names = "--receiver", paramLabel = "NAME", defaultValue = "localhost",
            description = "Receiving host name for Received-SPF and %%{r} (default: ${DEFAULT-VALUE}).")
    String receiver;

    @Option(names = "--trace", description = "Show every DNS lookup and directive evaluated.")
    boolean trace;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Mixin
    DnsOptions dns;

    SpfCommand(CliStreams streams) {
        this.streams = streams;
    }

    /** What {@code --json} prints. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record SpfReport(String result, String identity, String sender, String domain, String mechanism,
            String explanation, String problem, String receivedSpf, String authenticationResults,
            List<String> trace) {
    }

    @Override
    public Integer call() throws Exception {
        SpfRequest request = new SpfRequest(address(), stripBrackets(mailFrom), helo);
        List<String> steps = new CopyOnWriteArrayList<>();
        Resolver resolver = trace ? new TracingResolver(dns.resolver(), steps::add) : dns.resolver();
        SpfChecker checker = new SpfChecker(resolver, SpfSettings.defaults().withReceiver(receiver),
                trace ? new TraceLines(steps) : null);
        SpfResult result = DnsOptions.await(checker.checkMailFrom(request));
        String receivedSpf = ReceivedSpfField.build(result, request, receiver);
        String clause = SpfAuthenticationResults.clause(result, request);
        if (json) {
            JsonOutput.write(streams.out(), new SpfReport(result.outcome().keyword(), result.identity()
                    .receivedSpfName(), result.sender(), result.domain(), result.mechanism(), result.explanation(),
                    result.problem(), stripCrlf(receivedSpf), clause, trace ? List.copyOf(steps) : null));
        } else {
            printText(streams.out(), result, receivedSpf, clause, steps);
        }
        return switch (result.outcome()) {
            case PASS, NONE, NEUTRAL -> ExitCodes.OK;
            case TEMPERROR -> ExitCodes.TEMPORARY;
            default -> ExitCodes.NEGATIVE;
        };
    }

    private void printText(PrintStream out, SpfResult result, String receivedSpf, String clause,
            List<String> steps) {
        steps.forEach(step -> out.println("trace: " + step));
        out.println("result: " + result.outcome().keyword());
        out.println("identity: " + result.identity().receivedSpfName() + " " + result.sender());
        if (!result.mechanism().isEmpty()) {
            out.println("mechanism: " + result.mechanism() + " (record of " + result.domain() + ")");
        }
        if (!result.explanation().isEmpty()) {
            out.println("explanation: " + result.explanation());
        }
        if (!result.problem().isEmpty()) {
            out.println("problem: " + result.problem());
        }
        out.print(receivedSpf.replace("\r\n", System.lineSeparator()));
        out.println("Authentication-Results clause: " + clause);
        out.flush();
    }

    private InetAddress address() throws CommandFailure {
        if (!ip.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !ip.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw CommandFailure.usage("--ip is not an IP address: " + ip);
        }
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw CommandFailure.usage("--ip is not an IP address: " + ip);
        }
    }

    private static String stripBrackets(String address) {
        String trimmed = address.strip();
        if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String stripCrlf(String field) {
        return field.endsWith("\r\n") ? field.substring(0, field.length() - 2) : field;
    }

    /** Turns the evaluator's steps into trace lines beside the DNS lookups. */
    private record TraceLines(List<String> steps) implements SpfTraceListener {

        @Override
        public void checkHost(String domain) {
            steps.add("check_host " + domain);
        }

        @Override
        public void directive(String domain, String directive, boolean matched) {
            steps.add("directive " + directive + " of " + domain + (matched ? " matches" : " does not match"));
        }

        @Override
        public void redirect(String domain, String target) {
            steps.add("redirect from " + domain + " to " + target);
        }
    }
}
