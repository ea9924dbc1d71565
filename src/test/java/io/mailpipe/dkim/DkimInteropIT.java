package io.mailpipe.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailpipe.dns.DnsjavaResolver;
import io.mailpipe.dns.DnsjavaResolverSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with independent DKIM implementations from Debian (python3-dkim = dkimpy, opendkim-tools =
 * OpenDKIM): a generated corpus of hostile-but-valid messages is signed by mailpipe for every algorithm and
 * canonicalisation pair and verified by dkimpy (every signature) and OpenDKIM (a sample, one signature per file),
 * and the same corpus signed by dkimpy is verified here. One Python process handles the whole corpus.
 */
class DkimInteropIT {

    private static final int MESSAGES = 520;
    private static final int OPENDKIM_SAMPLE_EVERY = 13;
    private static final String OURS = "mailpipe.example";
    private static final String THEIRS = "dkimpy.example";
    private static final Canonicalization[][] PAIRS = {
        {Canonicalization.SIMPLE, Canonicalization.SIMPLE}, {Canonicalization.SIMPLE, Canonicalization.RELAXED},
        {Canonicalization.RELAXED, Canonicalization.SIMPLE}, {Canonicalization.RELAXED, Canonicalization.RELAXED}};

    @TempDir
    Path work;

    @Test
    void mailpipeDkimpyAndOpenDkimAgreeOnTheHostileCorpus() throws Exception {
        InMemoryKeyLookup zone = writeKeysAndZone();
        List<SignatureSpec> specs = specs();
        List<byte[]> corpus = HostileCorpus.generate(MESSAGES, 20261123L);
        int opendkimFiles = writeCorpus(corpus, specs);
        runPython();

        List<String[]> dkimpy = tsv("dkimpy-verify.tsv");
        assertEquals(MESSAGES * specs.size(), dkimpy.size());
        assertTrue(dkimpy.stream().allMatch(r -> r[2].equals("pass")), () -> failures(dkimpy));

        List<String[]> opendkim = tsv("opendkim-verify.tsv");
        assertEquals(opendkimFiles, opendkim.size());
        assertTrue(opendkim.stream().allMatch(r -> r[1].equals("pass")), () -> failures(opendkim));

        DkimVerifier verifier = new DkimVerifier(zone);
        List<String> ourFailures = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String file = name(i);
            byte[] signed = Files.readAllBytes(work.resolve("dkimpy-signed").resolve(file));
            List<DkimResult> results = verifier.verify(signed).toCompletableFuture().join().results();
            assertEquals(8, results.size());
            results.stream().filter(r -> r.status() != DkimStatus.PASS).forEach(r -> ourFailures.add(file + " " + r));
        }
        assertEquals(List.of(), ourFailures);
    }

    /** The production path: key records fetched with dnsjava from a DNS server on loopback (long TXT split). */
    @Test
    void keyRecordsFetchedWithDnsjavaFromALoopbackServerVerify() throws Exception {
        writeKeysAndZone();
        byte[] message = HostileCorpus.generate(4, 1L).get(3);
        byte[] signed = Messages.prepend(new DkimSigner().sign(message, specs()), message);
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process dns = new ProcessBuilder("/usr/bin/python3", script(), "--serve-dns",
                work.resolve("zone.txt").toString(), Integer.toString(port))
                .redirectError(work.resolve("dns.log").toFile()).start();
        try {
            BufferedReader ready = new BufferedReader(new InputStreamReader(dns.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertEquals("ready", ready.readLine(), () -> readQuietly(work.resolve("dns.log")));
            DnsjavaResolver resolver = new DnsjavaResolver(DnsjavaResolverSettings.defaults()
                    .withServers(List.of(new InetSocketAddress("127.0.0.1", port))));
            DkimVerifier verifier = new DkimVerifier(new ResolverKeyLookup(resolver));
            List<DkimStatus> statuses = verifier.verify(signed).toCompletableFuture().join().results().stream()
                    .map(DkimResult::status).toList();
            assertEquals(java.util.Collections.nCopies(8, DkimStatus.PASS), statuses);
            byte[] unknownSelector = Messages.bytes(new String(signed, StandardCharsets.ISO_8859_1)
                    .replaceFirst("s=rsa;", "s=absent;"));
            assertEquals(DkimStatus.PERMERROR, verifier.verify(unknownSelector).toCompletableFuture().join()
                    .results().get(0).status());
        } finally {
            dns.getOutputStream().close();
            dns.waitFor(5, TimeUnit.SECONDS);
            dns.destroyForcibly();
        }
    }

    private static String script() {
        return Path.of("src/test/python/dkim_interop.py").toAbsolutePath().toString();
    }

    private InMemoryKeyLookup writeKeysAndZone() throws IOException {
        Files.write(work.resolve("rsa.pem"), TestResources.bytes("dkimpy-1.1.4/2048_testkey.key"));
        Files.write(work.resolve("ed.seed"), TestResources.bytes("dkimpy-1.1.4/ed25519test.key"));
        String rsa = TestResources.text("dkimpy-1.1.4/2048_testkey_wo_markers.pub.txt").strip();
        String ed = TestResources.text("dkimpy-1.1.4/ed25519test.dns").strip();
        InMemoryKeyLookup zone = new InMemoryKeyLookup();
        StringBuilder text = new StringBuilder();
        for (String domain : List.of(OURS, THEIRS)) {
            zone.put("rsa", domain, rsa).put("ed", domain, ed);
            text.append("rsa._domainkey.").append(domain).append('\t').append(rsa).append('\n');
            text.append("ed._domainkey.").append(domain).append('\t').append(ed).append('\n');
        }
        Files.writeString(work.resolve("zone.txt"), text, StandardCharsets.US_ASCII);
        return zone;
    }

    private static List<SignatureSpec> specs() throws DkimKeyException {
        SigningKey rsa = TestResources.key("dkimpy-1.1.4/2048_testkey.key");
        SigningKey ed = TestResources.key("dkimpy-1.1.4/ed25519test.key");
        List<SignatureSpec> specs = new ArrayList<>();
        for (SigningKey key : List.of(rsa, ed)) {
            for (Canonicalization[] pair : PAIRS) {
                String selector = key == rsa ? "rsa" : "ed";
                specs.add(SignatureSpec.of(OURS, selector, key).withCanonicalization(pair[0], pair[1])
                        .withTimestamp(true, Duration.ofDays(2)));
            }
        }
        return specs;
    }

    private int writeCorpus(List<byte[]> corpus, List<SignatureSpec> specs) throws Exception {
        for (String dir : List.of("unsigned", "mailpipe", "opendkim")) {
            Files.createDirectories(work.resolve(dir));
        }
        DkimSigner signer = new DkimSigner();
        int opendkimFiles = 0;
        for (int i = 0; i < corpus.size(); i++) {
            byte[] message = corpus.get(i);
            Files.write(work.resolve("unsigned").resolve(name(i)), message);
            List<String> fields = signer.sign(message, specs);
            Files.write(work.resolve("mailpipe").resolve(name(i)), Messages.prepend(fields, message));
            if (i % OPENDKIM_SAMPLE_EVERY == 0) {
                for (int k = 0; k < fields.size(); k++) {
                    Files.write(work.resolve("opendkim").resolve(name(i) + "-" + k),
                            Messages.prepend(List.of(fields.get(k)), message));
                    opendkimFiles++;
                }
            }
        }
        return opendkimFiles;
    }

    private void runPython() throws Exception {
        Path log = work.resolve("python.log");
        Process process = new ProcessBuilder("/usr/bin/python3", script(), work.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            assertTrue(process.waitFor(10, TimeUnit.MINUTES), "interop driver timed out");
            assertEquals(0, process.exitValue(), () -> readQuietly(log));
        } finally {
            process.destroyForcibly();
        }
    }

    private List<String[]> tsv(String file) throws IOException {
        return Files.readAllLines(work.resolve(file), StandardCharsets.UTF_8).stream()
                .map(line -> line.split("\t", -1)).toList();
    }

    private static String failures(List<String[]> rows) {
        return rows.stream().filter(r -> !r[1].equals("pass") && !r[2].equals("pass")).limit(20)
                .map(r -> String.join(" | ", r)).reduce("", (a, b) -> a + "\n" + b);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String name(int i) {
        return String.format("m%04d.eml", i);
    }
}
