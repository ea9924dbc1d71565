package io.mailpipe.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailpipe.dkim.DkimAlgorithm;
import io.mailpipe.dkim.DkimKeyRecord;
import io.mailpipe.dkim.SigningKey;
import io.mailpipe.dkim.SigningKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dkim-keygen, dkim-sign and dkim-verify run in-process: the key pair and record written, byte-exact signed output,
 * results and exit statuses, JSON read back, and the RFC 8463 Appendix A message verified from its published
 * records (RFC 6376 §6, RFC 8463 §3).
 */
class DkimCommandsTest {

    private static final String MESSAGE = "From: Alice <alice@example.org>\r\nTo: bob@example.net\r\n"
            + "Subject: quarterly figures\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n\r\n"
            + "Figures attached.  \r\n\r\n\r\n";

    @TempDir
    Path directory;

    @Test
    void keygenWritesAKeyTheSignerLoadsAndARecordWhosePublicKeyMatchesIt() throws Exception {
        for (String algorithm : List.of("ed25519-sha256", "rsa-sha256")) {
            Path out = directory.resolve(algorithm);
            CliRun run = CliRun.run("dkim-keygen", "--algorithm", algorithm, "--bits", "1024", "--selector", "k1",
                    "--domain", "example.org", "--out", out.toString(), "--json");

            assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
            JsonNode json = run.json();
            assertEquals("k1._domainkey.example.org", json.get("name").asText());
            SigningKey key = SigningKeys.parse(Files.readAllBytes(Path.of(json.get("privateKeyFile").asText())),
                    "generated");
            assertEquals(DkimAlgorithm.fromTag(algorithm).orElseThrow(), key.algorithm());
            DkimKeyRecord record = DkimKeyRecord.parse(json.get("record").asText());
            assertEquals(key.algorithm().keyType(), record.keyType());
            assertTrue(signatureVerifies(key, record), algorithm);
            String zoneLine = Files.readString(Path.of(json.get("recordFile").asText()));
            assertTrue(zoneLine.startsWith("k1._domainkey.example.org. IN TXT "), zoneLine);
            assertEquals(json.get("record").asText(), joinedStrings(zoneLine));
        }
    }

    @Test
    void keygenRefusesToOverwriteAndRejectsBadBits() throws Exception {
        String[] args = {"dkim-keygen", "--algorithm", "ed25519-sha256", "--selector", "k1", "--domain", "example.org",
            "--out", directory.toString()};
        assertEquals(ExitCodes.OK, CliRun.run(args).exitCode());
        byte[] first = Files.readAllBytes(directory.resolve("k1.private"));

        CliRun again = CliRun.run(args);

        assertEquals(ExitCodes.USAGE, again.exitCode());
        assertTrue(again.stderr().contains("already exists"), again.stderr());
        assertArrayEquals(first, Files.readAllBytes(directory.resolve("k1.private")));
        assertEquals(ExitCodes.USAGE, CliRun.run("dkim-keygen", "--algorithm", "rsa-sha256", "--bits", "512",
                "--selector", "k2", "--domain", "example.org", "--out", directory.toString()).exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.run("dkim-keygen", "--algorithm", "rsa-sha1", "--selector", "k3",
                "--domain", "example.org", "--out", directory.toString()).exitCode());
    }

    @Test
    void signAddsOneFieldOnTopAndKeepsEveryOtherByte() throws Exception {
        String record = keygen("ed25519-sha256", "s1");
        byte[] message = MESSAGE.getBytes(StandardCharsets.UTF_8);

        CliRun signed = sign(message, "--domain", "example.org", "--selector", "s1", "--canon", "simple/relaxed",
                "--headers", "from:to:subject");

        assertEquals(ExitCodes.OK, signed.exitCode(), signed.toString());
        String out = signed.out();
        assertTrue(out.startsWith("DKIM-Signature: v=1; a=ed25519-sha256; c=simple/relaxed; d=example.org;"), out);
        String field = out.substring(0, out.indexOf("\r\nFrom: ") + 2);
        assertTrue(field.replaceAll("\\s", "").contains("h=from:to:subject;"), field);
        assertArrayEquals(message, Arrays.copyOfRange(signed.stdout(), field.length(), signed.stdout().length));

        CliRun verified = verify(signed.stdout(), "s1._domainkey.example.org=" + record);
        assertEquals(ExitCodes.OK, verified.exitCode(), verified.toString());
        assertTrue(verified.out().contains("signature 1: d=example.org s=s1 a=ed25519-sha256 result=pass"),
                verified.out());
        assertTrue(verified.out().contains("Authentication-Results: localhost; dkim=pass header.d=example.org"),
                verified.out());
    }

