package io.mailpipe.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile DKIM input ends in typed permerror/temperror results with bounded work, never in an exception. */
class BadInputTest {

    private static final String BODY = "From: a@example.com\r\nTo: b@example.org\r\nSubject: s\r\n\r\nbody\r\n";
    private static final String VALID_TAGS = "v=1; a=ed25519-sha256; d=example.com; s=e; h=from:to; "
            + "bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA";
    private static KeyPair ed;

    @BeforeAll
    static void key() throws Exception {
        ed = TestKeys.ed25519();
    }

    private static DkimResult verifyOne(String signatureValue, DkimKeyLookup lookup) {
        byte[] message = Messages.bytes("DKIM-Signature:" + signatureValue + "\r\n" + BODY);
        return new DkimVerifier(lookup).verify(message).toCompletableFuture().join().results().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=1; v=1; a=rsa-sha256                     | DUPLICATE_TAG",
        "v=1; a=rsa-sha256;; d=x                     | MALFORMED_TAG_LIST",
        "v=1 a=rsa-sha256                            | BAD_VERSION",
        "1v=1                                        | MALFORMED_TAG_LIST",
        "v=2; a=rsa-sha256                           | BAD_VERSION",
        "a=rsa-sha256                                | MISSING_TAG",
        "REPLACE a=ed25519-sha256 a=rsa-sha512       | UNKNOWN_ALGORITHM",
        "REPLACE b=AAAA b=AAAAA                      | BAD_BASE64",
        "REPLACE bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= bh=A | BAD_BASE64",
        "REPLACE d=example.com d=exa$mple.com        | BAD_DOMAIN",
        "REPLACE h=from:to h=to:subject              | FROM_NOT_SIGNED",
        "REPLACE s=e s=e;i=x@other.com               | IDENTITY_NOT_IN_DOMAIN",
        "REPLACE s=e s=e;l=-5                        | BAD_NUMBER",
        "REPLACE s=e s=e;l=12345678901234567890123456789012345678901234567890123456789012345678901234567 | BAD_NUMBER",
        "REPLACE s=e s=e;t=200;x=100                 | EXPIRY_BEFORE_TIMESTAMP",
        "REPLACE s=e s=e;c=fancy/simple              | BAD_CANONICALIZATION",
        "REPLACE s=e s=e;q=http                      | BAD_QUERY_METHOD"})
    void malformedSignaturesArePermerrorsWithTheirProblem(String spec, String problem) {
        String value = spec;
        if (spec.startsWith("REPLACE ")) {
            String[] parts = spec.split(" ");
            value = VALID_TAGS.replace(parts[1], parts[2]);
        }
        DkimResult result = verifyOne(value, new InMemoryKeyLookup());
        assertEquals(DkimStatus.PERMERROR, result.status(), result.toString());
        assertTrue(result.reason().startsWith(problem), result.reason());
    }

    private static byte[] signedMessage(SignatureSpec spec) throws Exception {
        byte[] message = Messages.bytes(BODY);
        return Messages.prepend(new DkimSigner().sign(message, List.of(spec)), message);
    }

    private static SignatureSpec edSpec() throws Exception {
        return SignatureSpec.of("example.com", "e", TestKeys.signingKey(ed));
    }

    @Test
    void truncatedSignatureValueFails() throws Exception {
        String signed = new String(signedMessage(edSpec()), java.nio.charset.StandardCharsets.ISO_8859_1);
        int b = signed.indexOf(" b=") + 3;
        String truncated = signed.substring(0, b + 20) + signed.substring(signed.indexOf("\r\nFrom:"));
        List<DkimStatus> statuses = Messages.verify(new InMemoryKeyLookup().put("e", "example.com",
                TestKeys.record(ed)), Messages.bytes(truncated));
        assertEquals(List.of(DkimStatus.FAIL), statuses);
    }

    @Test
    void absurdBodyLengthIsPermerror() throws Exception {
        String signed = new String(signedMessage(edSpec()), java.nio.charset.StandardCharsets.ISO_8859_1);
        String absurd = signed.replace("DKIM-Signature: v=1;", "DKIM-Signature: v=1; l=99999999999999999999999;");
        DkimResult result = new DkimVerifier(new InMemoryKeyLookup().put("e", "example.com", TestKeys.record(ed)))
                .verify(Messages.bytes(absurd)).toCompletableFuture().join().results().get(0);
        assertEquals(DkimStatus.PERMERROR, result.status());
        assertTrue(result.reason().contains("exceeds"), result.reason());
    }

    @Test
    void thousandsOfSignaturesAreCappedAndOnlyTheFirstAreLookedUp() throws Exception {
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            message.append("DKIM-Signature: ").append(VALID_TAGS.replace("s=e", "s=sel" + i)).append("\r\n");
        }
        message.append(BODY);
        InMemoryKeyLookup lookup = new InMemoryKeyLookup();
        DkimVerification v = new DkimVerifier(lookup).verify(Messages.bytes(message.toString()))
                .toCompletableFuture().join();
        assertEquals(5000, v.results().size());
        assertEquals(10, lookup.queryCount());
        assertEquals(4990, v.results().stream().filter(r -> r.status() == DkimStatus.NEUTRAL).count());
        assertTrue(v.results().get(10).reason().startsWith("not evaluated"));
    }

    @Test
    void dnsFailuresAreTemperrorsAndMissingKeysPermerrors() throws Exception {
        byte[] message = signedMessage(edSpec());
        assertEquals(List.of(DkimStatus.TEMPERROR), Messages.verify(new InMemoryKeyLookup()
                .failTemporarily("e", "example.com"), message));
        assertEquals(List.of(DkimStatus.PERMERROR), Messages.verify(new InMemoryKeyLookup(), message));
        assertEquals(List.of(DkimStatus.TEMPERROR), Messages.verify((s, d) -> {
            throw new IllegalStateException("resolver broken");
        }, message));
        DkimVerifier impatient = new DkimVerifier(new InMemoryKeyLookup().neverAnswer("e", "example.com"),
                VerifierSettings.defaults().withLookupTimeout(Duration.ofMillis(50)), java.time.Clock.systemUTC());
        DkimResult hung = impatient.verify(message).toCompletableFuture().join().results().get(0);
        assertEquals(DkimStatus.TEMPERROR, hung.status());
        assertTrue(hung.reason().contains("timed out"), hung.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=DKIM1; p=                                      | PERMERROR | key revoked",
        "v=DKIM1; k=ed25519; h=sha1; p=KEY                | PERMERROR | key h= does not allow sha256",
        "v=DKIM1; k=rsa; p=KEY                            | PERMERROR | bad key record",
        "v=DKIM1; k=ed25519; p=AAAA                       | PERMERROR | bad key record",
        "k=ed25519; v=DKIM1; p=KEY                        | PERMERROR | bad key record",
        "v=DKIM1; k=ed25519; t=y; p=KEY                   | PASS      | ''",
        "v=DKIM1; k=ed25519; t=s; p=KEY                   | PERMERROR | key t=s forbids"})
    void keyRecordProblems(String record, DkimStatus expected, String reason) throws Exception {
        String raw = TestKeys.record(ed);
        String key = raw.substring(raw.indexOf("p=") + 2);
        byte[] message = signedMessage(edSpec().withIdentity("x@sub.example.com"));
        DkimResult result = new DkimVerifier(new InMemoryKeyLookup().put("e", "example.com",
                record.replace("KEY", key))).verify(message).toCompletableFuture().join().results().get(0);
        assertEquals(expected, result.status(), result.toString());
        assertTrue(result.reason().startsWith(reason), result.reason());
    }

    @Test
    void testingKeyTurnsFailureIntoNeutral() throws Exception {
        String raw = TestKeys.record(ed);
        byte[] message = signedMessage(edSpec());
        byte[] tampered = Messages.bytes(new String(message, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("body", "BODY"));
        DkimResult result = new DkimVerifier(new InMemoryKeyLookup().put("e", "example.com", raw + "; t=y"))
                .verify(tampered).toCompletableFuture().join().results().get(0);
        assertEquals(DkimStatus.NEUTRAL, result.status());
        assertTrue(result.testing());
    }

    @Test
    void rsaSha1AndSmallRsaKeysAreRefusedByPolicy() throws Exception {
        DkimResult sha1 = verifyOne(VALID_TAGS.replace("ed25519-sha256", "rsa-sha1"), new InMemoryKeyLookup());
        assertEquals(DkimStatus.POLICY, sha1.status());
        KeyPair small = TestKeys.rsa(768);
        byte[] message = Messages.bytes(BODY);
        SigningKey weak = new SigningKey(DkimAlgorithm.RSA_SHA256, small.getPrivate(), 768, "test");
        byte[] signed = Messages.prepend(new DkimSigner().sign(message, List.of(
                SignatureSpec.of("example.com", "w", weak))), message);
        DkimResult result = new DkimVerifier(new InMemoryKeyLookup().put("w", "example.com", TestKeys.record(small)))
                .verify(signed).toCompletableFuture().join().results().get(0);
        assertEquals(DkimStatus.POLICY, result.status());
        assertTrue(result.reason().contains("768"), result.reason());
    }

    @Test
    void expiredSignatureFails() throws Exception {
        byte[] message = Messages.bytes(BODY);
        DkimSigner past = new DkimSigner(java.time.Clock.fixed(Instant.ofEpochSecond(1000), ZoneOffset.UTC), 1 << 16);
        byte[] signed = Messages.prepend(past.sign(message, List.of(edSpec().withTimestamp(true,
                Duration.ofSeconds(60)))), message);
        DkimResult result = new DkimVerifier(new InMemoryKeyLookup().put("e", "example.com", TestKeys.record(ed)))
                .verify(signed).toCompletableFuture().join().results().get(0);
        assertEquals(DkimStatus.FAIL, result.status());
        assertEquals("signature expired", result.reason());
    }

    @Test
    void oversizedHeaderSectionIsOnePermerror() {
        String huge = "X-Big: " + "a".repeat(2 << 20) + "\r\n" + BODY;
        DkimVerification v = new DkimVerifier(new InMemoryKeyLookup()).verify(Messages.bytes(huge))
                .toCompletableFuture().join();
        assertEquals(DkimStatus.PERMERROR, v.results().get(0).status());
    }
}
