package io.mailpipe.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8463 Appendix A: both signatures re-created byte for byte, and the vector and its variants verified. */
class Rfc8463ConformanceTest {

    private static final String DIR = "rfc8463-appendix-a/";
    private static final List<String> H = List.of("from", "to", "subject", "date", "message-id", "from",
            "subject", "date");
    private static final Clock SIGNING_TIME = Clock.fixed(Instant.ofEpochSecond(1528637909L), ZoneOffset.UTC);

    private static SignatureSpec spec(String selector, SigningKey key) {
        return SignatureSpec.of("football.example.com", selector, key)
                .withIdentity("@football.example.com")
                .withHeaders(HeaderPolicy.explicit(H));
    }

    @Test
    void signingReproducesBothSignatureValuesOfAppendixA3() throws Exception {
        List<String> fields = new DkimSigner(SIGNING_TIME, 1 << 20).sign(TestResources.bytes(DIR
                + "unsigned-message.eml"), List.of(
                spec("brisbane", TestResources.key(DIR + "ed25519-private-seed.b64")),
                spec("test", TestResources.key(DIR + "rsa-private.pem"))));
        String signed = TestResources.text(DIR + "signed-message.eml").replaceAll("\\s", "");
        assertEquals(bValue(signed, 0), bValue(fields.get(0), 0));
        assertEquals(bValue(signed, 1), bValue(fields.get(1), 0));
        assertEquals("/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11BusFa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==",
                bValue(fields.get(0), 0));
    }

    @Test
    void pkcs8KeysGiveTheSameSignatures() throws Exception {
        DkimSigner signer = new DkimSigner(SIGNING_TIME, 1 << 20);
        byte[] message = TestResources.bytes(DIR + "unsigned-message.eml");
        List<String> fromSeed = signer.sign(message, List.of(
                spec("brisbane", TestResources.key(DIR + "ed25519-private-seed.b64")),
                spec("test", TestResources.key(DIR + "rsa-private.pem"))));
        List<String> fromPkcs8 = signer.sign(message, List.of(
                spec("brisbane", TestResources.key(DIR + "ed25519-private-pkcs8.pem")),
                spec("test", TestResources.key(DIR + "rsa-private-pkcs8.pem"))));
        assertEquals(fromSeed, fromPkcs8);
    }

    private static String bValue(String text, int occurrence) {
        String compact = text.replaceAll("\\s", "");
        int at = -1;
        for (int i = 0; i <= occurrence; i++) {
            at = compact.indexOf(";b=", at + 1);
        }
        int end = compact.indexOf("DKIM-Signature", at);
        int stop = compact.indexOf("From:", at);
        int cut = end < 0 ? stop : Math.min(end, stop < 0 ? end : stop);
        return compact.substring(at + 3, cut < 0 ? compact.length() : cut);
    }

    @ParameterizedTest
    @CsvSource({
        "signed-message.eml, pass pass",
        "derived/ed25519-only.eml, pass",
        "derived/rsa-only.eml, pass",
        "derived/ed25519-only-bad-signature.eml, fail",
        "derived/body-modified.eml, fail fail",
        "derived/subject-modified.eml, fail fail",
        "derived/relaxed-whitespace-changed.eml, pass pass"})
    void verifiesTheVectorAndDerivedVariants(String file, String expected) {
        DkimVerifier verifier = new DkimVerifier(TestResources.zone(DIR + "dns-records.txt"));
        DkimVerification v = verifier.verify(TestResources.bytes(DIR + file)).toCompletableFuture().join();
        assertEquals(expected, String.join(" ", v.results().stream().map(r -> r.status().keyword()).toList()),
                v.results().toString());
    }

    @Test
    void signatureMadeHereVerifies() throws Exception {
        byte[] message = TestResources.bytes(DIR + "unsigned-message.eml");
        List<String> fields = new DkimSigner().sign(message, List.of(
                SignatureSpec.of("football.example.com", "brisbane",
                        TestResources.key(DIR + "ed25519-private-seed.b64")),
                SignatureSpec.of("football.example.com", "test", TestResources.key(DIR + "rsa-private.pem"))));
        byte[] signed = (String.join("", fields) + new String(message, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
        DkimVerification v = new DkimVerifier(TestResources.zone(DIR + "dns-records.txt")).verify(signed)
                .toCompletableFuture().join();
        assertEquals(List.of(DkimStatus.PASS, DkimStatus.PASS), v.results().stream().map(DkimResult::status).toList());
    }
}