    @Test
    void aChangedBodyFailsWithStatusOneAndTheReasonInJson() throws Exception {
        String record = keygen("rsa-sha256", "r1");
        byte[] signed = sign(MESSAGE.getBytes(StandardCharsets.UTF_8), "--domain", "example.org", "--selector", "r1")
                .stdout();
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("Figures", "Figurez")
                .getBytes(StandardCharsets.UTF_8);

        CliRun run = verify(tampered, "r1._domainkey.example.org=\"" + record + "\"", "--json");

        assertEquals(ExitCodes.NEGATIVE, run.exitCode(), run.toString());
        JsonNode signature = run.json().get("signatures").get(0);
        assertEquals("fail", signature.get("result").asText());
        assertEquals("rsa-sha256", signature.get("algorithm").asText());
        assertEquals("r1", signature.get("selector").asText());
        assertTrue(signature.get("reason").asText().contains("body"), signature.toString());
        assertTrue(run.json().get("authenticationResults").asText().contains("dkim=fail"), run.out());
    }

    @Test
    void unixLineEndingsAreSignedAsCrlfAndTheFieldKeepsTheFilesStyle() throws Exception {
        String record = keygen("ed25519-sha256", "u1");
        byte[] message = MESSAGE.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);

        CliRun signed = sign(message, "--domain", "example.org", "--selector", "u1");

