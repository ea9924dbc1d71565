package io.mailpipe.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailpipe.dns.UnboundServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailpipe spf} over a real DNS server (Debian unbound on loopback) serving policies shaped like those of
 * large providers, small businesses and broken domains, compared query by query with pyspf (Debian python3-spf)
 * asking the same server: same result, and for fail under an exp= modifier the same explanation (RFC 7208 §6.2).
 * Also the text, JSON and trace output, and each exit status.
 */
class SpfCommandIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path PYSPF = Path.of("src/test/python/spfquery_local_dns.py");

    /** Zone data: the whole example. zone is local, so names not listed are NXDOMAIN and nothing recurses. */
    private static final List<String> ZONE = List.of(
            "local-zone: \"example.\" static",
            // a large provider: redirect to a policy that includes two netblock lists, softfail otherwise
            "local-data: 'bigmail.example. 300 IN TXT \"v=spf1 redirect=_spf.bigmail.example\"'",
            "local-data: '_spf.bigmail.example. 300 IN TXT \"v=spf1 include:_netblocks.bigmail.example "
                    + "include:_netblocks2.bigmail.example ~all\"'",
            "local-data: '_netblocks.bigmail.example. 300 IN TXT \"v=spf1 ip4:192.0.2.0/25 "
                    + "ip4:198.51.100.0/24 ip6:2001:db8:1::/48 ~all\"'",
            "local-data: '_netblocks2.bigmail.example. 300 IN TXT \"v=spf1 ip4:203.0.113.0/26 ~all\"'",
            // a small business: its MX and web host may send, nobody else
            "local-data: 'smallbiz.example. 300 IN TXT \"v=spf1 mx a -all\"'",
            "local-data: 'smallbiz.example. 300 IN MX 10 mail.smallbiz.example.'",
            "local-data: 'smallbiz.example. 300 IN A 192.0.2.201'",
            "local-data: 'mail.smallbiz.example. 300 IN A 192.0.2.200'",
            // strict with its own explanation
            "local-data: 'strict.example. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all exp=why.strict.example\"'",
            "local-data: 'why.strict.example. 300 IN TXT \"%{i} may not send mail for %{d}\"'",
            // an exists: check per client address, as reputation services publish
            "local-data: 'macro.example. 300 IN TXT \"v=spf1 exists:%{i}._ip.macro.example -all\"'",
            "local-data: '192.0.2.10._ip.macro.example. 300 IN A 127.0.0.2'",
            // neutral, no policy, duplicated policy, include of a domain without one, a long TXT in two strings
            "local-data: 'neutral.example. 300 IN TXT \"v=spf1 ?all\"'",
            "local-data: 'nospf.example. 300 IN TXT \"site-verification=abc123\"'",
            "local-data: 'twice.example. 300 IN TXT \"v=spf1 -all\"'",
            "local-data: 'twice.example. 300 IN TXT \"v=spf1 +all\"'",
            "local-data: 'broken.example. 300 IN TXT \"v=spf1 include:absent.example -all\"'",
            "local-data: 'split.example. 300 IN TXT \"v=spf1 ip4:192.0.2.77 \" \"ip4:198.51.100.77 -all\"'",
            "local-data: 'helo.smallbiz.example. 300 IN TXT \"v=spf1 a:mail.smallbiz.example -all\"'");

    private static UnboundServer dns;

    @TempDir
    Path directory;

    @BeforeAll
    static void startDns() throws Exception {
        dns = UnboundServer.start(ZONE, List.of());
    }

    @AfterAll
    static void stopDns() throws Exception {
        dns.close();
    }

    @Test
    void mailpipeAndPyspfAgreeOnEveryQuery() throws Exception {
        List<String[]> queries = new ArrayList<>();
        for (String ip : List.of("192.0.2.10", "198.51.100.20", "203.0.113.99", "2001:db8:1::25", "2001:db8:2::25")) {
            queries.add(new String[] {ip, "news@bigmail.example", "out.bigmail.example"});
        }
        for (String ip : List.of("192.0.2.200", "192.0.2.201", "192.0.2.202")) {
            queries.add(new String[] {ip, "office@smallbiz.example", "mail.smallbiz.example"});
        }
        for (String ip : List.of("192.0.2.5", "198.51.100.5")) {
            queries.add(new String[] {ip, "a@strict.example", "x.example"});
        }
        for (String ip : List.of("192.0.2.10", "192.0.2.11")) {
            queries.add(new String[] {ip, "alice@macro.example", "x.example"});
        }
        for (String domain : List.of("neutral.example", "nospf.example", "twice.example", "broken.example",
                "split.example", "nothere.example")) {
            queries.add(new String[] {"198.51.100.77", "user@" + domain, "x.example"});
        }
        queries.add(new String[] {"192.0.2.200", "", "helo.smallbiz.example"});
        queries.add(new String[] {"192.0.2.9", "", "helo.smallbiz.example"});

        List<String> theirs = pyspf(queries);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            String[] q = queries.get(i);
            CliRun run = spf("--ip", q[0], "--mail-from", q[1], "--helo", q[2], "--json");
            JsonNode json = run.json();
            String result = json.get("result").asText();
            String explanation = json.path("explanation").asText();
            String[] expected = theirs.get(i).split("\t", -1);
            String query = String.join(" ", q);
            assertEquals(expected[0], result, query);
            if (q[1].endsWith("@strict.example") && result.equals("fail")) {
                assertEquals(expected[1], explanation, query);
            }
            assertEquals(expectedExit(result), run.exitCode(), query + " " + run);
            seen.add(result);
        }
        for (String outcome : List.of("pass", "fail", "softfail", "neutral", "none", "permerror")) {
            assertTrue(seen.contains(outcome), outcome + " not reached: " + seen);
        }
    }

    @Test
    void textOutputShowsResultExplanationAndTheFieldsItWouldAdd() throws Exception {
        CliRun run = spf("--ip", "198.51.100.5", "--mail-from", "<a@strict.example>", "--helo", "x.example");

        assertEquals(ExitCodes.NEGATIVE, run.exitCode(), run.toString());
        String out = run.out().replace("\n\t", " ");
        assertTrue(out.contains("result: fail\n"), out);
        assertTrue(out.contains("explanation: 198.51.100.5 may not send mail for strict.example\n"), out);
        assertTrue(out.contains("Received-SPF: fail (localhost: domain of strict.example does not designate"), out);
        assertTrue(out.contains("client-ip=198.51.100.5;"), out);
        assertTrue(out.contains("Authentication-Results clause: spf=fail smtp.mailfrom=strict.example"), out);
    }

    @Test
    void traceListsEveryLookupAndDirectiveInOrder() throws Exception {
        CliRun run = spf("--ip", "203.0.113.9", "--mail-from", "news@bigmail.example", "--helo", "x.example",
                "--trace", "--json");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        List<String> trace = new ArrayList<>();
        run.json().get("trace").forEach(line -> trace.add(line.asText()));
        assertEquals(List.of(
                "check_host bigmail.example",
                "dns TXT bigmail.example -> \"v=spf1 redirect=_spf.bigmail.example\"",
                "redirect from bigmail.example to _spf.bigmail.example",
                "check_host _spf.bigmail.example",
                "dns TXT _spf.bigmail.example -> \"v=spf1 include:_netblocks.bigmail.example "
                        + "include:_netblocks2.bigmail.example ~all\"",
                "check_host _netblocks.bigmail.example",
                "dns TXT _netblocks.bigmail.example -> \"v=spf1 ip4:192.0.2.0/25 ip4:198.51.100.0/24 "
                        + "ip6:2001:db8:1::/48 ~all\"",
                "directive ip4:192.0.2.0/25 of _netblocks.bigmail.example does not match",
                "directive ip4:198.51.100.0/24 of _netblocks.bigmail.example does not match",
                "directive ip6:2001:db8:1::/48 of _netblocks.bigmail.example does not match",
                "directive ~all of _netblocks.bigmail.example matches",
                "directive include:_netblocks.bigmail.example of _spf.bigmail.example does not match",
                "check_host _netblocks2.bigmail.example",
                "dns TXT _netblocks2.bigmail.example -> \"v=spf1 ip4:203.0.113.0/26 ~all\"",
                "directive ip4:203.0.113.0/26 of _netblocks2.bigmail.example matches",
                "directive include:_netblocks2.bigmail.example of _spf.bigmail.example matches"), trace);
        assertEquals("pass", run.json().get("result").asText());
        assertEquals("include:_netblocks2.bigmail.example", run.json().get("mechanism").asText());
    }

    @Test
    void aDnsServerThatNeverAnswersGivesTemperrorAndStatusThree() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run("spf", "--ip", "192.0.2.1", "--mail-from", "a@bigmail.example", "--helo", "x",
                    "--dns", "127.0.0.1:" + silent.getLocalPort(), "--dns-timeout", "1", "--json");

            assertEquals(ExitCodes.TEMPORARY, run.exitCode(), run.toString());
            assertEquals("temperror", run.json().get("result").asText());
        }
    }

    private static CliRun spf(String... args) {
        List<String> all = new ArrayList<>(List.of("spf", "--dns", "127.0.0.1:" + dns.address().getPort()));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    private static int expectedExit(String result) {
        return switch (result) {
            case "pass", "none", "neutral" -> ExitCodes.OK;
            case "temperror" -> ExitCodes.TEMPORARY;
            default -> ExitCodes.NEGATIVE;
        };
    }

    private List<String> pyspf(List<String[]> queries) throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException("/usr/bin/python3 missing: apt-get install -y python3-spf "
                    + "python3-dnspython");
        }
        StringBuilder lines = new StringBuilder();
        queries.forEach(q -> lines.append(String.join("\t", q)).append('\n'));
        Path input = Files.writeString(directory.resolve("queries.tsv"), lines);
        Path errors = directory.resolve("stderr.txt");
        Process process = new ProcessBuilder(PYTHON.toString(), PYSPF.toString(),
                Integer.toString(dns.address().getPort()), input.toString()).redirectError(errors.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("pyspf failed: " + Files.readString(errors));
        }
        List<String> answers = new String(out, StandardCharsets.UTF_8).lines().toList();
        assertEquals(queries.size(), answers.size(), "one pyspf answer per query");
        return answers;
    }
}
