package io.mailpipe.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line DKIM tools against dkimpy (Debian python3-dkim, an independent RFC 6376 / RFC 8463
 * implementation): dkim-keygen, then dkim-sign, then dkimpy verifies with the TXT record dkim-keygen printed; and
 * dkimpy signs while dkim-verify checks with --key-record. Every canonicalisation pair, both algorithms.
 */
class DkimpyInteropIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path DRIVER = Path.of("src/test/python/dkimpy_cli_interop.py");
    private static final Path RFC8463 = Path.of("src/test/resources/dkim/rfc8463-appendix-a");
    private static final List<String> CANONICALIZATIONS = List.of("simple/simple", "simple/relaxed",
            "relaxed/simple", "relaxed/relaxed");
    private static final String MESSAGE = "Received: from client.example by mx.example.org; Mon, 23 Nov 2026\r\n"
            + "From: \"Alice Example\" <alice@example.org>\r\nTo: bob@example.net,\r\n  carol@example.net\r\n"
            + "Subject:   Quarterly   figures \r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
            + "Message-ID: <q4@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Figures attached.  \r\nSecond\tline with  spaces\r\n\r\n\r\n";

    @TempDir
    Path directory;

    @Test
    void dkimpyVerifiesWhatDkimSignProducesWithTheRecordDkimKeygenPrinted() throws Exception {
        for (String algorithm : List.of("rsa-sha256", "ed25519-sha256")) {
            String selector = algorithm.startsWith("rsa") ? "rsa2026" : "ed2026";
            CliRun keygen = CliRun.run("dkim-keygen", "--algorithm", algorithm, "--selector", selector, "--domain",
                    "example.org", "--out", directory.toString());
            assertEquals(ExitCodes.OK, keygen.exitCode(), keygen.toString());
            String printed = keygen.out().strip();
            String name = printed.substring(0, printed.indexOf(". IN TXT "));
            String record = joinedStrings(printed);
            for (String canonicalization : CANONICALIZATIONS) {
                CliRun signed = CliRun.run(MESSAGE.getBytes(StandardCharsets.UTF_8), "dkim-sign", "--domain",
                        "example.org", "--selector", selector, "--key",
                        directory.resolve(selector + ".private").toString(), "--algorithm", algorithm, "--canon",
                        canonicalization);
                assertEquals(ExitCodes.OK, signed.exitCode(), signed.toString());
                Path file = Files.write(directory.resolve(selector + canonicalization.replace('/', '-') + ".eml"),
                        signed.stdout());

                assertEquals(List.of("pass"), python("verify", file.toString(), name, record),
                        algorithm + " " + canonicalization);

                Path tampered = Files.writeString(directory.resolve("tampered.eml"),
                        signed.out().replace("Figures attached.", "Figures attached!"), StandardCharsets.UTF_8);
                assertTrue(python("verify", tampered.toString(), name, record).get(0).startsWith("fail"),
                        "dkimpy must reject a changed body");
            }
        }
    }

    @Test
    void dkimVerifyPassesWhatDkimpySigns() throws Exception {
        Path message = Files.writeString(directory.resolve("unsigned.eml"), MESSAGE, StandardCharsets.UTF_8);
        String[][] keys = {
            {"ed25519-sha256", "brisbane", "ed25519-private-seed.b64"},
            {"rsa-sha256", "test", "rsa-private.pem"}};
        List<String> records = new ArrayList<>();
        for (String line : Files.readAllLines(RFC8463.resolve("dns-records.txt"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                records.add(line.replaceFirst("\\.\\s+", "="));
            }
        }
        for (String[] key : keys) {
            for (String canonicalization : CANONICALIZATIONS) {
                byte[] signed = pythonBytes("sign", message.toString(), key[1], "football.example.com",
                        RFC8463.resolve(key[2]).toString(), key[0], canonicalization);

                CliRun run = CliRun.run(signed, "dkim-verify", "--key-record", records.get(0), "--key-record",
                        records.get(1), "--json");

                String context = key[0] + " " + canonicalization + ": " + run;
                assertEquals(ExitCodes.OK, run.exitCode(), context);
                JsonNode signature = run.json().get("signatures").get(0);
                assertEquals("pass", signature.get("result").asText(), context);
                assertEquals(key[0], signature.get("algorithm").asText(), context);
                assertEquals(key[1], signature.get("selector").asText(), context);
            }
        }
    }

    private List<String> python(String... args) throws Exception {
        return new String(pythonBytes(args), StandardCharsets.UTF_8).lines().toList();
    }

    private byte[] pythonBytes(String... args) throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException("/usr/bin/python3 missing: apt-get install -y python3-dkim python3-nacl");
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), DRIVER.toString()));
        command.addAll(List.of(args));
        Path errors = directory.resolve("python-stderr.txt");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("dkimpy failed: " + Files.readString(errors));
        }
        return out;
    }

    /** The character-strings of a zone-file TXT line joined, as DNS clients join them. */
    private static String joinedStrings(String zoneLine) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(zoneLine);
        while (m.find()) {
            out.append(m.group(1));
        }
        return out.toString();
    }
}