        assertEquals(ExitCodes.OK, signed.exitCode(), signed.toString());
        assertTrue(!signed.out().contains("\r"), signed.out());
        assertEquals(ExitCodes.OK, verify(signed.stdout(), "u1._domainkey.example.org=" + record).exitCode());
        String crlf = signed.out().replace("\n", "\r\n");
        assertEquals(ExitCodes.OK, verify(crlf.getBytes(StandardCharsets.UTF_8),
                "u1._domainkey.example.org=" + record).exitCode());
    }

    @Test
    void theRfc8463ExampleVerifiesFromItsPublishedRecords() throws Exception {
        List<String> records = Files.readAllLines(resource("rfc8463-appendix-a/dns-records.txt")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.replaceFirst("\\.\\s+", "=")).toList();

        CliRun run = verify(Files.readAllBytes(resource("rfc8463-appendix-a/signed-message.eml")),
                records.get(0), "--key-record", records.get(1), "--json");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        JsonNode signatures = run.json().get("signatures");
        assertEquals(2, signatures.size());
        assertEquals("ed25519-sha256", signatures.get(0).get("algorithm").asText());
        assertEquals("rsa-sha256", signatures.get(1).get("algorithm").asText());
        for (JsonNode signature : signatures) {
            assertEquals("pass", signature.get("result").asText(), signature.toString());
            assertEquals("football.example.com", signature.get("domain").asText());
        }
    }

    @Test
    void anUnsignedMessageIsNegativeAndAMissingKeyIsAPermanentError() throws Exception {
        CliRun unsigned = verify(MESSAGE.getBytes(StandardCharsets.UTF_8), "other._domainkey.example.org=v=DKIM1; p=");
        assertEquals(ExitCodes.NEGATIVE, unsigned.exitCode());
        assertTrue(unsigned.out().contains("dkim=none"), unsigned.out());

        keygen("ed25519-sha256", "m1");
        byte[] signed = sign(MESSAGE.getBytes(StandardCharsets.UTF_8), "--domain", "example.org", "--selector", "m1")
                .stdout();
        CliRun noKey = verify(signed, "other._domainkey.example.org=v=DKIM1; p=");
        assertEquals(ExitCodes.NEGATIVE, noKey.exitCode());
        assertTrue(noKey.out().contains("result=permerror"), noKey.out());
    }

    @Test
    void aKeyServerThatNeverAnswersIsATemporaryError() throws Exception {
        keygen("ed25519-sha256", "t1");
        byte[] signed = sign(MESSAGE.getBytes(StandardCharsets.UTF_8), "--domain", "example.org", "--selector", "t1")
                .stdout();
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run(signed, "dkim-verify", "--dns", "127.0.0.1:" + silent.getLocalPort(),
                    "--dns-timeout", "1", "--json");

            assertEquals(ExitCodes.TEMPORARY, run.exitCode(), run.toString());
            assertEquals("temperror", run.json().get("signatures").get(0).get("result").asText());
        }
    }

    @Test
    void badSigningArgumentsAreUsageErrors() throws Exception {
        keygen("ed25519-sha256", "b1");
        byte[] message = MESSAGE.getBytes(StandardCharsets.UTF_8);
        Path key = directory.resolve("b1.private");
        for (List<String> bad : List.of(List.of("--algorithm", "rsa-sha256"), List.of("--canon", "loose/relaxed"),
                List.of("--headers", "to:subject"))) {
            List<String> args = new ArrayList<>(List.of("dkim-sign", "--domain", "example.org",
                    "--selector", "b1", "--key", key.toString()));
            args.addAll(bad);
            CliRun run = CliRun.run(message, args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, run.exitCode(), bad + ": " + run);
            assertEquals(0, run.stdout().length, bad.toString());
        }
        CliRun missingKey = CliRun.run(message, "dkim-sign", "--domain", "example.org", "--selector", "b1", "--key",
                directory.resolve("absent.pem").toString());
        assertEquals(ExitCodes.USAGE, missingKey.exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.run(message, "dkim-verify", "--key-record", "no-equals-sign").exitCode());
        CliRun noFrom = CliRun.run("Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII), "dkim-sign",
                "--domain", "example.org", "--selector", "b1", "--key", key.toString());
        assertEquals(ExitCodes.NEGATIVE, noFrom.exitCode());
        assertTrue(noFrom.stderr().contains("From"), noFrom.stderr());
    }

    private String keygen(String algorithm, String selector) throws IOException {
        CliRun run = CliRun.run("dkim-keygen", "--algorithm", algorithm, "--bits", "1024", "--selector", selector,
                "--domain", "example.org", "--out", directory.toString(), "--json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        return run.json().get("record").asText();
    }

    private CliRun sign(byte[] message, String... args) {
        String selector = args[Arrays.asList(args).indexOf("--selector") + 1];
        List<String> all = new ArrayList<>(List.of("dkim-sign", "--key",
                directory.resolve(selector + ".private").toString()));
        all.addAll(List.of(args));
        return CliRun.run(message, all.toArray(String[]::new));
    }

    private static CliRun verify(byte[] message, String keyRecord, String... more) {
        List<String> all = new ArrayList<>(List.of("dkim-verify", "--key-record", keyRecord));
        all.addAll(List.of(more));
        return CliRun.run(message, all.toArray(String[]::new));
    }

    private static boolean signatureVerifies(SigningKey key, DkimKeyRecord record) throws Exception {
        String algorithm = key.algorithm() == DkimAlgorithm.RSA_SHA256 ? "SHA256withRSA" : "Ed25519";
        byte[] data = "probe".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key.privateKey());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(record.publicKey());
        verifier.update(data);
        return verifier.verify(signature);
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

    private static Path resource(String path) throws Exception {
        try (InputStream probe = DkimCommandsTest.class.getResourceAsStream("/dkim/" + path)) {
            assertTrue(probe != null, path);
        }
        return Path.of(DkimCommandsTest.class.getResource("/dkim/" + path).toURI());
    }
}
